from django.urls import path

from . import feeds, views

app_name = "bilag"

urlpatterns = [
    path("", views.home, name="home"),
    path("soeg/", views.SearchView.as_view(), name="search"),
    path("feed/", feeds.all_feed, name="feed"),
    path("kilder/", views.source_list, name="sources"),
    path("kilder/<slug:slug>/", views.SourceBilagList.as_view(), name="source"),
    path("<slug:country>/", views.CountryBilagList.as_view(), name="country"),
    path("<slug:country>/feed/", feeds.country_feed, name="country_feed"),
    path("<slug:country>/nye/", views.new_since, name="new_since"),
    path("<slug:country>/nye.csv", views.new_since_csv, name="new_since_csv"),
    path("<slug:country>/bilagsfortegnelse/", views.annex_list, name="annex_list"),
    path("<slug:country>/bilagsfortegnelse.csv", views.annex_list_csv, name="annex_list_csv"),
    path("<slug:country>/<int:number>/", views.BilagDetail.as_view(), name="detail"),
    path("<slug:country>/<int:number>/pdf", views.bilag_pdf, name="pdf"),
    path("<slug:country>/<int:number>/original.pdf", views.bilag_original_pdf, name="original"),
    path(
        "<slug:country>/<int:number>/pdf/v<int:version>",
        views.bilag_pdf_version,
        name="pdf_version",
    ),
    path("<slug:country>/<int:number>/txt", views.bilag_text, name="text"),
]
