"""Data for the two-servers test, created through the real services inside a
``canbo manage shell``: a province, a commune, a lead and an organization staff account.
Prints ``FIXTURE {json}``."""

from __future__ import annotations

import datetime as dt
import json

from django.contrib.auth import get_user_model

from canbo.accounts.models import RoleGrant
from canbo.core.types import Role, UnitKind
from tests import factories as f

PASSWORD = "mat-khau-dai-1"


def build() -> None:
    province = f.unit("Đảng bộ tỉnh Tuyên Quang", UnitKind.PROVINCIAL_PARTY_COMMITTEE)
    commune = f.unit("Đảng bộ xã Yên Minh", UnitKind.COMMUNE_PARTY_COMMITTEE, province)
    cell = f.unit("Chi bộ thôn Na Pô", UnitKind.CELL, commune)
    lead = f.person("Nguyễn Thị Hoa", cell)
    user = get_user_model().objects.create_user("tochuc.tinh", password=PASSWORD)
    RoleGrant.objects.create(
        user=user, role=Role.ORG_STAFF, unit_id=province, valid_from=dt.date(2020, 1, 1)
    )
    print("FIXTURE " + json.dumps({"province": province, "commune": commune, "lead": lead}))
