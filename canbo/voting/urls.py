"""Vote pages under /bo-phieu/."""

from django.urls import path

from . import views, voter_views

app_name = "voting"

urlpatterns = [
    path("hoi-nghi/<id:cid>/tao/", views.session_create, name="create"),
    path("<id:sid>/", views.session_detail, name="session"),
    path("<id:sid>/sua/", views.session_edit, name="edit"),
    path("<id:sid>/thao-tac/<str:action>/", views.session_action, name="action"),
    path("<id:sid>/phieu-giay/<id:operator>/", views.paper_entry, name="paper"),
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
