"""REST API routes and the OpenAPI schema (served with Swagger UI from the sidecar)."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from . import views

app_name = "api"

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("units/", views.UnitListView.as_view(), name="units"),
    path("units/<id:unit_id>/", views.UnitDetailView.as_view(), name="unit"),
    path("units/<id:unit_id>/versions/", views.UnitVersionsView.as_view(), name="unit-versions"),
    path("units/<id:unit_id>/children/", views.UnitChildrenView.as_view(), name="unit-children"),
    path("units/<id:unit_id>/members/", views.UnitMembersView.as_view(), name="unit-members"),
    path(
        "units/<id:unit_id>/member-count/",
        views.UnitMemberCountView.as_view(),
        name="unit-member-count",
    ),
    path("lineage/", views.LineageView.as_view(), name="lineage"),
    path("classification/", include("canbo.classification.api_urls")),
    path("people/", views.PeopleListView.as_view(), name="people"),
    path("people/<id:person_id>/", views.PersonDetailView.as_view(), name="person"),
    path(
        "people/<id:person_id>/transfer/",
        views.PersonTransferView.as_view(),
        name="person-transfer",
    ),
]
