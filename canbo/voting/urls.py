"""Vote pages under /bo-phieu/."""

from django.urls import path

from . import views, voter_views

app_name = "voting"

urlpatterns = [
    path("hoi-nghi/<int:cid>/tao/", views.session_create, name="create"),
    path("<int:sid>/", views.session_detail, name="session"),
    path("<int:sid>/sua/", views.session_edit, name="edit"),
    path("<int:sid>/thao-tac/<str:action>/", views.session_action, name="action"),
    path("<int:sid>/phieu-giay/<int:operator>/", views.paper_entry, name="paper"),
    path("<int:sid>/tong-so/", views.totals_entry, name="totals"),
    path("<int:sid>/chenh-lech/", views.discrepancies, name="discrepancies"),
    path("<int:sid>/dinh-chinh/", views.correction, name="correction"),
    path("<int:sid>/ket-qua/", views.results, name="results"),
    path("<int:sid>/bien-ban-kiem-phieu.pdf", views.minutes_pdf, name="minutes"),
    path("<int:sid>/ket-qua.xlsx", views.results_xlsx, name="xlsx"),
    path("<int:sid>/phieu-ma/", views.slips, name="slips"),
    path("<int:sid>/khoa-kiem-phieu/", views.ballot_key, name="key"),
    path("<int:sid>/kiem-phieu/", views.count, name="count"),
    path("<int:sid>/bau/", voter_views.vote, name="vote"),
    path("ngon-ngu/", voter_views.voter_language, name="language"),
    path("<int:sid>/danh-sach-phieu/", voter_views.ballot_list, name="ballots"),
]
