"""Build the service-layer Actor of a web or API request from the account's role grants."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from canbo.core.clock import SystemClock
from canbo.core.types import AccountId, Role, UnitId
from canbo.services.ports import Actor, Grant

from .models import RoleGrant


def actor_for(user: AbstractBaseUser | AnonymousUser, today: dt.date | None = None) -> Actor:
    """Grants valid today; a superuser is an administrator of the whole tree."""
    if not user.is_authenticated:
        return Actor(None, "anonymous", ())
    day = today or SystemClock().today()
    grants = [
        Grant(Role(role), UnitId(unit_id) if unit_id else None)
        for role, unit_id in RoleGrant.objects.filter(
            user_id=user.pk, valid_from__lte=day, valid_to__gte=day
        ).values_list("role", "unit_id")
    ]
    if getattr(user, "is_superuser", False):
        grants.append(Grant(Role.ADMIN, None))
    return Actor(AccountId(int(user.pk)), user.get_username(), tuple(grants))
