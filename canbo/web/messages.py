"""Translated messages for domain error codes (the catalogue of user-facing refusals)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from canbo.core.errors import DomainError


def _catalogue() -> dict[str, str]:
    return {
        "unit_not_found": _("Không tìm thấy đơn vị."),
        "person_not_found": _("Không tìm thấy cán bộ, đảng viên."),
        "conference_not_found": _("Không tìm thấy hội nghị."),
        "vote_not_found": _("Không tìm thấy cuộc lấy phiếu."),
        "site_not_found": _("Không tìm thấy điểm cầu."),
        "convocation_not_found": _("Người này không có trong danh sách triệu tập."),
        "result_not_found": _("Không tìm thấy kết quả lấy phiếu."),
        "cycle_not_found": _("Không tìm thấy đợt đánh giá, xếp loại."),
        "subject_not_found": _("Không tìm thấy người hoặc tổ chức được đánh giá trong đợt này."),
        "group_not_found": _("Không tìm thấy nhóm xếp loại trong đợt này."),
        "record_not_found": _("Không tìm thấy bản ghi."),
        "unit_write_denied": _("Bạn không có quyền thay đổi đơn vị này."),
        "admin_required": _("Chỉ quản trị hệ thống được thực hiện thao tác này."),
        "action_denied": _("Vai trò của bạn không cho phép thao tác này trên đơn vị này."),
        "duplicate_code": _("Mã đã tồn tại."),
        "tree_cycle": _("Đơn vị cấp trên đề xuất nằm trong chính cây con của đơn vị này."),
        "date_in_future": _("Ngày không được ở tương lai."),
        "date_before_birth": _("Ngày không được trước ngày sinh."),
        "official_before_admission": _("Ngày chính thức phải sau ngày vào Đảng."),
        "membership_overlap": _("Đảng viên đã sinh hoạt ở một chi bộ khác trong thời gian này."),
        "membership_unit_kind": _("Đảng viên chỉ sinh hoạt ở chi bộ."),
        "legal_basis_required": _("Cần ghi căn cứ pháp lý."),
        "version_same_day": _("Đơn vị đã có một thay đổi bắt đầu từ ngày này."),
        "import_rejected": _("Tệp có lỗi; không có dữ liệu nào được nhập."),
        "admission_under_age": _("Chỉ kết nạp người từ đủ 18 tuổi trở lên."),
        "already_member": _("Người này đang là đảng viên."),
        "already_official": _("Đảng viên này đã được công nhận chính thức."),
        "not_a_member": _("Người này không phải là đảng viên vào ngày đó."),
        "probation_not_over": _(
            "Chưa hết thời kỳ dự bị 12 tháng: chỉ xét công nhận chính thức từ ngày hết dự bị."
        ),
        "same_cell": _("Đảng viên đang sinh hoạt tại chi bộ này."),
        "second_living_spouse": _(
            "Đã kê khai một người vợ/chồng còn quan hệ hôn nhân; hãy ghi nhận quan hệ đó chấm "
            "dứt trước."
        ),
        "version_before_current": _(
            "Thông tin hiện hành bắt đầu sau ngày này: thay đổi phải áp dụng từ ngày đó trở về sau."
        ),
        "merge_needs_two": _("Cần chọn ít nhất một đơn vị khác để hợp nhất."),
        "dates_out_of_order": _("Ngày kết thúc không được trước ngày bắt đầu."),
        "unknown_title": _("Chức danh không có trong danh mục."),
    }


def translated_message(exc: DomainError) -> str:
    """The translated message for the error's code, else its English default."""
    return _catalogue().get(exc.code, exc.message)
