"""Congress pages under /dai-hoi/ (URL namespace ``congresses``)."""

from django.urls import path

from . import views

app_name = "congresses"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("<id:cid>/", views.detail, name="detail"),
    path("<id:cid>/ban-trieu-tap/", views.committee, name="committee"),
    path("<id:cid>/danh-sach/", views.roll, name="roll"),
    path("<id:cid>/dai-bieu/", views.delegates, name="delegates"),
    path("<id:cid>/khong-trieu-tap/", views.not_convened, name="not_convened"),
    path("<id:cid>/khong-trieu-tap/de-xuat/", views.accept_not_convened, name="accept_out"),
    path("<id:cid>/chot-danh-sach/", views.fix, name="fix"),
    path("<id:cid>/khai-mac/", views.open_, name="open"),
    path("<id:cid>/be-mac/", views.close, name="close"),
    path("<id:cid>/co-quan/", views.body, name="body"),
    path("<id:cid>/tham-tra-tu-cach/", views.credentials, name="credentials"),
    path("<id:cid>/tru/", views.subtract, name="subtract"),
    path("<id:cid>/tru/de-xuat/", views.accept_subtractions, name="accept_lines"),
    path("<id:cid>/tru/bo/", views.unsubtract, name="unsubtract"),
]
