"""Installations and their keys: this installation's own key pair, and the public keys of
the installations above and below it.

Only the administrator of the whole tree registers installations and keys: a registered key
is what makes a bundle's data trusted. The private key never enters the database.
"""

from __future__ import annotations

import datetime as dt

from canbo.core.bundles import signing
from canbo.core.errors import Conflict, NotFound, ValidationError
from canbo.services import access
from canbo.services.bundles.ports import BundleUnitOfWork, KeyStore, KeyView, Relation
from canbo.services.ports import Actor


def _unit(uow: BundleUnitOfWork, code: str) -> int:
    found = uow.bundles.unit_id(code)
    if found is None:
        raise NotFound("bundle_unit_unknown", unit=code)
    return found


def _key_added(
    uow: BundleUnitOfWork,
    actor: Actor,
    installation_id: int,
    name: str,
    public: bytes,
    now: dt.datetime,
) -> KeyView:
    kid = signing.key_id(public)
    if uow.bundles.key(kid) is not None:
        raise Conflict("bundle_key_exists", key_id=kid)
    uow.bundles.add_key(installation_id, kid, public, now)
    uow.audit.append(
        actor, "bundle.key_add", "installation_key", kid, None,
        {"installation": name, "key_id": kid, "valid_from": now.isoformat()},
    )  # fmt: skip
    key = uow.bundles.key(kid)
    if key is None:  # pragma: no cover - the repository just stored it
        raise NotFound("bundle_key_unknown", key_id=kid, sender=name)
    return key


def init_own(
    uow: BundleUnitOfWork,
    actor: Actor,
    store: KeyStore,
    name: str,
    unit_code: str,
    now: dt.datetime,
) -> KeyView:
    """Name this installation, the root of the subtree it holds, and make its first key."""
    access.require_admin(actor)
    with uow:
        if uow.bundles.own_installation() is not None:
            raise Conflict("bundle_own_exists")
        if uow.bundles.installation(name) is not None:
            raise Conflict("installation_exists", name=name)
        unit_id = _unit(uow, unit_code)
        inst = uow.bundles.add_installation(name, Relation.SELF, unit_id)
        private = signing.new_private_key()
        key = _key_added(uow, actor, inst, name, signing.public_key_of(private), now)
        store.save(private)
        uow.commit()
    return key


def rotate_own(uow: BundleUnitOfWork, actor: Actor, store: KeyStore, now: dt.datetime) -> KeyView:
    """A new key pair for this installation; bundles are signed with it from now on. The
    old public key stays valid at the receivers until they revoke it."""
    access.require_admin(actor)
    with uow:
        own = uow.bundles.own_installation()
        if own is None:
            raise NotFound("bundle_no_installation")
        private = signing.new_private_key()
        key = _key_added(uow, actor, own.id, own.name, signing.public_key_of(private), now)
        store.save(private)
        uow.commit()
    return key


def register(
    uow: BundleUnitOfWork, actor: Actor, name: str, relation: Relation, unit_code: str,
    public_key: str, now: dt.datetime,
) -> KeyView:  # fmt: skip
    """Register another installation (upper or lower) with the root of its subtree, or add a
    key to one already registered (its rotation)."""
    access.require_admin(actor)
    if relation == Relation.SELF:
        raise ValidationError("bundle_manifest_invalid", field="relation")
    public = signing.decode_key(public_key)
    with uow:
        unit_id = _unit(uow, unit_code)
        found = uow.bundles.installation(name)
        if found is None:
            inst = uow.bundles.add_installation(name, relation, unit_id)
            uow.audit.append(
                actor, "bundle.installation_add", "installation", name, None,
                {"name": name, "relation": str(relation), "unit": unit_code},
            )  # fmt: skip
        elif found.relation != relation or found.root_unit_id != unit_id:
            raise Conflict("installation_exists", name=name)
        else:
            inst = found.id
        key = _key_added(uow, actor, inst, name, public, now)
        uow.commit()
    return key


def revoke(
    uow: BundleUnitOfWork, actor: Actor, key_id: str, reason: str, now: dt.datetime
) -> KeyView:
    """Revoke a key: bundles signed with it are refused from now on, whenever they were made."""
    access.require_admin(actor)
    if not reason.strip():
        raise ValidationError("bundle_revoke_reason")
    with uow:
        key = uow.bundles.key(key_id)
        if key is None:
            raise NotFound("bundle_key_unknown", key_id=key_id, sender="-")
        if key.revoked_at is not None:
            raise Conflict(
                "bundle_key_revoked", key_id=key_id, revoked=key.revoked_at.date().isoformat()
            )
        uow.bundles.revoke_key(key_id, now, reason.strip())
        uow.audit.append(
            actor, "bundle.key_revoke", "installation_key", key_id,
            {"revoked_at": None}, {"revoked_at": now.isoformat(), "reason": reason.strip()},
        )  # fmt: skip
        uow.commit()
        found = uow.bundles.key(key_id)
    return found or key
