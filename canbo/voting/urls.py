"""Vote pages under /bo-phieu/."""

from django.urls import path

from . import paper_views, views, voter_views

app_name = "voting"

urlpatterns = [
    path("hoi-nghi/<id:cid>/tao/", views.session_create, name="create"),
    path("<id:sid>/", views.session_detail, name="session"),
    path("<id:sid>/sua/", views.session_edit, name="edit"),
    path("<id:sid>/thao-tac/<str:action>/", views.session_action, name="action"),
    path("<id:sid>/phieu-giay/<id:operator>/", views.paper_entry, name="paper"),
    path("<id:sid>/phieu-giay/quet/", paper_views.overview, name="paper_scan"),
    path("<id:sid>/phieu-giay/in/", paper_views.print_pdf, name="paper_print"),
    path("<id:sid>/phieu-giay/tai-len/", paper_views.upload, name="paper_upload"),
    path("<id:sid>/phieu-giay/lo/<id:bid>/", paper_views.batch, name="paper_batch"),
    path("<id:sid>/phieu-giay/to/<id:shid>/", paper_views.sheet, name="paper_sheet"),
    path(
        "<id:sid>/phieu-giay/to/<id:shid>/anh.png", paper_views.sheet_overlay, name="paper_overlay"
    ),
    path(
        "<id:sid>/phieu-giay/to/<id:shid>/dong/<id:order>.png",
        paper_views.line_crop,
        name="paper_crop",
    ),
    path("<id:sid>/phieu-giay/xem-lai/", paper_views.queue, name="paper_queue"),
    path("<id:sid>/phieu-giay/doc-lan-hai/", paper_views.second_reading, name="paper_second"),
    path("<id:sid>/phieu-giay/doi-chieu/", paper_views.reconcile, name="paper_reconcile"),
    path("<id:sid>/tong-so/", views.totals_entry, name="totals"),
    path("<id:sid>/chenh-lech/", views.discrepancies, name="discrepancies"),
    path("<id:sid>/dinh-chinh/", views.correction, name="correction"),
    path("<id:sid>/ket-qua/", views.results, name="results"),
    path("<id:sid>/bien-ban-kiem-phieu.pdf", views.minutes_pdf, name="minutes"),
    path("<id:sid>/ket-qua.xlsx", views.results_xlsx, name="xlsx"),
    path("<id:sid>/phieu-ma/", views.slips, name="slips"),
    path("<id:sid>/phat-ma/", views.hand_out, name="hand_out"),
    path("<id:sid>/khoa-kiem-phieu/", views.ballot_key, name="key"),
    path("<id:sid>/kiem-phieu/", views.count, name="count"),
    path("<id:sid>/bau/", voter_views.vote, name="vote"),
    path("ngon-ngu/", voter_views.voter_language, name="language"),
    path("<id:sid>/danh-sach-phieu/", voter_views.ballot_list, name="ballots"),
]
