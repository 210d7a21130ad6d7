"""Pages of the bundle exchange under /lien-thong/: this installation and the registered
ones with their keys, the export form, the upload to verify or import, the receipts (with
the superseded ones) and the received records by kind. Parse, call a service, render."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from typing import Any, cast

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from canbo.accounts import scope
from canbo.accounts.actors import actor_for
from canbo.accounts.decorators import verified_login_required
from canbo.core.clock import SystemClock
from canbo.core.errors import DomainError, ValidationError
from canbo.core.permissions import Action, roles_for
from canbo.refusals import flash_refusal, valid_data
from canbo.refusals import message as refusal_message
from canbo.registry.pickers import bind_pickers
from canbo.services import access
from canbo.services.bundles import keys, receive, send
from canbo.services.bundles.ports import BundleUnitOfWork, Relation
from canbo.services.ports import SYSTEM, Actor

from . import forms, selectors
from .keystore import FileKeyStore
from .kinds import load_all
from .uow import DjangoBundleUnitOfWork

MAX_UPLOAD = forms.MAX_UPLOAD


def _uow() -> BundleUnitOfWork:
    return cast(BundleUnitOfWork, DjangoBundleUnitOfWork())


def _now() -> dt.datetime:
    return SystemClock().now()


def _exchanges(actor: Actor) -> bool:
    return bool(access.roots_for(actor, roles_for(Action.EXCHANGE_BUNDLES)))


def _run(request: HttpRequest, action: Callable[[], str]) -> HttpResponse:
    try:
        messages.success(request, action())
    except DomainError as exc:
        flash_refusal(request, exc)
    return redirect("bundles:index")


def _forms(actor: Actor, data: Any = None) -> dict[str, Any]:
    today = SystemClock().today()
    # The export form opens on this year so far; the clerk narrows it if needed.
    period = {"period_start": today.replace(month=1, day=1), "period_end": today}
    export = forms.ExportForm(data, kinds=sorted(load_all()), initial=period)
    register = forms.RegisterForm(data)
    bind_pickers(export, actor, today)
    bind_pickers(register, actor, today)
    return {"export_form": export, "upload_form": forms.UploadForm(), "register_form": register}


@verified_login_required
def index(request: HttpRequest) -> HttpResponse:
    """This installation, its keys and the registered ones, recent receipts, the forms."""
    actor = actor_for(request.user)
    allowed = _exchanges(actor)
    context: dict[str, Any] = {"allowed": allowed, "is_admin": _is_admin(actor)}
    if allowed:
        context |= selectors.overview(_scope_of(actor))
        context |= _forms(actor)
    return render(request, "bundles/index.html", context)


def _is_admin(actor: Actor) -> bool:
    try:
        access.require_admin(actor)
    except DomainError:
        return False
    return True


@verified_login_required
@require_POST
def export(request: HttpRequest) -> HttpResponse:
    """Write a bundle and hand it to the browser; a refusal comes back on the page."""
    actor = actor_for(request.user)
    form = _forms(actor, request.POST)["export_form"]
    out = io.BytesIO()
    try:
        data = valid_data(form)
        code = selectors.unit_code(data["scope"])
        req = send.ExportRequest(
            tuple(data["kinds"]), code, data["period_start"], data["period_end"]
        )
        send.export_bundle(_uow(), actor, FileKeyStore(), load_all(), req, out, _now())
    except DomainError as exc:
        messages.error(request, refusal_message(exc))
        return redirect("bundles:index")
    name = f"canbo-{code}-{req.period_start:%Y%m%d}-{req.period_end:%Y%m%d}.zip"
    response = HttpResponse(out.getvalue(), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@verified_login_required
@require_POST
def upload(request: HttpRequest) -> HttpResponse:
    """Verify (nothing written) or import an uploaded bundle."""
    actor = actor_for(request.user)
    upload = request.FILES.get("file")
    importing = request.POST.get("action") == "import"

    def action() -> str:
        if upload is None or upload.size is None or upload.size > MAX_UPLOAD:
            raise ValidationError("form_invalid", field="file", detail="")
        raw = upload.read()
        if not importing:
            v = receive.verify_bundle(_uow(), actor, raw, load_all(), _now())
            return _("Gói hợp lệ: %(sender)s, %(n)s bản ghi.") % {
                "sender": v.manifest.sender, "n": sum(v.manifest.counts.values())}  # fmt: skip
        outcome = receive.import_bundle(_uow(), actor, raw, load_all(), _now())
        if not outcome.changed:
            return _("Gói này đã được nhập trước đó; không có gì thay đổi.")
        return _("Đã nhập gói: %(n)s bản ghi.") % {"n": outcome.rows}

    return _run(request, action)


@verified_login_required
def receipt(request: HttpRequest, receipt_id: int) -> HttpResponse:
    actor = actor_for(request.user)
    row = selectors.receipt_for(receipt_id, _scope_of(actor))
    if row is None:
        raise Http404
    scope_name = selectors.unit_names([row.scope_unit_id or 0]).get(row.scope_unit_id or 0, "")
    # An import run by canbo itself (the demo, a scheduled job) names no person.
    automatic = row.received_by == SYSTEM.label
    context = {"r": row, "counts": row.counts.items(), "scope_name": scope_name, "auto": automatic}
    return render(request, "bundles/receipt.html", context)


def _scope_of(actor: Actor) -> list[int] | None:
    if not _exchanges(actor):
        return []
    return cast(list[int] | None, scope.readable_scope(actor, SystemClock().today()))


@verified_login_required
def records(request: HttpRequest, kind: str) -> HttpResponse:
    actor = actor_for(request.user)
    rows = selectors.records_page(kind, _scope_of(actor))
    return render(request, "bundles/records.html", {"kind": kind, "rows": rows})


@verified_login_required
@require_POST
def register(request: HttpRequest) -> HttpResponse:
    actor = actor_for(request.user)
    form = _forms(actor, request.POST)["register_form"]

    def action() -> str:
        data = valid_data(form)
        code = selectors.unit_code(data["unit"])
        key = keys.register(
            _uow(), actor, data["name"], Relation(data["relation"]), code,
            data["public_key"], _now(),
        )  # fmt: skip
        return _("Đã đăng ký khóa %(key)s của %(name)s.") % {
            "key": key.key_id,
            "name": data["name"],
        }

    return _run(request, action)


@verified_login_required
@require_POST
def revoke(request: HttpRequest) -> HttpResponse:
    actor = actor_for(request.user)
    form = forms.RevokeForm(request.POST)

    def action() -> str:
        data = valid_data(form)
        keys.revoke(_uow(), actor, data["key_id"], data["reason"], _now())
        return _("Đã thu hồi khóa %(key)s.") % {"key": data["key_id"]}

    return _run(request, action)
