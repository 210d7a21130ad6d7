"""Accounts for the demo and for ``canbo createadmin``: an administrator and scoped demo users.

Passwords are random unless given, and printed once; only their hashes are stored. Role grants
are scoped to a subtree of the organization tree (canbo.accounts.RoleGrant).
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction

from canbo.accounts.models import Role, RoleGrant
from canbo.audit.log import DjangoAuditLog
from canbo.services.ports import SYSTEM


@dataclass(frozen=True, slots=True)
class Credential:
    username: str
    password: str
    role: str
    scope: str


def new_password() -> str:
    """A random password of about 96 bits, readable enough to type."""
    return secrets.token_urlsafe(12)


def ensure_admin(username: str, password: str | None = None) -> Credential:
    """Create or reset the superuser ``username`` (audited as ``account.admin``)."""
    password = password or new_password()
    user_model = get_user_model()
    with transaction.atomic():
        user = user_model.objects.filter(username=username).first()
        created = user is None
        if user is None:
            user = user_model(username=username, email="")
        user.is_staff = user.is_superuser = user.is_active = True
        user.set_password(password)
        user.save()
        DjangoAuditLog().append(
            SYSTEM,
            "account.admin",
            "user",
            str(user.pk),
            None,
            {"username": username, "superuser": True},
            {"created": created},
        )
    return Credential(username, password, str(Role.ADMIN), "toàn hệ thống / whole tree")


def grant_user(
    username: str, role: Role, unit_id: int, scope: str, today: dt.date, password: str | None
) -> Credential:
    """A demo user with one role over the subtree rooted at ``unit_id`` from ``today``."""
    password = password or new_password()
    user_model = get_user_model()
    with transaction.atomic():
        user, _ = user_model.objects.get_or_create(username=username)
        user.is_active = True
        user.set_password(password)
        user.save()
        RoleGrant.objects.filter(user=user).delete()
        RoleGrant.objects.create(user=user, role=role, unit_id=unit_id, valid_from=today)
        DjangoAuditLog().append(
            SYSTEM,
            "account.grant",
            "user",
            str(user.pk),
            None,
            {"username": username, "role": str(role), "unit_id": unit_id},
        )
    return Credential(username, password, str(role), scope)


def demo_users(named: dict[str, int], today: dt.date, password: str | None) -> list[Credential]:
    """Org staff and the inspection committee of the new Tuyên Quang provincial committee, and
    a cell secretary."""
    users = []
    if "province:08" in named:
        users.append(
            grant_user(
                "tinhuy.tuyenquang",
                Role.ORG_STAFF,
                named["province:08"],
                "Đảng bộ tỉnh Tuyên Quang (từ 01/07/2025)",
                today,
                password,
            )
        )
        users.append(
            grant_user(
                "ubkt.tuyenquang",
                Role.INSPECTOR,
                named["province:08"],
                "Ủy ban Kiểm tra Tỉnh ủy Tuyên Quang / inspection committee",
                today,
                password,
            )
        )
    if "demo_cell" in named:
        users.append(
            grant_user(
                "bithu.chibo",
                Role.CELL_SECRETARY,
                named["demo_cell"],
                "một chi bộ thôn ở Tuyên Quang / a village cell",
                today,
                password,
            )
        )
    users += survey_commune_users(named, today, password)
    return users


def survey_commune_users(
    named: dict[str, int], today: dt.date, password: str | None
) -> list[Credential]:
    """Org staff of two communes asked for the Party Charter survey (``xa.<slug>``): one
    that has submitted and one that still has to (:mod:`canbo.demo.surveys`)."""
    from canbo.registry.models import UnitVersion

    from .surveys import slug

    users = []
    for key in ("survey_commune:submitted", "survey_commune:open"):
        if key not in named:
            continue
        version = UnitVersion.objects.filter(
            unit_id=named[key], valid_from__lte=today, valid_to__gte=today
        ).first()
        if version is None:
            continue
        scope = f"{version.name} (khảo sát Điều lệ Đảng / Charter survey)"
        users.append(
            grant_user(
                f"xa.{slug(version.name)}", Role.ORG_STAFF, named[key], scope, today, password
            )
        )
    return users
