"""Lists of bilag as CSV for spreadsheets: streamed, Excel-friendly, safe to open."""

import csv
import datetime
from collections.abc import Iterable, Iterator

from django.http import StreamingHttpResponse
from django.utils.translation import gettext as _

from .models import Bilag, DatePrecision

BOM = "\ufeff"  # Excel reads a CSV as UTF-8 only when it starts with a byte order mark
# A cell starting with one of these is a formula to Excel and LibreOffice.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
CHUNK_SIZE = 1000


class _Echo:
    """A file-like object whose write() hands the line back, for csv.writer."""

    def write(self, value: str) -> str:
        return value


def safe_cell(value) -> str | int:
    if value is None:
        return ""
    if isinstance(value, int):
        return value
    value = str(value)
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value


def iso_fuzzy_date(value: datetime.date | None, precision: str) -> str:
    """2018-09-11, 2018-09 or 2018, as precise as the bilag's date is."""
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        return f"{value:%Y}"
    if precision == DatePrecision.MONTH:
        return f"{value:%Y-%m}"
    return value.isoformat()


def bilag_header() -> list[str]:
    return [
        _("Nummer"),
        _("Titel"),
        _("Kilde"),
        _("Udgivet"),
        _("Optaget"),
        _("Status"),
        _("Permalink"),
    ]


def bilag_rows(request, bilags: Iterable[Bilag], statuses: dict[str, str]) -> Iterator[list]:
    for bilag in bilags:
        yield [
            bilag.number,
            bilag.title,
            bilag.source.name if bilag.source_id else "",
            iso_fuzzy_date(bilag.published, bilag.published_precision),
            bilag.added.isoformat(),
            statuses.get(bilag.status, bilag.status),
            request.build_absolute_uri(bilag.get_absolute_url()),
        ]


def csv_response(request, queryset, filename: str) -> StreamingHttpResponse:
    """Stream `queryset` as a CSV download, one chunk of rows at a time."""
    # Translated now, in the request's language: the rows are written after the view returns.
    header = bilag_header()
    statuses = {value: str(label) for value, label in Bilag.Status.choices}
    writer = csv.writer(_Echo())

    def lines() -> Iterator[str]:
        yield BOM + writer.writerow(header)
        for row in bilag_rows(request, queryset.iterator(chunk_size=CHUNK_SIZE), statuses):
            yield writer.writerow([safe_cell(cell) for cell in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
