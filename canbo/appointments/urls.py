from django.urls import path

from . import complaints, control_views, views

app_name = "appointments"

urlpatterns = [
    path("", views.process_list, name="list"),
    path("bo-nhiem-lai/", views.reappointments, name="reappointments"),
    path("don-thu/", complaints.complaint_list, name="complaints"),
    path(
        "don-thu/<id:complaint_id>/tinh-trang/",
        complaints.complaint_status,
        name="complaint_status",
    ),
    path("<id:process_id>/", views.detail, name="detail"),
    path("<id:process_id>/buoc/<str:kind>/", views.step, name="step"),
    path("<id:process_id>/ho-so/", views.dossier, name="dossier"),
    path("<id:process_id>/ho-so/thanh-phan/", views.dossier_item, name="dossier_item"),
    path("<id:process_id>/truong-hop-dac-biet/", views.override, name="override"),
    path("<id:process_id>/quyet-dinh/", views.decide, name="decide"),
    path("<id:process_id>/nguoi-quyet-dinh/", views.decider, name="decider"),
    # Power control (QĐ 114-QĐ/TW): the panel, recusals, the dossier PDF and the control report.
    path("<id:process_id>/kiem-soat/", control_views.panel, name="control_panel"),
    path("<id:process_id>/kiem-soat/tranh/", control_views.recusal, name="control_recusal"),
    path("<id:process_id>/ho-so.pdf", control_views.dossier_view, name="dossier_pdf"),
    path("kiem-soat/", control_views.report, name="control"),
    path("kiem-soat.xlsx", control_views.report_xlsx, name="control_xlsx"),
    path("kiem-soat.pdf", control_views.report_pdf, name="control_pdf"),
    path("kiem-soat/quen-biet/", control_views.acquaintance, name="control_acquaintance"),
]
