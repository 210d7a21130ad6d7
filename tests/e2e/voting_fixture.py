"""Data for the CLI, crash and browser vote tests, created through the real services.

Run inside a ``canbo manage shell``: ``from tests.e2e.voting_fixture import build; build()``
prints JSON with the commune's unit code, the person codes (in creation order) and the
counting committee's usernames.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.contrib.auth import get_user_model

from canbo.accounts.models import RoleGrant
from canbo.core.types import Role
from canbo.registry.models import OrgUnit, Person
from tests import factories as f

NAMES = (
    "Nguyễn Thị Hoa",
    "Trần Văn Bình",
    "Lê Minh Châu",
    "Phạm Quốc Dũng",
    "Hoàng Thị Lan",
    "Vũ Đức Minh",
    "Đặng Thu Hà",
    "Bùi Văn Khánh",
    "Đỗ Thị Mai",
    "Ngô Văn Nam",
    "Dương Thị Oanh",
    "Lý Văn Phúc",
)
PASSWORD = "mat-khau-dai-1"


def account(username: str, role: Role, unit: int) -> Any:
    user = get_user_model().objects.create_user(username, password=PASSWORD)
    RoleGrant.objects.create(user=user, role=role, unit_id=unit, valid_from=dt.date(2020, 1, 1))
    return user


def build(persons: int = 9, *, echo: bool = True) -> dict[str, Any]:
    tree = f.small_tree()
    people = [f.person(name, tree.cell_a) for name in NAMES[:persons]]
    codes = dict(Person.objects.filter(pk__in=people).values_list("pk", "code"))
    account("bantochuc", Role.ORG_STAFF, tree.commune)
    for name in ("kp1", "kp2"):
        account(name, Role.COUNTING_COMMITTEE, tree.commune)
    out = {
        "unit": OrgUnit.objects.get(pk=tree.commune).code,
        "persons": [codes[p] for p in people],
        "person_ids": [int(p) for p in people],
        "counters": ["kp1", "kp2"],
        "staff": "bantochuc",
    }
    if echo:
        print("FIXTURE " + json.dumps(out))
    return out
