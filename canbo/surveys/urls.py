"""URLs under /yeu-cau-bao-cao/."""

from django.urls import URLPattern, URLResolver, path

from . import views

app_name = "surveys"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.index_view, name="index"),
    path("bieu-mau/moi/", views.form_new_view, name="form_new"),
    path("gui/", views.request_new_view, name="request_new"),
    path("<id:request_id>/", views.overview_view, name="overview"),
    path("<id:request_id>/nhac/", views.remind_view, name="remind"),
    path("<id:request_id>/tong-hop.xlsx", views.overview_xlsx_view, name="overview_xlsx"),
    path("<id:request_id>/tong-hop.pdf", views.overview_pdf_view, name="overview_pdf"),
    path("bao-cao/<id:assignment_id>/", views.fill_view, name="fill"),
    path("bao-cao/<id:assignment_id>/mau.xlsx", views.template_view, name="template"),
    path("bao-cao/<id:assignment_id>/tai-len/", views.upload_view, name="upload"),
]
