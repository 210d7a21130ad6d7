"""Refusals of conference and vote actions, shown on a page in the user's language.

Each :class:`~canbo.core.errors.DomainError` code of these apps has a Vietnamese source string
here (translated through the catalogues); the page repeats the citation and every readiness
issue, and the status is the error's HTTP status. Nothing is changed by a refused action.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from canbo.core.errors import DomainError

View = Callable[..., HttpResponse]


CATALOGUE = {
    "conference_not_found": gettext_lazy("Không tìm thấy hội nghị."),
    "vote_not_found": gettext_lazy("Không tìm thấy cuộc lấy phiếu."),
    "unit_not_found": gettext_lazy("Không tìm thấy đơn vị."),
    "action_denied": gettext_lazy("Vai trò của bạn không cho phép thao tác này trên đơn vị này."),
    "site_not_found": gettext_lazy("Không tìm thấy điểm cầu."),
    "convocation_not_found": gettext_lazy("Người này không có trong danh sách triệu tập."),
    "already_checked_in": gettext_lazy("Đại biểu đã điểm danh rồi."),
    "person_not_found": gettext_lazy("Có mã cán bộ không tồn tại."),
    "title_required": gettext_lazy("Cần nhập tên."),
    "site_name_required": gettext_lazy("Cần nhập tên điểm cầu."),
    "agenda_item_unknown": gettext_lazy("Không có nội dung này trong chương trình."),
    "vote_not_ready": gettext_lazy("Chưa thể chuyển sang sẵn sàng: còn các vướng mắc dưới đây."),
    "vote_not_draft": gettext_lazy("Chỉ sửa được cuộc lấy phiếu đang ở dạng dự thảo."),
    "vote_wrong_status": gettext_lazy(
        "Thao tác không phù hợp với trạng thái hiện tại của cuộc lấy phiếu."
    ),
    "quorum_not_met": gettext_lazy(
        "Chưa đủ 2/3 số người được triệu tập có mặt: không được mở bỏ phiếu."
    ),
    "vote_not_open": gettext_lazy("Cuộc lấy phiếu không mở: phiếu không được ghi nhận."),
    "code_already_used": gettext_lazy(
        "Mã này đã được dùng để bỏ phiếu. Mỗi mã chỉ bỏ được một phiếu."
    ),
    "code_unknown": gettext_lazy("Mã bỏ phiếu không đúng. Vui lòng kiểm tra lại mã trên phiếu mã."),
    "marks_not_on_ballot": gettext_lazy("Phiếu có nội dung không có trên mẫu phiếu."),
    "not_counting_member": gettext_lazy(
        "Chỉ thành viên Ban kiểm phiếu được thực hiện thao tác này."
    ),
    "entry_exists": gettext_lazy("Người nhập này đã nhập phiếu số này rồi."),
    "entry_same_person": gettext_lazy(
        "Hai lần nhập một phiếu giấy phải do hai người khác nhau thực hiện: bạn đã nhập lần kia "
        "của phiếu này."
    ),
    "reading_exists": gettext_lazy("Phiếu này đã được thống nhất kết quả đọc."),
    "serial_out_of_range": gettext_lazy("Số thứ tự phiếu vượt quá số phiếu giấy đã phát."),
    "serial_not_entered": gettext_lazy("Phiếu này chưa được nhập."),
    "reading_lines_mismatch": gettext_lazy("Cần đọc đủ mọi dòng tên trên phiếu."),
    "totals_lines_mismatch": gettext_lazy("Cần nhập số liệu cho đủ mọi người được lấy phiếu."),
    "totals_exist": gettext_lazy(
        "Đã nhập tổng số; muốn sửa, hãy dùng đính chính sau khi kiểm phiếu."
    ),
    "counts_exceed_collected": gettext_lazy("Số phiếu của một người vượt quá số phiếu thu về."),
    "collected_exceeds_issued": gettext_lazy("Số phiếu thu về vượt quá số phiếu phát ra."),
    "paper_discrepancies": gettext_lazy(
        "Còn phiếu giấy hai người nhập không khớp, chưa giải quyết."
    ),
    "paper_totals_missing": gettext_lazy("Chưa nhập tổng số phiếu giấy."),
    "paper_mode_totals": gettext_lazy("Cuộc lấy phiếu này nhập phiếu giấy theo tổng số."),
    "paper_mode_per_ballot": gettext_lazy("Cuộc lấy phiếu này nhập phiếu giấy theo từng phiếu."),
    "no_ballots_collected": gettext_lazy("Chưa có phiếu nào thu về."),
    "already_signed": gettext_lazy("Bạn đã ký kết quả này rồi."),
    "reason_required": gettext_lazy("Cần ghi lý do đính chính."),
    "operator_invalid": gettext_lazy("Người nhập phải là người thứ nhất hoặc thứ hai."),
    "no_rulebook_in_force": gettext_lazy(
        "Không có văn bản nào có hiệu lực cho hệ thống này vào ngày họp."
    ),
    "rulebook_not_specified": gettext_lazy("Văn bản áp dụng chưa được mô tả; không tính kết quả."),
    "parameter_value_not_allowed": gettext_lazy("Giá trị tham số không được phép."),
    "subject_listed_twice": gettext_lazy("Một người được ghi hai lần trong danh sách lấy phiếu."),
    "ballots_referred": gettext_lazy("Còn phiếu chờ Ban kiểm phiếu kết luận."),
    "form_invalid": gettext_lazy("Dữ liệu nhập chưa hợp lệ."),
    "too_many_wrong_codes": gettext_lazy(
        "Đã nhập sai mã quá nhiều lần. Vui lòng chờ ít phút rồi thử lại, hoặc báo Ban kiểm phiếu."
    ),
    "ballots_exceed_recipients": gettext_lazy(
        "Số phiếu điện tử đã bằng số đại biểu được phát mã: không nhận thêm phiếu."
    ),
    "ballot_key_missing": gettext_lazy(
        "Ban kiểm phiếu chưa tạo khóa niêm phong phiếu: chưa mở bỏ phiếu được."
    ),
    "key_threshold_invalid": gettext_lazy(
        "Số mảnh khóa cần để mở phiếu phải từ 1 đến số thành viên Ban kiểm phiếu."
    ),
    "key_share_malformed": gettext_lazy(
        "Mảnh khóa thứ %(position)s nhập sai (sai ký tự hoặc thiếu ký tự). Vui lòng kiểm tra lại."
    ),
    "key_share_other_vote": gettext_lazy("Mảnh khóa thứ %(position)s là của cuộc lấy phiếu khác."),
    "key_share_repeated": gettext_lazy("Mảnh khóa thứ %(position)s bị nhập trùng."),
    "key_shares_too_few": gettext_lazy(
        "Cần ít nhất %(needed)s mảnh khóa của thành viên Ban kiểm phiếu để mở phiếu; "
        "mới có %(given)s."
    ),
    "key_shares_mismatch": gettext_lazy("Các mảnh khóa không khớp với khóa của cuộc lấy phiếu."),
    "sealed_ballot_damaged": gettext_lazy(
        "Có phiếu điện tử niêm phong không mở được (dữ liệu bị sửa): dừng kiểm phiếu."
    ),
    "slips_exceed_convened": gettext_lazy(
        "Số phiếu mã in vượt quá số người được triệu tập (%(convened)s; đã in %(printed)s). "
        "Muốn in thêm, cần ghi lý do."
    ),
}


def issue_text(code: str, fields: Mapping[str, Any]) -> str:
    """One readiness issue as a sentence (CV-07, CV-10, CV-14, NA-12)."""
    days = fields.get("days", "")
    texts = {
        "no_subjects": _("Chưa có người được lấy phiếu."),
        "no_convened": _("Chưa có danh sách triệu tập."),
        "no_site": _("Chưa có điểm cầu nào để điểm danh."),
        "no_counting_committee": _("Chưa có Ban kiểm phiếu."),
        "members_in_office_missing": _("Chưa nhập tổng số đại biểu đương nhiệm."),
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
    text = str(CATALOGUE.get(exc.code, exc.message))
    if "%(" in text:
        try:
            return text % dict(exc.fields)
        except (KeyError, TypeError, ValueError):
            return text
    return text


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
