"""Refusals of conference and vote actions, shown on a page in the user's language.

Each :class:`~canbo.core.errors.DomainError` code is worded by the one catalogue
(:mod:`canbo.refusals`); the page repeats the citation and every readiness
issue, and the status is the error's HTTP status. Nothing is changed by a refused action.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from canbo import refusals
from canbo.core.errors import DomainError

View = Callable[..., HttpResponse]


def issue_text(code: str, fields: Mapping[str, Any]) -> str:
    """One readiness issue as a sentence (CV-07, CV-10, CV-14, NA-12)."""
    days = fields.get("days", "")
    texts = {
        "no_subjects": _("Chưa có người được lấy phiếu."),
        "no_convened": _("Chưa có danh sách triệu tập."),
        "no_site": _("Chưa có điểm cầu nào để điểm danh."),
        "no_counting_committee": _("Chưa có Ban kiểm phiếu."),
        "counting_committee_no_account": _(
            "Chưa thành viên nào của Ban kiểm phiếu có tài khoản để tạo khóa, nhập mảnh khóa "
            "và ký kết quả: gắn tài khoản cho ít nhất một thành viên."
        ),
        "members_in_office_missing": _("Chưa nhập tổng số đại biểu đương nhiệm."),
        "counting_committee_is_candidate": _(
            "Thành viên Ban kiểm phiếu không được có tên trong danh sách bầu cử."
        ),
        "dossier_date_missing": _(
            "Chưa ghi ngày gửi hồ sơ cho người bỏ phiếu (trước ít nhất %(d)s ngày)."
        ),
        "questions_date_missing": _(
            "Chưa ghi ngày gửi câu hỏi cho người được lấy phiếu (trước ít nhất %(d)s ngày)."
        ),
        "dossier_too_late": _("Hồ sơ gửi người bỏ phiếu chưa đủ %(d)s ngày trước ngày lấy phiếu."),
        "questions_too_late": _(
            "Câu hỏi gửi người được lấy phiếu chưa đủ %(d)s ngày trước ngày lấy phiếu."
        ),
    }
    text = texts.get(code, code)
    return text % {"d": days} if "%(d)s" in text else text


def message(exc: DomainError) -> str:
    """The refusal in the active language, from the one catalogue (:mod:`canbo.refusals`)."""
    return refusals.message(exc)


def refusal_page(
    request: HttpRequest, exc: DomainError, template: str = "voting/refused.html"
) -> HttpResponse:
    issues = [issue_text(i["code"], i) for i in exc.fields.get("issues", [])]
    context = {
        "error": exc.as_dict(),
        "message": message(exc),
        "issues": issues,
        "back": request.headers.get("Referer", ""),
    }
    return render(request, template, context, status=exc.status)


def refusals_shown(view: View) -> View:
    """Render a refused action as a page with the reason, instead of the generic error page."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except DomainError as exc:
            return refusal_page(request, exc)

    return wrapper
