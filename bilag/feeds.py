"""Atom feeds of newly added bilag, for everything and per country."""

import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import Bilag, Country
from .views import CountryRedirect, get_country, redirect_with_query

FEED_LENGTH = 50


def start_of_day(date: datetime.date) -> datetime.datetime:
    midnight = datetime.time.min.replace(tzinfo=timezone.get_default_timezone())
    return datetime.datetime.combine(date, midnight)


class NewBilagFeed(Feed):
    """The latest bilag added across all countries."""

    feed_type = Atom1Feed
    title = gettext_lazy("Flygtningenævnets baggrundsmateriale: nye bilag")
    subtitle = gettext_lazy("Bilag senest optaget på baggrundsmaterialet.")

    def link(self, obj=None) -> str:
        return reverse("bilag:home")

    def items(self, obj=None):
        bilags = Bilag.objects.public().current().listing()
        if obj is not None:
            bilags = bilags.for_country(obj)
        return bilags.order_by("-added", "-number", "-pk")[:FEED_LENGTH]

    def item_title(self, item: Bilag) -> str:
        return _("%(country)s, bilag nr. %(number)s: %(title)s") % {
            "country": item.country.name_da,
            "number": item.number,
            "title": item.title or _("(uden titel)"),
        }

    def item_description(self, item: Bilag) -> str:
        details = [item.source.name] if item.source_id else []
        if item.published:
            details.append(_("udgivet %(date)s") % {"date": item.published_display})
        details.append(_("optaget %(date)s") % {"date": item.added.isoformat()})
        return ", ".join(details)

    def item_pubdate(self, item: Bilag) -> datetime.datetime:
        return start_of_day(item.added)

    def item_updateddate(self, item: Bilag) -> datetime.datetime:
        return max(filter(None, [start_of_day(item.added), item.corrected_at]))

    def item_author_name(self, item: Bilag) -> str:
        return item.source.name if item.source_id else ""

    def item_categories(self, item: Bilag) -> list[str]:
        return [item.country.name_da]


class CountryFeed(NewBilagFeed):
    """The latest bilag added to one country."""

    def get_object(self, request, country: str) -> Country:
        return get_country(country)

    def title(self, obj: Country) -> str:
        return _("%(country)s: nye bilag") % {"country": obj.name_da}

    def subtitle(self, obj: Country) -> str:
        return _("Bilag senest optaget under %(country)s.") % {"country": obj.name_da}

    def link(self, obj: Country) -> str:
        return obj.get_absolute_url()


all_feed = NewBilagFeed()
_country_feed = CountryFeed()


def country_feed(request, country: str):
    try:
        return _country_feed(request, country=country)
    except CountryRedirect as moved:
        url = reverse("bilag:country_feed", kwargs={"country": moved.country.slug})
        return redirect_with_query(request, url)
