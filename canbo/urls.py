"""URL map: the web shell, the REST API with its OpenAPI schema, admin, i18n switch."""

from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

import canbo.converters  # noqa: F401  registers <id:...> before the app routes are read

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", include("canbo.api.urls")),
    path("danh-gia/", include("canbo.classification.urls")),
    path("hoi-nghi/", include("canbo.voting.conference_urls")),
    path("bo-phieu/", include("canbo.voting.urls")),
    path("dai-hoi/", include("canbo.congresses.urls")),
    path("dai-hoi/", include("canbo.elections.urls")),
    path("bo-nhiem/", include("canbo.appointments.urls")),
    # The control report for the inspection committees lives with the appointments.
    path(
        "kiem-soat/",
        RedirectView.as_view(pattern_name="appointments:control", query_string=True),
    ),
    path("quy-hoach/", include("canbo.planning.urls")),
    path("thong-ke/", include("canbo.stats.urls")),
    path("yeu-cau-bao-cao/", include("canbo.surveys.urls")),
    path("chuong-trinh-cong-tac/", include("canbo.programme.urls")),
    path("lien-thong/", include("canbo.bundles.urls")),
    path("bao-cao/", include("canbo.reports.urls")),
    path("", include("canbo.web.urls")),
]
