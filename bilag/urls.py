from django.urls import path

from . import views

app_name = "bilag"

urlpatterns = [
    path("", views.home, name="home"),
    path("soeg/", views.SearchView.as_view(), name="search"),
    path("<slug:country>/", views.CountryBilagList.as_view(), name="country"),
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
