"""Congress pages under /dai-hoi/ (URL namespace ``congresses``)."""

from django.urls import path

from . import views

app_name = "congresses"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("<id:congress_id>/", views.detail, name="detail"),
    path("<id:congress_id>/ban-trieu-tap/", views.committee, name="committee"),
    path("<id:congress_id>/danh-sach/", views.roll, name="roll"),
    path("<id:congress_id>/dai-bieu/", views.delegates, name="delegates"),
    path("<id:congress_id>/khong-trieu-tap/", views.not_convened, name="not_convened"),
    path("<id:congress_id>/khong-trieu-tap/de-xuat/", views.accept_not_convened, name="accept_out"),
    path("<id:congress_id>/khong-trieu-tap/bo/", views.convene_again, name="convene_again"),
    path("<id:congress_id>/chot-danh-sach/", views.fix, name="fix"),
    path("<id:congress_id>/khai-mac/", views.open_, name="open"),
    path("<id:congress_id>/be-mac/", views.close, name="close"),
    path("<id:congress_id>/co-quan/", views.body, name="body"),
    path("<id:congress_id>/tham-tra-tu-cach/", views.credentials, name="credentials"),
    path("<id:congress_id>/tru/", views.subtract, name="subtract"),
    path("<id:congress_id>/tru/de-xuat/", views.accept_subtractions, name="accept_lines"),
    path("<id:congress_id>/tru/bo/", views.unsubtract, name="unsubtract"),
]
