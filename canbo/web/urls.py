"""Web shell routes: the tree, units, search, people; login, TOTP and logout (accounts)."""

from django.urls import include, path

from canbo.accounts import views as accounts

from . import history_views, home_views, views

app_name = "web"

urlpatterns = [
    path("", home_views.home_view, name="home"),
    path("tree/", views.tree_view, name="tree"),
    path("units/<id:unit_id>/", views.unit_view, name="unit"),
    path("units/<id:unit_id>/children/", views.children_view, name="children"),
    path("search/", views.search_view, name="search"),
    path("tim/goi-y/", views.suggest_view, name="suggest"),
    path("people/<id:person_id>/", views.person_view, name="person"),
    path(
        "people/<id:person_id>/so-yeu-ly-lich.pdf",
        history_views.personal_history_pdf_view,
        name="personal_history_pdf",
    ),
    path(
        "people/<id:person_id>/ho-so-dang-vien.pdf",
        history_views.party_record_pdf_view,
        name="party_record_pdf",
    ),
    path("people/<id:person_id>/anh/", history_views.photo_view, name="person_photo"),
    path("", include("canbo.web.record_urls")),
    path("quy-dinh/", views.rules_view, name="rules"),
    path("login/", accounts.login_view, name="login"),
    path("login/totp/", accounts.totp_verify_view, name="totp_verify"),
    path("login/totp/setup/", accounts.totp_setup_view, name="totp_setup"),
    path("logout/", accounts.logout_view, name="logout"),
]
