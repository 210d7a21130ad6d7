"""The one catalogue of refusals: every ``DomainError`` code as a Vietnamese and English message.

The web pages (:mod:`canbo.web.middleware`, the voting and classification pages), the API
(:mod:`canbo.api.errors`) and the command line all word a refusal through :func:`message` or
:func:`bilingual`. The Vietnamese text is the translation source (``gettext``); the English text
beside it is what the English catalogue says for it, and is used as is when the catalogue has no
translation yet, so an API body always carries both languages.

``%(name)s`` in a message is filled from the error's fields. A ``detailed`` entry is the general
wording of a code whose service already says, in both languages ("tiếng Việt / English"), the
specifics (which group, how many): that wording is shown when the error carries it. Problems of
an imported row keep their own two-language wording (:mod:`canbo.core.import_messages`), which
this module reads as part of the catalogue. ``tests/unit/test_refusal_catalogue.py`` collects
every code raised in the source tree and fails on one this catalogue does not word.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import gettext_noop as _

from canbo.core.errors import DomainError, ValidationError
from canbo.core.import_messages import MESSAGES as IMPORT_MESSAGES


@dataclass(frozen=True, slots=True)
class Wording:
    """A refusal's Vietnamese source text and its English text."""

    vi: str
    en: str
    detailed: bool = False


def _w(vi: str, en: str, *, detailed: bool = False) -> Wording:
    return Wording(vi, en, detailed)


CATALOGUE: dict[str, Wording] = {
    # The work programme (canbo.services.programme): projects, tasks, progress, documents.
    "programme_item_not_found": _w(
        _("Không tìm thấy đề án, nhiệm vụ này trong phạm vi của bạn."),
        "This project or task was not found in your scope.",
    ),
    "programme_title_required": _w(
        _("Cần nhập tên đề án, nhiệm vụ."), "The project or task needs a title."
    ),
    "programme_deadline_before_year": _w(
        _("Thời hạn %(deadline)s trước năm của chương trình (%(year)s)."),
        "The deadline %(deadline)s is before the programme's year (%(year)s).",
    ),
    "programme_unit_outside": _w(
        _("Đơn vị chủ trì phải thuộc phạm vi của cấp có chương trình công tác."),
        "The responsible unit must lie inside the subtree of the programme's unit.",
    ),
    "programme_parent_invalid": _w(
        _("Nhiệm vụ chỉ thuộc một đề án của cùng chương trình, cùng năm."),
        "A task belongs to a project of the same programme and year.",
    ),
    "programme_status_move": _w(
        _(
            "Không chuyển được trạng thái: đề án đã hoàn thành hoặc dừng thì không thay đổi "
            "nữa, và trạng thái không quay lại."
        ),
        "The status cannot move that way: a completed or cancelled item changes no further, "
        "and a status never goes back.",
    ),
    "programme_item_closed": _w(
        _("Đề án, nhiệm vụ đã hoàn thành hoặc dừng thực hiện; không ghi thêm tiến độ."),
        "The project or task is completed or cancelled; no more progress is recorded.",
    ),
    "programme_percent_range": _w(
        _("Tiến độ %(value)s%% không hợp lệ: từ 0 đến 99%%; 100%% là khi xác nhận hoàn thành."),
        "Progress %(value)s%% is not valid: 0 to 99%%; 100%% is recorded by marking it completed.",
    ),
    "programme_percent_back": _w(
        _("Tiến độ %(value)s%% thấp hơn lần báo cáo trước (%(previous)s%%)."),
        "Progress %(value)s%% is below the previous report (%(previous)s%%).",
    ),
    "programme_report_before_last": _w(
        _("Ngày báo cáo trước ngày của lần báo cáo trước (%(last)s)."),
        "The report's date is before the previous report's (%(last)s).",
    ),
    "programme_document_too_large": _w(
        _("Tài liệu quá lớn (%(value)s byte; tối đa %(limit)s byte)."),
        "The document is too large (%(value)s bytes; at most %(limit)s bytes).",
    ),
    "programme_document_type": _w(
        _("Tài liệu phải là tệp PDF, DOCX, XLSX hoặc ODT."),
        "The document must be a PDF, DOCX, XLSX or ODT file.",
    ),
    # Paper ballots: the layout file and printing (canbo.paper).
    "paper_layout_invalid": _w(
        _("Tệp bố cục phiếu không đọc được (%(reason)s)."),
        "The ballot layout file cannot be read (%(reason)s).",
    ),
    "paper_layout_version": _w(
        _(
            "Tệp bố cục phiếu có phiên bản %(version)s; chương trình này đọc phiên bản "
            "%(expected)s."
        ),
        "The ballot layout file is version %(version)s; this program reads version %(expected)s.",
    ),
    "paper_layout_page_unknown": _w(
        _("Phiếu không có trang %(page)s (phiếu có %(pages)s trang)."),
        "The ballot has no page %(page)s (it has %(pages)s pages).",
    ),
    "paper_ballot_options": _w(
        _("Không in được phiếu: %(reason)s."),
        "The ballots cannot be printed: %(reason)s.",
    ),
    # Not found (also answered for what the actor may not see).
    "not_found": _w(_("Không tìm thấy."), "Not found."),
    "unit_not_found": _w(_("Không tìm thấy đơn vị."), "Unit not found."),
    "person_not_found": _w(_("Không tìm thấy cán bộ, đảng viên."), "Person not found."),
    "record_not_found": _w(_("Không tìm thấy bản ghi."), "Record not found."),
    "conference_not_found": _w(_("Không tìm thấy hội nghị."), "Conference not found."),
    "vote_not_found": _w(_("Không tìm thấy cuộc lấy phiếu."), "Confidence vote not found."),
    "site_not_found": _w(_("Không tìm thấy điểm cầu."), "Bridge site not found."),
    "convocation_not_found": _w(
        _("Người này không có trong danh sách triệu tập."),
        "This person is not on the list of those convened.",
    ),
    "result_not_found": _w(_("Không tìm thấy kết quả lấy phiếu."), "Vote result not found."),
    "cycle_not_found": _w(
        _("Không tìm thấy đợt đánh giá, xếp loại."), "Review and classification cycle not found."
    ),
    "subject_not_found": _w(
        _("Không tìm thấy người hoặc tổ chức được đánh giá trong đợt này."),
        "No such person or organization is reviewed in this cycle.",
    ),
    "group_not_found": _w(
        _("Không tìm thấy nhóm xếp loại trong đợt này."), "No such peer group in this cycle."
    ),
    "unit_not_valid": _w(
        _("Đơn vị không có hiệu lực vào ngày này."), "The unit is not in force on this date."
    ),
    # Access.
    "unit_write_denied": _w(
        _("Bạn không có quyền thay đổi đơn vị này."), "You may not change this unit."
    ),
    "admin_required": _w(
        _("Chỉ quản trị hệ thống được thực hiện thao tác này."),
        "Only a system administrator may do this.",
    ),
    "action_denied": _w(
        _("Vai trò của bạn không cho phép thao tác này trên đơn vị này."),
        "Your role does not allow this action on this unit.",
    ),
    "permission_denied": _w(
        _("Bạn không có quyền thực hiện thao tác này."),
        "You do not have permission for this action.",
    ),
    "not_authenticated": _w(_("Cần đăng nhập."), "Authentication is required."),
    "authentication_failed": _w(
        _("Sai tên đăng nhập hoặc mật khẩu."), "Wrong username or password."
    ),
    "otp_required": _w(
        _("Tài khoản quản trị phải xác thực hai lớp (mã OTP) để dùng API."),
        "Administrator accounts must pass two-factor authentication (OTP) to use the API.",
    ),
    "throttled": _w(_("Quá nhiều yêu cầu; thử lại sau."), "Too many requests; try again later."),
    # Input as received.
    "invalid_input": _w(_("Dữ liệu không hợp lệ."), "The input is not valid."),
    "form_invalid": _w(_("Dữ liệu nhập chưa hợp lệ."), "The input is not valid."),
    "method_not_allowed": _w(_("Phương thức không được hỗ trợ."), "Method not allowed."),
    "parse_error": _w(
        _("Nội dung gửi lên không đọc được."), "The request body could not be parsed."
    ),
    "request_too_large": _w(_("Nội dung gửi lên quá lớn."), "The request body is too large."),
    "json_too_deep": _w(_("Dữ liệu JSON lồng nhau quá sâu."), "The JSON is nested too deeply."),
    "value_out_of_range": _w(
        _("Giá trị số nằm ngoài phạm vi cho phép."), "A number is out of the allowed range."
    ),
    "unsupported_media_type": _w(
        _("Định dạng nội dung không được hỗ trợ."), "Unsupported media type."
    ),
    "not_acceptable": _w(
        _("Không có định dạng trả lời phù hợp."), "No acceptable response format."
    ),
    "required": _w(_("Thiếu giá trị bắt buộc."), "A value is required.", detailed=True),
    "invalid_choice": _w(
        _("Giá trị không thuộc danh mục cho phép."), "The value is not one of the allowed choices."
    ),
    "out_of_range": _w(
        _("Giá trị nằm ngoài khoảng cho phép."), "The value is out of range.", detailed=True
    ),
    "import_rejected": _w(
        _("Tệp có lỗi; không có dữ liệu nào được nhập."),
        "The file has errors; nothing was imported.",
    ),
    "unreadable_file": _w(_("Không đọc được tệp."), "The file cannot be read.", detailed=True),
    "pdf_unavailable": _w(
        _("Xuất PDF cần gói reportlab và phông DejaVu Sans."),
        "PDF output needs reportlab and the DejaVu Sans font.",
    ),
    # The registry and records.
    "duplicate_code": _w(_("Mã đã tồn tại."), "This code already exists."),
    "tree_cycle": _w(
        _("Đơn vị cấp trên đề xuất nằm trong chính cây con của đơn vị này."),
        "The proposed parent is inside this unit's own subtree.",
    ),
    "date_in_future": _w(_("Ngày không được ở tương lai."), "The date may not be in the future."),
    "date_before_birth": _w(
        _("Ngày không được trước ngày sinh."), "The date may not be before the date of birth."
    ),
    "dates_out_of_order": _w(
        _("Ngày kết thúc không được trước ngày bắt đầu."),
        "The end date may not be before the start date.",
    ),
    "official_before_admission": _w(
        _("Ngày chính thức phải sau ngày vào Đảng."),
        "Full membership must come after admission to the Party.",
    ),
    "membership_overlap": _w(
        _("Đảng viên đã sinh hoạt ở một chi bộ khác trong thời gian này."),
        "The member already belongs to another cell during this period.",
    ),
    "membership_unit_kind": _w(
        _("Đảng viên chỉ sinh hoạt ở chi bộ."), "Party members belong to a Party cell only."
    ),
    "legal_basis_required": _w(_("Cần ghi căn cứ pháp lý."), "The legal basis is required."),
    "version_same_day": _w(
        _("Đơn vị đã có một thay đổi bắt đầu từ ngày này."),
        "The unit already has a change starting on this date.",
    ),
    "version_before_current": _w(
        _("Thông tin hiện hành bắt đầu sau ngày này: thay đổi phải áp dụng từ ngày đó trở về sau."),
        "The current information starts after this date: a change must apply from then on.",
    ),
    "admission_under_age": _w(
        _("Chỉ kết nạp người từ đủ 18 tuổi trở lên."), "Only persons aged 18 or over are admitted."
    ),
    "already_member": _w(_("Người này đang là đảng viên."), "This person is a Party member."),
    "already_official": _w(
        _("Đảng viên này đã được công nhận chính thức."),
        "This member has already been recognized as a full member.",
    ),
    "not_a_member": _w(
        _("Người này không phải là đảng viên vào ngày đó."),
        "This person was not a Party member on that date.",
    ),
    "probation_not_over": _w(
        _("Chưa hết thời kỳ dự bị 12 tháng: chỉ xét công nhận chính thức từ ngày hết dự bị."),
        "The 12-month probation is not over: full membership is considered from its end.",
    ),
    "same_cell": _w(
        _("Đảng viên đang sinh hoạt tại chi bộ này."), "The member already belongs to this cell."
    ),
    "second_living_spouse": _w(
        _(
            "Đã kê khai một người vợ/chồng còn quan hệ hôn nhân; hãy ghi nhận quan hệ đó chấm "
            "dứt trước."
        ),
        "A living spouse is already declared; record the end of that marriage first.",
    ),
    "education_format": _w(
        _("Ghi số lớp đã học trên hệ đào tạo, ví dụ 12/12 hoặc 10/10."),
        "Write the grades completed over the system length, e.g. 12/12 or 10/10.",
    ),
    "photo_too_large": _w(
        _("Ảnh không được rỗng và không quá 2 MB."), "The photo may not be empty nor over 2 MB."
    ),
    "photo_not_image": _w(
        _("Tệp không phải là ảnh JPEG hoặc PNG."), "The file is not a JPEG or PNG image."
    ),
    "merge_needs_two": _w(
        _("Cần chọn ít nhất một đơn vị khác để hợp nhất."),
        "Choose at least one other unit to merge.",
    ),
    "unknown_title": _w(
        _("Chức danh không có trong danh mục."), "The post title is not in the list."
    ),
    "birth_date_invalid": _w(_("Ngày sinh không hợp lệ."), "The date of birth is not valid."),
    "birth_day_without_month": _w(
        _("Ngày sinh có ngày nhưng thiếu tháng."), "The date of birth has a day but no month."
    ),
    "retirement_override_needs_basis": _w(
        _("Điều chỉnh tuổi nghỉ hưu cần ghi căn cứ pháp lý."),
        "Changing the retirement age requires a legal basis.",
    ),
    "retirement_override_out_of_range": _w(
        _("Số tháng điều chỉnh tuổi nghỉ hưu không được pháp luật cho phép."),
        "The law does not allow this change of the retirement age in months.",
    ),
    # Rulebooks.
    "no_rulebook_in_force": _w(
        _("Không có văn bản nào có hiệu lực cho hệ thống này vào ngày họp."),
        "No document is in force for this system on the meeting date.",
    ),
    "rulebook_not_specified": _w(
        _("Văn bản áp dụng chưa được mô tả; không tính kết quả."),
        "The applicable document is not described; no result is computed.",
    ),
    "parameter_value_not_allowed": _w(
        _("Giá trị tham số không được phép."), "This parameter value is not allowed."
    ),
    "unknown_parameter": _w(
        _("Văn bản áp dụng không có tham số này."), "The document has no such parameter."
    ),
    "unknown_threshold": _w(
        _("Văn bản áp dụng không có ngưỡng này."), "The document has no such threshold."
    ),
    "unknown_rulebook": _w(
        _("Không có văn bản áp dụng này."), "No such applicable document.", detailed=True
    ),
    "bad_parameter": _w(
        _("Tham số không có hoặc giá trị không hợp lệ."),
        "Unknown parameter or bad value.",
        detailed=True,
    ),
    "wrong_regime": _w(
        _("Văn bản áp dụng không dùng cho loại lấy phiếu này."),
        "The applicable document does not govern this kind of vote.",
    ),
    "wrong_rulebook_domain": _w(
        _("Văn bản áp dụng không dùng cho bầu cử."),
        "The applicable document does not govern elections.",
    ),
    # Conferences and confidence votes.
    "already_checked_in": _w(
        _("Đại biểu đã điểm danh rồi."), "The delegate has already checked in."
    ),
    "hand_out_not_present": _w(
        _("%(full_name)s chưa điểm danh: chỉ phát mã, phiếu cho người có mặt."),
        "%(full_name)s has not checked in: codes and ballots go only to those present.",
    ),
    "hand_out_nobody_chosen": _w(
        _("Chưa chọn người nào để phát."), "Nobody was chosen to hand out to."
    ),
    "hand_out_not_in_electorate": _w(
        _(
            "%(full_name)s không có quyền bầu trong cuộc bỏ phiếu này: chỉ phát mã, phiếu cho "
            "người có quyền bầu (đảng viên chính thức, đại biểu chính thức, thành viên cơ quan "
            "bầu)."
        ),
        "%(full_name)s has no vote in this ballot: codes and ballots go only to those who elect "
        "(official members, official delegates, members of the electing body).",
    ),
    "hand_out_no_slips": _w(
        _("Chưa in phiếu mã nào cho cuộc bỏ phiếu này: hãy in phiếu mã trước khi phát."),
        "No code slips have been printed for this vote: print the code slips before handing "
        "them out.",
    ),
    "title_required": _w(_("Cần nhập tên."), "A name is required."),
    "site_name_required": _w(_("Cần nhập tên điểm cầu."), "A bridge site name is required."),
    "agenda_item_unknown": _w(
        _("Không có nội dung này trong chương trình."), "This item is not on the agenda."
    ),
    "vote_not_ready": _w(
        _("Chưa thể chuyển sang sẵn sàng: còn các vướng mắc dưới đây."),
        "Cannot be marked as ready yet: the issues below remain.",
    ),
    "vote_not_draft": _w(
        _("Chỉ sửa được cuộc lấy phiếu đang ở dạng dự thảo."),
        "Only a confidence vote still in draft can be edited.",
    ),
    "vote_wrong_status": _w(
        _("Thao tác không phù hợp với trạng thái hiện tại của cuộc lấy phiếu."),
        "This action does not fit the current status of the confidence vote.",
    ),
    "quorum_not_met": _w(
        _("Chưa đủ 2/3 số người được triệu tập có mặt: không được mở bỏ phiếu."),
        "Fewer than 2/3 of those convened are present: voting may not be opened.",
    ),
    "vote_not_open": _w(
        _("Cuộc lấy phiếu không mở: phiếu không được ghi nhận."),
        "The confidence vote is not open: the ballot was not recorded.",
    ),
    "code_already_used": _w(
        _("Mã này đã được dùng để bỏ phiếu. Mỗi mã chỉ bỏ được một phiếu."),
        "This code has already been used to vote. Each code casts one ballot only.",
    ),
    "code_unknown": _w(
        _("Mã bỏ phiếu không đúng. Vui lòng kiểm tra lại mã trên phiếu mã."),
        "The voting code is wrong. Please check the code on your code slip.",
    ),
    "too_many_wrong_codes": _w(
        _(
            "Đã nhập sai mã quá nhiều lần. Vui lòng chờ ít phút rồi thử lại, hoặc báo Ban kiểm "
            "phiếu."
        ),
        "Too many wrong codes. Please wait a few minutes and try again, or tell the counting "
        "committee.",
    ),
    "marks_not_on_ballot": _w(
        _("Phiếu có nội dung không có trên mẫu phiếu."),
        "The ballot contains entries that are not on the ballot form.",
    ),
    "not_counting_member": _w(
        _("Chỉ thành viên Ban kiểm phiếu được thực hiện thao tác này."),
        "Only members of the counting committee may do this.",
    ),
    "no_counting_committee": _w(
        _("Chưa có Ban kiểm phiếu."), "There is no counting committee yet."
    ),
    "counting_committee_no_account": _w(
        _(
            "Chưa thành viên nào của Ban kiểm phiếu có tài khoản để tạo khóa, nhập mảnh khóa "
            "và ký kết quả: gắn tài khoản cho ít nhất một thành viên."
        ),
        "No member of the counting committee has an account to make the key, enter a key "
        "share and sign the result: link an account to at least one member.",
    ),
    "counter_listed_twice": _w(
        _("Một người hoặc một tài khoản được ghi hai lần trong Ban kiểm phiếu."),
        "A person or an account appears twice in the counting committee.",
    ),
    "entry_exists": _w(
        _("Người nhập này đã nhập phiếu số này rồi."),
        "This operator has already entered this ballot.",
    ),
    "entry_same_person": _w(
        _(
            "Hai lần nhập một phiếu giấy phải do hai người khác nhau thực hiện: bạn đã nhập lần "
            "kia của phiếu này."
        ),
        "The two entries of a paper ballot must be made by two different people: you made the "
        "other entry of this ballot.",
    ),
    "operator_invalid": _w(
        _("Người nhập phải là người thứ nhất hoặc thứ hai."),
        "The operator must be the first or the second.",
    ),
    "reading_exists": _w(
        _("Phiếu này đã được thống nhất kết quả đọc."),
        "The reading of this ballot has already been agreed.",
    ),
    "serial_out_of_range": _w(
        _("Số thứ tự phiếu vượt quá số phiếu giấy đã phát."),
        "The ballot number exceeds the number of paper ballots issued.",
    ),
    "serial_not_entered": _w(_("Phiếu này chưa được nhập."), "This ballot has not been entered."),
    "duplicate_ballot_serial": _w(
        _("Có hai phiếu trùng số thứ tự."), "Two ballots have the same number."
    ),
    "reading_lines_mismatch": _w(
        _("Cần đọc đủ mọi dòng tên trên phiếu."), "Every name line on the ballot must be read."
    ),
    "totals_lines_mismatch": _w(
        _("Cần nhập số liệu cho đủ mọi người được lấy phiếu."),
        "Figures must be entered for every person assessed.",
    ),
    "totals_missing_person": _w(
        _("Thiếu số liệu của một người được lấy phiếu."),
        "The figures of a person assessed are missing.",
    ),
    "totals_exist": _w(
        _("Đã nhập tổng số; muốn sửa, hãy dùng đính chính sau khi kiểm phiếu."),
        "Totals have already been entered; to change them, use a correction after the count.",
    ),
    "counts_exceed_collected": _w(
        _("Số phiếu của một người vượt quá số phiếu thu về."),
        "A person's vote count exceeds the number of ballots collected.",
    ),
    "collected_exceeds_issued": _w(
        _("Số phiếu thu về vượt quá số phiếu phát ra."),
        "More ballots were collected than were issued.",
    ),
    "counts_exceed_denominator": _w(
        _("Số phiếu vượt quá số dùng làm mẫu số tính tỷ lệ."),
        "The vote counts exceed the number the percentages are taken of.",
    ),
    "counts_exceed_members": _w(
        _("Số phiếu vượt quá tổng số đại biểu đương nhiệm."),
        "The vote counts exceed the number of members in office.",
    ),
    "denominator_not_positive": _w(
        _("Số dùng làm mẫu số tính tỷ lệ phải lớn hơn 0."),
        "The number the percentages are taken of must be above 0.",
    ),
    "count_negative": _w(_("Số phiếu không được âm."), "A vote count may not be negative."),
    "figure_negative": _w(_("Số liệu không được âm."), "A figure may not be negative."),
    "tally_negative": _w(_("Số phiếu không được âm."), "A vote count may not be negative."),
    "tally_does_not_balance": _w(
        _("Tổng số phiếu các mức không khớp với số phiếu thu về."),
        "The counts per level do not add up to the ballots collected.",
    ),
    "tally_subjects_differ": _w(
        _("Hai bảng kiểm phiếu không cùng danh sách người được lấy phiếu."),
        "The two tallies do not list the same persons assessed.",
    ),
    "subject_not_on_form": _w(
        _("Phiếu ghi người không có trên mẫu phiếu."),
        "The ballot names someone who is not on the ballot form.",
    ),
    "ballot_kind_mismatch": _w(
        _("Phiếu không đúng loại mẫu phiếu."), "The ballot is not of the form's kind."
    ),
    "ballot_marks_corrupt": _w(
        _("Dữ liệu phiếu đã lưu bị hỏng: dừng kiểm phiếu."),
        "The stored ballot marks are damaged: the count is stopped.",
    ),
    "missing_inputs": _w(
        _("Văn bản áp dụng cần thêm số liệu để tính kết quả."),
        "The applicable document needs more figures to compute the result.",
        detailed=True,
    ),
    "paper_discrepancies": _w(
        _("Còn phiếu giấy hai người nhập không khớp, chưa giải quyết."),
        "Some paper ballots that the two operators entered differently are still unresolved.",
    ),
    "paper_totals_missing": _w(
        _("Chưa nhập tổng số phiếu giấy."), "The paper ballot totals have not been entered."
    ),
    "paper_mode_totals": _w(
        _("Cuộc lấy phiếu này nhập phiếu giấy theo tổng số."),
        "This confidence vote enters paper ballots as totals.",
    ),
    "paper_mode_per_ballot": _w(
        _("Cuộc lấy phiếu này nhập phiếu giấy theo từng phiếu."),
        "This confidence vote enters paper ballots one by one.",
    ),
    # Paper ballots read by machine (the counting committee's screens).
    "paper_no_subjects": _w(
        _("Chưa có người nào trên phiếu để in."),
        "There is no one on the ballot to print.",
    ),
    "paper_copies_invalid": _w(
        _("Số phiếu in phải từ 1 đến 5000."),
        "The number of ballots to print must be from 1 to 5000.",
    ),
    "paper_size_invalid": _w(
        _("Khổ giấy phải là A4 hoặc A5."),
        "The paper size must be A4 or A5.",
    ),
    "paper_not_printed": _w(
        _("Phiếu của cuộc bỏ phiếu này chưa được in từ hệ thống, nên chưa có mẫu phiếu để đọc."),
        "This vote's ballots were not printed from the system, so there is no layout to read.",
    ),
    "paper_batch_empty": _w(
        _("Chưa chọn tệp ảnh quét nào."),
        "No scan file was chosen.",
    ),
    "paper_batch_too_big": _w(
        _("Mỗi lần tải lên tối đa %(most)s tệp; lô lớn hơn chia thành nhiều lần tải lên."),
        "At most %(most)s files per upload; upload a bigger batch in parts.",
    ),
    "paper_scans_certified": _w(
        _("Ban kiểm phiếu đã xác nhận kết quả đọc phiếu giấy; không sửa thêm được ở đây."),
        "The counting committee has certified the paper readings; nothing more changes here.",
    ),
    "paper_sheet_not_of_session": _w(
        _(
            "Tờ phiếu này không thuộc cuộc bỏ phiếu này: phiếu không do Ban kiểm phiếu của "
            "cuộc bỏ phiếu phát ra không được tính."
        ),
        "This sheet is not of this vote: a ballot not issued by this vote's counting committee "
        "is not counted.",
    ),
    "paper_value_not_on_ballot": _w(
        _("Kết luận này không có trên mẫu phiếu của cuộc bỏ phiếu."),
        "This value is not on this vote's ballot.",
    ),
    "paper_line_not_in_review": _w(
        _("Dòng %(order)s của tờ phiếu này không chờ xem lại."),
        "Line %(order)s of this sheet is not waiting for review.",
    ),
    "paper_line_decided": _w(
        _("Dòng %(order)s của tờ phiếu này đã có kết luận."),
        "Line %(order)s of this sheet already has a decision.",
    ),
    "paper_serial_required": _w(
        _("Nhập số hiệu in trên phiếu."),
        "Enter the serial printed on the ballot.",
    ),
    "paper_second_reading_exists": _w(
        _("Phiếu số hiệu %(serial)s đã được nhập lần hai."),
        "The ballot with serial %(serial)s already has its second reading.",
    ),
    "paper_no_disagreement": _w(
        _("Không có chỗ khác nhau nào ở dòng %(order)s của phiếu %(serial)s."),
        "There is no disagreement on line %(order)s of ballot %(serial)s.",
    ),
    "paper_readings_exist": _w(
        _(
            "Phiếu giấy của cuộc bỏ phiếu này đã được nhập hoặc đã xác nhận; không xác nhận "
            "thêm kết quả máy đọc."
        ),
        "This vote's paper ballots are already entered or certified; machine readings are not "
        "certified on top of them.",
    ),
    "paper_no_ballots_scanned": _w(
        _("Chưa có phiếu nào được đọc."),
        "No ballot has been read.",
    ),
    "paper_open_items": _w(
        _(
            "Chưa xác nhận được: còn %(review)s dòng chờ xem lại, %(undecided)s chỗ hai lần đọc "
            "khác nhau chưa kết luận, %(not_typed)s phiếu chưa nhập lần hai, %(not_scanned)s "
            "phiếu nhập lần hai chưa quét."
        ),
        "Cannot certify yet: %(review)s lines await review, %(undecided)s disagreements are "
        "undecided, %(not_typed)s ballots lack their second reading, %(not_scanned)s typed "
        "ballots were not scanned.",
    ),
    "no_ballots_collected": _w(
        _("Chưa có phiếu nào thu về."), "No ballots have been collected yet."
    ),
    "ballots_referred": _w(
        _("Còn phiếu chờ Ban kiểm phiếu kết luận."),
        "Some ballots still await the counting committee's conclusion.",
    ),
    "election_seats_invalid": _w(
        _("Số lượng cần bầu phải từ 1 trở lên, số dự khuyết không được âm."),
        "The number to elect must be at least 1 and alternates may not be negative.",
    ),
    "election_ballot_kind_mismatch": _w(
        _(
            "Loại phiếu không hợp với danh sách: danh sách có số dư thì dùng phiếu gạch tên; "
            "danh sách không có số dư hoặc chỉ một người thì dùng phiếu đồng ý/không đồng ý."
        ),
        "The ballot does not fit the list: a list with a surplus takes a strike-out ballot; "
        "a list without surplus or with one name takes an agree/disagree ballot.",
    ),
    "reading_not_on_ballot": _w(
        _("Cách đọc một dòng tên không có trên loại phiếu này."),
        "A line was read with a mark this ballot does not have.",
    ),
    "election_totals_expected": _w(
        _("Cuộc bầu cử nhập tổng số theo số phiếu bầu cho từng người."),
        "An election enters totals as votes per candidate.",
    ),
    "not_an_election_session": _w(
        _("Cuộc bỏ phiếu này không phải cuộc bầu cử."), "This vote is not an election."
    ),
    "election_votes_exceed_seats": _w(
        _("Tổng số phiếu bầu cho các ứng cử viên vượt quá số cần bầu nhân số phiếu hợp lệ."),
        "The votes of all candidates exceed the number to elect times the valid ballots.",
    ),
    "counting_committee_is_candidate": _w(
        _("Thành viên Ban kiểm phiếu không được có tên trong danh sách bầu cử."),
        "A member of the counting committee may not be on the election list.",
    ),
    "already_signed": _w(_("Bạn đã ký kết quả này rồi."), "You have already signed this result."),
    "reason_required": _w(_("Cần ghi lý do."), "A reason is required.", detailed=True),
    "subject_listed_twice": _w(
        _("Một người được ghi hai lần trong danh sách lấy phiếu."),
        "A person appears twice on the list of those assessed.",
    ),
    "ballots_exceed_recipients": _w(
        _("Số phiếu điện tử đã bằng số đại biểu được phát mã: không nhận thêm phiếu."),
        "The electronic ballots already equal the delegates given a code: no more ballots are "
        "accepted.",
    ),
    "ballot_key_missing": _w(
        _("Ban kiểm phiếu chưa tạo khóa niêm phong phiếu: chưa mở bỏ phiếu được."),
        "The counting committee has not made its sealing key yet: the vote cannot open.",
    ),
    "key_threshold_invalid": _w(
        _("Số mảnh khóa cần để mở phiếu phải từ 1 đến số thành viên Ban kiểm phiếu."),
        "The key shares needed must be between 1 and the number of counting committee members.",
    ),
    "key_share_malformed": _w(
        _(
            "Mảnh khóa thứ %(position)s nhập sai (sai ký tự hoặc thiếu ký tự). Vui lòng kiểm tra "
            "lại."
        ),
        "Key share %(position)s is mistyped (a wrong or missing character). Please check it.",
    ),
    "key_share_other_vote": _w(
        _("Mảnh khóa thứ %(position)s là của cuộc lấy phiếu khác."),
        "Key share %(position)s belongs to another vote.",
    ),
    "key_share_repeated": _w(
        _("Mảnh khóa thứ %(position)s bị nhập trùng."),
        "Key share %(position)s was entered twice.",
    ),
    "key_shares_too_few": _w(
        _(
            "Cần ít nhất %(needed)s mảnh khóa của thành viên Ban kiểm phiếu để mở phiếu; mới có "
            "%(given)s."
        ),
        "At least %(needed)s of the counting committee's key shares are needed to open the "
        "ballots; %(given)s given.",
    ),
    "key_shares_mismatch": _w(
        _("Các mảnh khóa không khớp với khóa của cuộc lấy phiếu."),
        "The key shares do not match this vote's key.",
    ),
    "sealed_ballot_damaged": _w(
        _("Có phiếu điện tử niêm phong không mở được (dữ liệu bị sửa): dừng kiểm phiếu."),
        "A sealed electronic ballot does not open (its data was altered): the count is stopped.",
    ),
    "slips_exceed_convened": _w(
        _(
            "Số phiếu mã in vượt quá số người được triệu tập (%(convened)s; đã in %(printed)s). "
            "Muốn in thêm, cần ghi lý do."
        ),
        "The code slips would exceed the persons convened (%(convened)s; %(printed)s already "
        "printed). To print more, give a reason.",
    ),
    "slip_count_invalid": _w(
        _("Số phiếu mã cần in phải từ 1 đến %(maximum)s."),
        "The number of code slips must be between 1 and %(maximum)s.",
    ),
    "quorum_inputs_invalid": _w(
        _("Số người có mặt và số người được triệu tập không được âm."),
        "The numbers present and convened may not be negative.",
    ),
    "present_exceeds_convened": _w(
        _("Số người có mặt vượt quá số người được triệu tập."),
        "More people are present than were convened.",
    ),
    "convened_base_not_positive": _w(
        _("Số người được triệu tập phải lớn hơn 0."), "The number convened must be above 0."
    ),
    "band_inputs_invalid": _w(
        _("Số liệu tính mức tín nhiệm không hợp lệ."), "The figures for the levels are not valid."
    ),
    "low_exceeds_denominator": _w(
        _("Số phiếu tín nhiệm thấp vượt quá số dùng làm mẫu số."),
        "The low-confidence count exceeds the number the percentages are taken of.",
    ),
    "too_many_vote_places": _w(
        _("Một cán bộ chỉ được lấy phiếu tín nhiệm ở nhiều nhất hai nơi."),
        "A cadre is voted on in at most two places.",
    ),
    # Review and classification.
    "cycle_open_denied": _w(
        _("Chỉ Ban Tổ chức của cấp mở đợt mới được mở đợt đánh giá."),
        "Only the organization commission of the unit may open a cycle.",
    ),
    "name_required": _w(_("Cần đặt tên đợt."), "A name is required."),
    "cycle_published": _w(
        _("Đợt đã công bố kết quả; chỉ giải quyết khiếu nại."),
        "The cycle is published; only complaints are handled now.",
    ),
    "cycle_not_published": _w(
        _("Kết quả chưa được công bố."), "The results are not published yet."
    ),
    "step_out_of_order": _w(
        _(
            "Không thể thực hiện bước này lúc này. Thứ tự: tự đánh giá → ý kiến tập thể → thẩm "
            "định → quyết định."
        ),
        "This step is out of order. Order: self → comment → appraisal → decision.",
        detailed=True,
    ),
    "step_role_required": _w(
        _("Bước này chỉ do người có vai trò phù hợp của cấp có thẩm quyền thực hiện."),
        "This step may only be taken by the competent level's role for it.",
        detailed=True,
    ),
    "subject_exempt": _w(
        _("Đối tượng thuộc diện không kiểm điểm, xếp loại."),
        "The subject is exempt from review and classification.",
    ),
    "subject_not_classified": _w(
        _("Đối tượng không được xếp loại."), "The subject is not classified."
    ),
    "level_forbidden_by_rule": _w(
        _("Quy định không cho phép xếp mức này."),
        "The rules do not allow this level.",
        detailed=True,
    ),
    "order_violation": _w(
        _(
            "Chưa thể quyết định: cấp dưới trước cấp trên, tập thể trước thành viên, đơn vị "
            "trước người đứng đầu."
        ),
        "Not yet: lower levels before higher ones, the collective before its members, the unit "
        "before its head.",
        detailed=True,
    ),
    "text_required": _w(_("Cần nhập nội dung."), "The text is required.", detailed=True),
    "quota_reason_required": _w(
        _("Giải quyết vượt tỷ lệ HTXS phải ghi lý do."),
        "Resolving an HTXS quota excess requires a reason.",
    ),
    "not_htxs_in_group": _w(
        _("Đối tượng không phải HTXS đã quyết định trong nhóm."),
        "The subject is not a decided HTXS in the group.",
        detailed=True,
    ),
    "quota_still_over": _w(
        _("Nhóm vẫn vượt tỷ lệ HTXS."), "The group is still over the HTXS quota.", detailed=True
    ),
    "unknown_group": _w(_("Không có nhóm xếp loại này."), "No such peer group.", detailed=True),
    "undecided_subjects": _w(
        _("Còn đối tượng chưa được quyết định."),
        "Some subjects are not decided yet.",
        detailed=True,
    ),
    "quota_exceeded": _w(
        _("Có nhóm vượt tỷ lệ HTXS chưa được giải quyết."),
        "Groups over the HTXS quota are not resolved.",
        detailed=True,
    ),
    "complaint_window_closed": _w(
        _("Đã quá thời hạn khiếu nại kể từ khi công bố."),
        "The time for complaints after publication is over.",
        detailed=True,
    ),
    "complaint_pending": _w(
        _("Đã có khiếu nại đang xem xét."), "A complaint is already under consideration."
    ),
    "no_complaint": _w(
        _("Chỉ xếp loại lại khi có khiếu nại."), "Re-classification follows a complaint."
    ),
    "no_rulebook": _w(
        _("Không có bộ quy tắc xếp loại cho năm này."),
        "No classification rulebook for this year.",
        detailed=True,
    ),
    "rulebook_not_encoded": _w(
        _("Năm này thuộc một văn bản canbo chưa mô tả đủ để xếp loại."),
        "This year falls under a document canbo does not encode yet.",
        detailed=True,
    ),
    # Election results: the base of the majority test and the counting minutes' checks.
    "subtraction_reason_not_allowed": _w(
        _("Lý do trừ khỏi số tính kết quả không áp dụng cho loại đại hội này."),
        "This reason for leaving the base does not apply to this kind of congress.",
    ),
    "subtracted_twice": _w(
        _("Một người bị trừ khỏi số tính kết quả hai lần: %(name)s."),
        "A person is taken out of the base twice: %(name)s.",
    ),
    "subtracted_not_convened": _w(
        _("Người không được triệu tập không bị trừ lại khỏi số tính kết quả: %(name)s."),
        "A person who was not convened is not taken out of the base again: %(name)s.",
    ),
    "subtractions_exceed_convened": _w(
        _("Số người bị trừ (%(subtracted)s) nhiều hơn số được triệu tập (%(convened)s)."),
        "More people are taken out (%(subtracted)s) than were convened (%(convened)s).",
    ),
    "election_base_not_positive": _w(
        _("Số dùng làm căn cứ tính kết quả bầu cử phải lớn hơn 0."),
        "The base of the election result must be above 0.",
    ),
    "election_seats_not_positive": _w(
        _("Số lượng cần bầu phải lớn hơn 0."), "The number to elect must be above 0."
    ),
    "alternate_seats_not_delegates": _w(
        _("Chỉ cuộc bầu đại biểu dự đại hội cấp trên mới có đại biểu dự khuyết."),
        "Only an election of delegates to the higher congress has alternate delegates.",
    ),
    "election_no_candidates": _w(_("Danh sách bầu cử không có ai."), "The election list is empty."),
    "election_candidate_twice": _w(
        _("Một người có hai lần trong danh sách bầu cử: %(name)s."),
        "A person is on the election list twice: %(name)s.",
    ),
    "election_counts_do_not_reconcile": _w(
        _("Số liệu kiểm phiếu không khớp; chưa lập được biên bản."),
        "The counts do not reconcile; the minutes cannot be drawn up.",
    ),
    "election_issued_exceeds_convened": _w(
        _(
            "Số phiếu phát ra (%(issued)s) nhiều hơn số người có quyền bầu được triệu tập "
            "(%(convened)s)."
        ),
        "Ballots issued (%(issued)s) exceed the voters convened (%(convened)s).",
    ),
    "election_collected_exceeds_issued": _w(
        _("Số phiếu thu vào (%(collected)s) nhiều hơn số phiếu phát ra (%(issued)s)."),
        "Ballots collected (%(collected)s) exceed ballots issued (%(issued)s).",
    ),
    "election_valid_invalid_not_collected": _w(
        _(
            "Số phiếu hợp lệ (%(valid)s) cộng số phiếu không hợp lệ (%(invalid)s) "
            "không bằng số phiếu thu vào (%(collected)s)."
        ),
        "Valid (%(valid)s) plus invalid (%(invalid)s) ballots do not equal the ballots "
        "collected (%(collected)s).",
    ),
    "election_votes_exceed_valid": _w(
        _("Có người được nhiều phiếu hơn số phiếu hợp lệ (%(valid)s)."),
        "A candidate has more votes than there are valid ballots (%(valid)s).",
    ),
    "election_votes_exceed_seats_times_valid": _w(
        _(
            "Tổng số phiếu bầu (%(total)s) vượt quá số lượng cần bầu nhân số phiếu hợp lệ "
            "(%(limit)s)."
        ),
        "The votes add up to %(total)s, above the number to elect times the valid ballots "
        "(%(limit)s).",
    ),
    "election_elected_not_over_half": _w(
        _("Có người trúng cử không được quá một nửa số phiếu so với căn cứ tính."),
        "Someone declared elected does not have more than half of the base.",
    ),
    "election_subtractions_not_listed": _w(
        _("Danh sách người bị trừ khỏi căn cứ tính kết quả chưa đủ tên."),
        "The list of people taken out of the base does not name them all.",
    ),
    # Elections at a congress: order, list, rounds, minutes and approval.
    "election_not_found": _w(_("Không tìm thấy cuộc bầu cử."), "Election not found."),
    "election_approval_denied": _w(
        _("Chỉ cấp ủy cấp trên trực tiếp mới chuẩn y kết quả bầu cử."),
        "Only the committee directly above approves the election results.",
    ),
    "election_hands_inconsistent": _w(
        _("Số tán thành, không tán thành và số có mặt không khớp nhau."),
        "The votes for, against and the number attending do not add up.",
    ),
    "election_hands_not_adopted": _w(
        _("Biểu quyết chưa được quá nửa số người có mặt tán thành (%(agree)s/%(attending)s)."),
        "The show of hands was not carried by more than half of those attending "
        "(%(agree)s/%(attending)s).",
    ),
    "election_alternates_only_delegates": _w(
        _("Chỉ bầu đại biểu dự khuyết khi bầu đại biểu dự đại hội cấp trên."),
        "Alternates are elected only with delegates to the higher congress.",
    ),
    "election_kind_exists": _w(
        _("Đại hội đã có cuộc bầu này; muốn bầu thêm hãy tạo cuộc bầu bổ sung."),
        "The congress already holds this election; add members by a supplementary election.",
    ),
    "election_list_not_draft": _w(
        _("Danh sách bầu cử đã được biểu quyết, không sửa được nữa."),
        "The election list has been voted and can no longer change.",
    ),
    "election_not_supplementary": _w(
        _("Đây không phải cuộc bầu bổ sung."), "This is not a supplementary election."
    ),
    "election_step_out_of_order": _w(
        _("Các bước bầu bổ sung phải làm theo thứ tự."),
        "The steps of a supplementary election go in order.",
    ),
    "election_steps_missing": _w(
        _("Bầu bổ sung chưa làm đủ các bước trước khi biểu quyết danh sách."),
        "The supplementary election has not taken its steps before the list is voted.",
    ),
    "election_counting_clash": _w(
        _("Thành viên Ban kiểm phiếu không được có tên trong danh sách bầu cử: %(names)s."),
        "A member of the counting committee may not be on the election list: %(names)s.",
    ),
    "election_candidate_age": _w(
        _("%(name)s: thời gian công tác còn lại %(months_left)s tháng, cần %(months_needed)s."),
        "%(name)s: %(months_left)s months of working time left, %(months_needed)s needed.",
    ),
    "election_candidate_not_convened": _w(
        _("Đồng chí %(name)s thuộc diện không triệu tập dự đại hội, không được đưa vào danh sách."),
        "%(name)s is on the not-convened list and may not stand.",
    ),
    "election_candidate_not_in_body": _w(
        _("Đồng chí %(name)s không phải là ủy viên của cơ quan vừa được bầu."),
        "%(name)s is not a member of the body just elected.",
    ),
    "election_agreement_required": _w(
        _("Nhập số đại biểu tán thành và số có mặt khi đề cử, ứng cử."),
        "Enter the number agreeing and the number attending for a nomination.",
    ),
    "election_withdrawal_decision_required": _w(
        _("Ghi quyết định của đại hội về việc rút tên."),
        "Record the congress's decision on the withdrawal.",
    ),
    "election_candidate_not_found": _w(
        _("Không tìm thấy người này trong danh sách bầu cử."), "Not on the election list."
    ),
    "election_list_within_cap": _w(
        _("Danh sách không vượt quá số dư tối đa, không cần phiếu xin ý kiến."),
        "The list is within the cap; no opinion ballot is needed.",
    ),
    "election_opinion_counts_incomplete": _w(
        _("Nhập kết quả phiếu xin ý kiến cho mọi người trong danh sách."),
        "Enter the opinion ballot's count for every name on the list.",
    ),
    "election_opinion_count_invalid": _w(
        _("Số phiếu đồng ý phải từ 0 đến số phiếu thu về."),
        "Each count must be between 0 and the ballots collected.",
    ),
    "election_opinion_tie_at_cut": _w(
        _("Bằng phiếu (%(votes)s) ở vị trí cuối: đoàn chủ tịch xin ý kiến đại hội."),
        "Names tie (%(votes)s) at the cut: the presidium consults the congress.",
    ),
    "election_list_not_approved": _w(
        _("Đại hội chưa biểu quyết danh sách bầu cử."), "The congress has not voted the list."
    ),
    "congress_has_no_conference": _w(
        _("Đại hội chưa có hội nghị để bỏ phiếu."), "The congress has no conference to vote in."
    ),
    "election_no_further_round": _w(
        _("Cuộc bầu không ở tình trạng cần bầu thêm vòng."),
        "The election does not call for a further round.",
    ),
    "election_decision_required": _w(
        _("Ghi quyết định của đại hội trước khi bầu tiếp."),
        "Record the congress's decision before a further round.",
    ),
    "election_body_not_elected": _w(
        _("Cơ quan bầu ra cuộc bầu này chưa được bầu xong."),
        "The body that holds this election has not been elected yet.",
    ),
    "election_not_counted": _w(
        _("Ban kiểm phiếu chưa ký kết quả kiểm phiếu của vòng bầu."),
        "The counting committee has not signed the round's count.",
    ),
    "election_not_voting": _w(
        _("Cuộc bầu không có vòng nào đang chờ kết quả."), "No round is waiting for its result."
    ),
    "election_minutes_signed": _w(
        _("Biên bản kiểm phiếu của vòng này đã được ký."), "This round's minutes are signed."
    ),
    "election_minutes_unsigned": _w(
        _("Còn vòng bầu chưa ký biên bản kiểm phiếu."), "A round's minutes are not signed yet."
    ),
    "election_closed": _w(_("Cuộc bầu đã kết thúc."), "The election is closed."),
    "election_decision_number_required": _w(
        _("Nhập số quyết định chuẩn y."), "Enter the number of the approval decision."
    ),
    "election_nothing_to_approve": _w(
        _("Không có kết quả bầu cử nào chờ chuẩn y."), "No election result awaits approval."
    ),
    # Congresses: the roll, the people not convened, credentials, working bodies, the base.
    "congress_not_found": _w(_("Không tìm thấy đại hội."), "Congress not found."),
    "congress_wrong_status": _w(
        _("Đại hội đang ở bước khác, không thực hiện được thao tác này."),
        "The congress is at another stage; this cannot be done now.",
    ),
    "term_required": _w(_("Cần nhập nhiệm kỳ."), "The term is required."),
    "closing_before_opening": _w(
        _("Ngày bế mạc không được trước ngày khai mạc."),
        "The closing date may not be before the opening date.",
    ),
    "congress_kind_not_allowed": _w(
        _("Chỉ tạo đại hội chi bộ, đại hội đảng viên hoặc đại hội đại biểu."),
        "Only a cell, members' or delegates' congress can be created here.",
    ),
    "delegates_only_at_delegates_congress": _w(
        _("Chỉ đại hội đại biểu mới có đại biểu chính thức và dự khuyết."),
        "Only a delegates' congress has official and alternate delegates.",
    ),
    "person_not_convened": _w(
        _("Người này có trong danh sách không triệu tập dự đại hội."),
        "This person is on the list of those not convened to the congress.",
    ),
    "not_convened_after_opening": _w(
        _("Ngày phát sinh lý do không triệu tập phải trước ngày khai mạc."),
        "The date of the reason for not convening must be before the opening.",
    ),
    "not_convened_not_found": _w(
        _("Người này không có trong danh sách không triệu tập."),
        "This person is not on the list of those not convened.",
    ),
    "roll_empty": _w(
        _("Danh sách triệu tập chưa có đảng viên hoặc đại biểu chính thức nào."),
        "The roll has no official member or delegate yet.",
    ),
    "body_members_required": _w(
        _("Chọn ít nhất một người cho cơ quan này."), "Choose at least one member of this body."
    ),
    "body_head_not_member": _w(
        _("Người đứng đầu phải là thành viên được chọn."),
        "The head must be one of the members chosen.",
    ),
    "hands_negative": _w(
        _("Số biểu quyết không được âm."), "The show-of-hands counts may not be negative."
    ),
    "body_member_not_present": _w(
        _("Chỉ chọn người đang có mặt tại đại hội (đã điểm danh)."),
        "Choose only people present at the congress (checked in).",
    ),
    "counting_member_not_official": _w(
        _("Thành viên Ban kiểm phiếu phải là đảng viên chính thức hoặc đại biểu chính thức."),
        "Counting committee members must be official members or official delegates.",
    ),
    "hands_above_present": _w(
        _("Tổng số biểu quyết (%(counted)s) nhiều hơn số người có mặt (%(present)s)."),
        "The show of hands adds up to %(counted)s, more than the %(present)s present.",
    ),
    "body_not_approved": _w(
        _("Chưa được quá một nửa số người có mặt tán thành (%(votes_for)s/%(present)s)."),
        "Not approved by more than half of those present (%(votes_for)s/%(present)s).",
    ),
    "credentials_delegates_only": _w(
        _("Thẩm tra tư cách đại biểu chỉ áp dụng ở đại hội đại biểu."),
        "The credentials review applies at a delegates' congress only.",
    ),
    "credentials_committee_missing": _w(
        _("Đại hội chưa biểu quyết Ban thẩm tra tư cách đại biểu."),
        "The congress has not approved its credentials committee yet.",
    ),
    "roll_entry_not_found": _w(
        _("Người này không có trong danh sách triệu tập đại hội."),
        "This person is not on the congress's roll.",
    ),
    "status_not_for_role": _w(
        _("Tư cách này không áp dụng cho loại đại biểu của người này."),
        "This status does not apply to this person's kind of delegate.",
    ),
    "seated_for_not_official": _w(
        _("Đại biểu dự khuyết chỉ thay cho một đại biểu chính thức."),
        "An alternate is seated only in an official delegate's place.",
    ),
    "seated_for_not_absent": _w(
        _("Đại biểu chính thức được thay phải vắng mặt cả đại hội."),
        "The official delegate replaced must be absent for the whole congress.",
    ),
    "seat_taken_twice": _w(
        _("Hai đại biểu dự khuyết thay cho cùng một đại biểu chính thức."),
        "Two alternates are seated for the same official delegate.",
    ),
    "subtracted_not_in_base": _w(
        _(
            "Chỉ trừ người có trong số đảng viên chính thức hoặc đại biểu chính thức "
            "được triệu tập."
        ),
        "Only official members or delegates convened can be taken out of the base.",
    ),
    # Party elections: the candidate list, the congress, the order of elections, candidates' age.
    "parameter_not_a_map": _w(
        _("Tham số %(name)s của bộ quy tắc không đúng dạng: %(value)s."),
        "Rulebook parameter %(name)s is not in its expected form: %(value)s.",
    ),
    "unknown_age_level": _w(
        _("Không có thời điểm tính tuổi cho cấp %(level)s."),
        "There is no reference month for level %(level)s.",
    ),
    "age_reference_needs_congress_date": _w(
        _("Cấp này tính tuổi theo ngày đại hội; cần nhập ngày đại hội."),
        "This level counts age from the congress date; the congress date is required.",
    ),
    "age_time_left_short": _w(
        _(
            "Thời gian công tác còn lại tính đến tháng nghỉ hưu là %(months_left)s tháng, "
            "chưa đủ %(months_needed)s tháng."
        ),
        "Working time left to the retirement month is %(months_left)s months, short of "
        "%(months_needed)s.",
    ),
    "nominee_agree_above_attending": _w(
        _("Số người đồng ý (%(agree)s) nhiều hơn số người có mặt (%(attending)s)."),
        "More people agree (%(agree)s) than are attending (%(attending)s).",
    ),
    "nominee_below_30_percent": _w(
        _(
            "Người được đề cử, ứng cử chỉ được đưa vào danh sách khi có trên 30%% số người có "
            "mặt đồng ý (%(agree)s/%(attending)s; cần ít nhất %(needed)s)."
        ),
        "A nominee enters the list only with more than 30%% of those attending "
        "(%(agree)s/%(attending)s; at least %(needed)s needed).",
    ),
    "election_list_empty": _w(_("Danh sách bầu cử không có ai."), "The election list is empty."),
    "surplus_over_cap": _w(
        _(
            "Danh sách %(names)s người cho %(seats)s suất vượt quá số dư cho phép "
            "(tối đa %(max_names)s người)."
        ),
        "A list of %(names)s for %(seats)s seats is over the surplus allowed "
        "(%(max_names)s names at most).",
    ),
    "surplus_missing": _w(
        _("Danh sách bầu phải nhiều hơn số lượng cần bầu (%(seats)s)."),
        "The list must be longer than the number to elect (%(seats)s).",
    ),
    "surplus_not_reached": _w(
        _("Danh sách chưa có số dư; tiếp tục giới thiệu cho đủ số dư."),
        "The list has no surplus yet; nominations go on until it has.",
    ),
    "list_shorter_than_seats": _w(
        _("Danh sách (%(names)s người) ít hơn số lượng cần bầu (%(seats)s)."),
        "The list (%(names)s names) is shorter than the number to elect (%(seats)s).",
    ),
    "draft_surplus_outside_band": _w(
        _(
            "Danh sách do cấp ủy chuẩn bị có %(surplus)s người dư; nên có số dư từ 10%% đến "
            "15%% số lượng cần bầu (%(seats)s)."
        ),
        "The committee's own list has a surplus of %(surplus)s; it should be 10%% to 15%% of "
        "the number to elect (%(seats)s).",
    ),
    "opinion_ballot_needed": _w(
        _(
            "Danh sách vượt quá 30%% số dư: bỏ phiếu xin ý kiến để rút còn tối đa "
            "%(max_names)s người."
        ),
        "The list is over the 30%% surplus: an opinion ballot cuts it to %(max_names)s names "
        "at most.",
    ),
    "counting_member_on_list": _w(
        _("Thành viên Ban kiểm phiếu không được có tên trong danh sách bầu cử."),
        "A member of the counting committee may not be on the election list.",
    ),
    "convener_may_not_nominate_outside_list": _w(
        _("Thành viên cấp ủy triệu tập không được đề cử người ngoài danh sách của cấp ủy."),
        "A member of the convening committee may not nominate anyone outside its list.",
    ),
    "convener_may_not_stand_outside_list": _w(
        _(
            "Thành viên cấp ủy triệu tập không có tên trong danh sách của cấp ủy thì không "
            "được ứng cử, nhận đề cử."
        ),
        "A member of the convening committee not on its list may not stand or accept a nomination.",
    ),
    "congress_kind_not_for_size": _w(
        _("Đảng bộ có %(official_members)s đảng viên chính thức thì tổ chức loại đại hội khác."),
        "A Party organization with %(official_members)s official members holds another kind "
        "of congress.",
    ),
    "cell_elects_secretary_only": _w(
        _("Chi bộ dưới %(min_members)s đảng viên chính thức không bầu chi ủy, chỉ bầu bí thư."),
        "A cell under %(min_members)s official members elects no cell committee, only a secretary.",
    ),
    "cell_committee_not_elected": _w(
        _("Chi bộ này không đủ số đảng viên chính thức để bầu chi ủy."),
        "This cell elects no cell committee.",
    ),
    "cell_committee_over_max": _w(
        _("Chi ủy không quá %(max_seats)s người."),
        "A cell committee has %(max_seats)s members at most.",
    ),
    "cell_secretary_one_seat": _w(_("Chi bộ bầu một bí thư."), "A cell elects one secretary."),
    "cell_deputy_over_one": _w(
        _("Chi bộ bầu không quá một phó bí thư."), "A cell elects one deputy secretary at most."
    ),
    "committee_size_outside_guidance": _w(
        _("Số lượng %(seats)s ngoài khung hướng dẫn (%(low)s–%(high)s)."),
        "The number %(seats)s is outside the guidance (%(low)s–%(high)s).",
    ),
    "unknown_merge_class": _w(
        _("Không rõ loại sắp xếp của xã: %(merge_class)s."),
        "Unknown merge class of the commune: %(merge_class)s.",
    ),
    "round_number_not_positive": _w(
        _("Số thứ tự lần bầu phải từ 1 trở lên."), "The round number must be 1 or more."
    ),
    "further_round_needs_congress_decision": _w(
        _("Bầu tiếp lần %(round)s cần có quyết định của đại hội."),
        "Round %(round)s needs a decision of the congress.",
    ),
    "rounds_exhausted": _w(
        _("Đã bầu đủ %(max_rounds)s lần; không bầu tiếp."),
        "%(max_rounds)s rounds have been held; no further round.",
    ),
    "cell_secretary_rounds_exhausted": _w(
        _(
            "Sau %(max_rounds)s lần bầu không có người trúng cử bí thư chi bộ; cấp ủy cấp trên "
            "chỉ định."
        ),
        "After %(max_rounds)s rounds no cell secretary is elected; the higher committee appoints.",
    ),
    "present_above_convened": _w(
        _("Số người có mặt (%(present)s) nhiều hơn số được triệu tập (%(convened)s)."),
        "More people are present (%(present)s) than were convened (%(convened)s).",
    ),
    "congress_attendance_below_two_thirds": _w(
        _("Số người có mặt (%(present)s/%(convened)s) dưới 2/3 số được triệu tập."),
        "Attendance (%(present)s/%(convened)s) is below 2/3 of those convened.",
    ),
    "congress_attendance_below_quorum": _w(
        _("Chưa đủ 2/3 số được triệu tập có mặt (%(present)s/%(convened)s)."),
        "Fewer than 2/3 of those convened are present (%(present)s/%(convened)s).",
    ),
    "election_not_for_congress_kind": _w(
        _("Loại đại hội này không bầu chức danh này."),
        "This kind of congress does not hold this election.",
    ),
    "election_out_of_order": _w(
        _("Chưa đến lượt cuộc bầu này: phải bầu xong các cuộc bầu trước."),
        "This election is out of order: the elections before it must be finished first.",
    ),
    "candidate_not_in_elected_body": _w(
        _("Người ứng cử phải là thành viên của cơ quan vừa được bầu."),
        "Candidates must be members of the body just elected.",
    ),
    # Planning and appointment eligibility (QĐ 377-QĐ/TW, QĐ 80-QĐ/TW, QĐ 50-QĐ/TW).
    "planning_rulebook_not_covered": _w(
        _(
            "Quy hoạch trước ngày %(covered_from)s (QĐ 50-QĐ/TW) không thuộc phạm vi quy tắc "
            "của phần mềm (ngày %(date)s)."
        ),
        "Planning before %(covered_from)s, when Party Regulation 50 took effect, is not covered"
        " (date %(date)s).",
    ),
    "post_not_in_catalogue": _w(
        _("Chức danh %(title_code)s không có trong danh mục chức danh %(catalogue)s."),
        "The post %(title_code)s is not in the post catalogue %(catalogue)s.",
    ),
    "discipline_form_unknown": _w(
        _("Hình thức kỷ luật không hợp lệ: %(value)s."),
        "Unknown form of discipline: %(value)s.",
    ),
    # Power control in cadre work (QĐ 114-QĐ/TW).
    "conflict_unresolved": _w(
        _(
            "Đồng chí %(person)s có quan hệ với người được xem xét (%(candidate)s): phải ghi nhận"
            " việc không tham gia, hoặc lý do vẫn tham gia, trước khi quyết định."
        ),
        "%(person)s is related to the person considered (%(candidate)s): record the recusal, or"
        " the reason for taking part, before the decision.",
    ),
    "relative_hard_block": _w(
        _(
            "Người đứng đầu không được bố trí vợ, chồng, cha, mẹ, con, anh, chị, em ruột giữ vị trí"
            " này của đơn vị."
        ),
        "A head may not place a spouse, parent, child or sibling in this post of the unit.",
    ),
    "related_voter_not_asked": _w(
        _(
            "Đồng chí %(person)s có quan hệ với người được xem xét: phải hỏi việc không tham gia"
            " bỏ phiếu trước khi phát phiếu."
        ),
        "%(person)s is related to the person considered: ask whether they recuse before the"
        " ballots are issued.",
    ),
    "recusal_outcome_invalid": _w(
        _("Chọn: không tham gia, hoặc vẫn tham gia có lý do."),
        "Choose: recused, or taking part with a reason.",
    ),
    "recusal_reason_required": _w(
        _("Phải ghi lý do khi người có quan hệ vẫn tham gia."),
        "A reason is required when a related person still takes part.",
    ),
    "recusal_process_closed": _w(
        _("Quy trình đã kết thúc: không ghi nhận thêm việc không tham gia."),
        "The process has ended: no further recusal can be recorded.",
    ),
    "recusal_not_participant": _w(
        _("Người này không tham gia bước này của quy trình."),
        "This person does not take part in this step of the process.",
    ),
    "complaint_not_found": _w(_("Không tìm thấy đơn thư."), "Complaint not found."),
    "complaint_received_in_future": _w(
        _("Ngày nhận đơn không được sau ngày hôm nay."),
        "The day the complaint was received cannot be after today.",
    ),
    "complaint_date_in_future": _w(
        _("Ngày giải quyết hoặc chuyển đơn không được sau ngày hôm nay."),
        "The day of resolution or referral cannot be after today.",
    ),
    "complaint_closed_before_received": _w(
        _("Ngày giải quyết hoặc chuyển đơn không được trước ngày nhận đơn."),
        "The day of resolution or referral cannot be before the day it was received.",
    ),
    "complaint_referred_to_required": _w(
        _("Khi chuyển đơn thư, phải ghi cơ quan có thẩm quyền tiếp nhận (tối đa 255 ký tự)."),
        "A referred complaint needs the receiving competent body (at most 255 characters).",
    ),
    "complaint_note_too_long": _w(
        _("Nội dung tóm tắt quá dài (tối đa %(limit)s ký tự)."),
        "The summary is too long (at most %(limit)s characters).",
    ),
    "decider_recused": _w(
        _(
            "Đồng chí %(person)s đã được ghi nhận không tham gia quyết định vì có quan hệ với người"
            " được xem xét: chọn người khác ký quyết định."
        ),
        "%(person)s has been recorded as standing aside from the decision as a relative of the"
        " person considered: name another decider.",
    ),
    "recusal_after_ballots": _w(
        _("Đã phát phiếu ở bước này: chỉ ghi nhận được việc vẫn tham gia, có lý do."),
        "The ballots of this step have been issued: only taking part, with a reason, can be"
        " recorded.",
    ),
    "acquaintance_self": _w(
        _("Không thể kê khai quan hệ quen biết với chính mình."),
        "A person cannot be declared their own acquaintance.",
    ),
    "acquaintance_source_required": _w(
        _("Phải ghi nguồn thông tin (tự kê khai hoặc kết luận kiểm tra)."),
        "The source is required (the person's own declaration or an inspection finding).",
    ),
    "acquaintance_exists": _w(
        _("Quan hệ quen biết này đã được kê khai."),
        "This acquaintance has already been declared.",
    ),
    "control_period_invalid": _w(
        _("Ngày kết thúc phải sau ngày bắt đầu."), "The end date must follow the start date."
    ),
    "control_period_too_long": _w(
        _("Khoảng thời gian báo cáo quá dài (tối đa %(days)s ngày)."),
        "The report period is too long (at most %(days)s days).",
    ),
    "control_report_denied": _w(
        _(
            "Báo cáo kiểm soát quyền lực chỉ dành cho tài khoản có vai trò Ủy ban Kiểm tra "
            "hoặc quản trị hệ thống."
        ),
        "The power-control report is only for accounts with the inspection committee or "
        "administrator role.",
    ),
    # Appointment steps and power control (core rules).
    "valid_ballots_exceed_present": _w(
        _("Số phiếu hợp lệ (%(valid)s) vượt quá số người có mặt (%(present)s)."),
        "The valid ballots (%(valid)s) exceed the number present (%(present)s).",
    ),
    "outside_procedure_not_specified": _w(
        _("Quy trình bổ nhiệm nhân sự từ nơi khác theo văn bản này chưa được xác định."),
        "The procedure for a candidate from elsewhere under this text is not specified.",
    ),
    "power_rulebook_not_covered": _w(
        _("Không có quy định về kiểm soát quyền lực áp dụng cho ngày này."),
        "No power-control rulebook covers this date.",
    ),
    "unknown_misconduct_code": _w(
        _("Không có mã hành vi vi phạm này."), "No such misconduct code."
    ),
    # Cadre planning (quy hoạch).
    "plan_not_found": _w(_("Không tìm thấy quy hoạch."), "Plan not found."),
    "plan_entry_not_found": _w(
        _("Không tìm thấy người này trong quy hoạch."), "This person is not in the plan."
    ),
    "plan_exists": _w(
        _("Chức danh này của đơn vị đã có quy hoạch nhiệm kỳ %(term)s."),
        "This post of the unit already has a plan for the term %(term)s.",
    ),
    "already_in_plan": _w(
        _("Người này đã có trong quy hoạch."), "This person is already in the plan."
    ),
    "already_removed": _w(
        _("Người này đã được đưa ra khỏi quy hoạch."), "This person was already removed."
    ),
    "planning_ineligible": _w(
        _(
            "Không đủ điều kiện đưa vào quy hoạch; chỉ đưa vào được khi ghi quyết định trường hợp"
            " đặc biệt của cấp có thẩm quyền."
        ),
        "Not eligible for planning; only a special-case decision of the competent level allows it.",
        detailed=True,
    ),
    "mandatory_removal_skipped": _w(
        _(
            "Phải ghi quyết định đưa %(person)s ra khỏi quy hoạch: kết quả tín nhiệm mức B buộc"
            " đưa ra, không được bỏ qua."
        ),
        "A decision removing %(person)s from the plan is required: a band B confidence result"
        " makes the removal mandatory; it cannot be skipped.",
    ),
    "appointment_process_not_found": _w(
        _("Không tìm thấy quy trình bổ nhiệm trong phạm vi của bạn."),
        "No appointment process was found within your scope.",
    ),
    "appointment_process_stopped": _w(
        _(
            "Quy trình đang tạm dừng, chờ cấp có thẩm quyền quyết định; hãy ghi ý kiến của cấp"
            " có thẩm quyền trước."
        ),
        "The process is stopped for the competent level's decision; record that decision first.",
    ),
    "appointment_process_closed": _w(
        _("Quy trình đã kết thúc."),
        "The process has ended.",
    ),
    "appointment_no_candidates": _w(
        _("Hãy chọn ít nhất một người được giới thiệu."),
        "Choose at least one candidate.",
    ),
    "appointment_title_not_found": _w(
        _("Không tìm thấy chức vụ trong danh mục."),
        "The post is not in the catalogue.",
    ),
    "appointment_nobody_convened": _w(
        _("Hãy chọn những người được triệu tập dự họp."),
        "Choose the people convened to the meeting.",
    ),
    "appointment_step_not_found": _w(
        _("Quy trình này không có bước đó."),
        "This process has no such step.",
    ),
    "appointment_step_already_convened": _w(
        _("Bước này đã được triệu tập."),
        "This step has already been convened.",
    ),
    "appointment_step_before_start": _w(
        _("Ngày họp trước ngày bắt đầu quy trình."),
        "The meeting date is before the process started.",
    ),
    "appointment_collective_members_invalid": _w(
        _("Số thành viên tập thể lãnh đạo không hợp lệ."),
        "The number of members of the leadership collective is not valid.",
    ),
    "appointment_step_not_convened": _w(
        _("Bước này chưa được triệu tập."),
        "This step has not been convened.",
    ),
    "appointment_no_quorum": _w(
        _(
            "Có mặt %(present)s/%(convened)s người được triệu tập: chưa đủ hai phần ba, không"
            " được bỏ phiếu."
        ),
        "%(present)s of %(convened)s convened are present: under two thirds, no ballot may be"
        " held.",
    ),
    "appointment_step_has_no_ballot": _w(
        _("Bước này không bỏ phiếu."),
        "This step has no ballot.",
    ),
    "appointment_step_not_voting": _w(
        _("Bước này chưa mở bỏ phiếu."),
        "This step's ballot is not open.",
    ),
    "appointment_step_not_counted": _w(
        _("Ban kiểm phiếu chưa kiểm phiếu và ký kết quả."),
        "The counting committee has not counted and signed the result yet.",
    ),
    "appointment_step_not_stopped": _w(
        _("Bước này không chờ ý kiến của cấp có thẩm quyền."),
        "This step is not waiting for the competent level's decision.",
    ),
    "appointment_not_on_list": _w(
        _("Người được chọn không có trong danh sách của quy trình."),
        "The person chosen is not on the process's list.",
    ),
    "appointment_dossier_after_decision": _w(
        _("Ngày nhận hồ sơ (%(received_on)s) sau ngày quyết định (%(decided_on)s)."),
        "The dossier was received (%(received_on)s) after the decision (%(decided_on)s).",
    ),
    "appointment_dossier_item_unknown": _w(
        _("Thành phần hồ sơ không có trong quy định."),
        "This item is not part of the dossier.",
    ),
    "appointment_effective_before_signing": _w(
        _("Ngày có hiệu lực trước ngày ký."),
        "The effective date is before the signing date.",
    ),
    "appointment_already_decided": _w(
        _("Quy trình đã có quyết định bổ nhiệm."),
        "The process has already been decided.",
    ),
    "appointment_steps_not_done": _w(
        _("Chưa thực hiện đủ các bước của quy trình theo thứ tự."),
        "Not every step of the procedure has been taken in order.",
    ),
    "appointment_not_carried": _w(
        _("Người này không được các bước của quy trình giới thiệu."),
        "This person was not carried by the procedure's steps.",
    ),
    "appointment_dossier_not_received": _w(
        _("Chưa ghi ngày nhận hồ sơ nhân sự."),
        "The dossier's received date is not recorded.",
    ),
    "appointment_decider_without_authority": _w(
        _("Cấp quyết định không phải cấp quản lý chức vụ: không có thẩm quyền bổ nhiệm."),
        "The deciding level does not manage the post: it has no authority to appoint.",
    ),
    "appointment_ineligible": _w(
        _("Chưa đủ điều kiện bổ nhiệm; cần quyết định trường hợp đặc biệt."),
        "Not eligible for appointment; a special-case decision is required.",
        detailed=True,
    ),
    # Report requests and surveys (canbo.services.surveys); the problems of one answer name
    # the field, and in a table the row and the column.
    "survey_form_invalid": _w(
        _("Biểu mẫu không hợp lệ (%(problem)s)."),
        "The form is not valid (%(problem)s).",
    ),
    "survey_form_version_exists": _w(
        _(
            "Biểu mẫu %(form_code)s phiên bản %(version)s đã có; muốn thay đổi hãy lập "
            "phiên bản mới."
        ),
        "Form %(form_code)s version %(version)s exists; to change it, make a new version.",
    ),
    "survey_form_version_differs": _w(
        _("Biểu mẫu %(form_code)s phiên bản %(version)s đã có với nội dung khác; không nhận."),
        "Form %(form_code)s version %(version)s exists with other content; not taken.",
    ),
    "survey_form_not_found": _w(
        _("Không tìm thấy biểu mẫu."),
        "Form not found.",
    ),
    "survey_request_not_found": _w(
        _("Không tìm thấy yêu cầu báo cáo."),
        "Report request not found.",
    ),
    "survey_assignment_not_found": _w(
        _("Không tìm thấy báo cáo của đơn vị."),
        "The unit's report was not found.",
    ),
    "survey_unit_not_on_date": _w(
        _("Đơn vị không tồn tại vào ngày %(date)s của báo cáo."),
        "The unit did not exist on the report's date, %(date)s.",
    ),
    "survey_title_invalid": _w(
        _("Cần nhập tên yêu cầu (tối đa 255 ký tự)."),
        "A request title is needed (at most 255 characters).",
    ),
    "survey_deadline_past": _w(
        _("Hạn nộp %(deadline)s đã qua."),
        "The deadline %(deadline)s has passed.",
    ),
    "survey_no_targets": _w(
        _("Không có đơn vị nào thuộc loại đã chọn trong phạm vi của đơn vị yêu cầu."),
        "No unit of the chosen kind lies in the requesting unit's subtree.",
    ),
    "survey_answers_invalid": _w(
        _("Báo cáo có %(count)s lỗi; chưa lưu gì."),
        "The report has %(count)s errors; nothing was saved.",
    ),
    "survey_already_submitted": _w(
        _("Đơn vị đã nộp báo cáo; muốn sửa hãy gửi bản đính chính có nêu lý do."),
        "The unit has submitted its report; to change it, send a correction with its reason.",
    ),
    "survey_not_submitted": _w(
        _("Đơn vị chưa nộp báo cáo nên chưa thể đính chính."),
        "The unit has not submitted its report, so there is nothing to correct.",
    ),
    "survey_correction_reason_missing": _w(
        _("Bản đính chính cần nêu lý do."),
        "A correction needs its reason.",
    ),
    "survey_xlsx_unreadable": _w(
        _("Không đọc được tệp Excel (%(reason)s)."),
        "The spreadsheet cannot be read (%(reason)s).",
    ),
    "survey_xlsx_wrong_form": _w(
        _("Tệp Excel không phải biểu mẫu của báo cáo này (cần %(expected)s)."),
        "The spreadsheet is not this report's form (expected %(expected)s).",
    ),
    "survey_required": _w(_("Chưa trả lời."), "Not answered."),
    "survey_not_a_number": _w(_("'%(value)s' không phải là số."), "'%(value)s' is not a number."),
    "survey_not_integer": _w(_("Cần số nguyên."), "A whole number is needed."),
    "survey_below_minimum": _w(
        _("%(value)s nhỏ hơn mức tối thiểu %(minimum)s."),
        "%(value)s is below the minimum %(minimum)s.",
    ),
    "survey_above_maximum": _w(
        _("%(value)s lớn hơn mức tối đa %(maximum)s."),
        "%(value)s is above the maximum %(maximum)s.",
    ),
    "survey_one_option": _w(_("Chỉ chọn một phương án."), "Choose one option only."),
    "survey_unknown_option": _w(
        _("'%(value)s' không có trong các phương án."), "'%(value)s' is not one of the options."
    ),
    "survey_not_a_table": _w(_("Câu trả lời không phải là bảng."), "The answer is not a table."),
    "survey_too_many_rows": _w(
        _("Bảng có %(rows)s dòng, tối đa %(max_rows)s."),
        "The table has %(rows)s rows; at most %(max_rows)s.",
    ),
    "survey_text_too_long": _w(
        _("Văn bản dài %(length)s ký tự, tối đa %(max_length)s."),
        "The text is %(length)s characters long; at most %(max_length)s.",
    ),
    "survey_unknown_field": _w(_("Biểu mẫu không có mục này."), "The form has no such field."),
    # Signed bundles between installations (canbo.services.bundles).
    "bundle_not_a_zip": _w(
        _("Tệp không phải là gói liên thông (không đọc được như tệp nén zip)."),
        "The file is not a bundle (it cannot be read as a zip file).",
    ),
    "bundle_truncated": _w(
        _("Gói liên thông bị cắt cụt hoặc hỏng; không đọc hết được."),
        "The bundle is truncated or damaged; it cannot be read in full.",
    ),
    "bundle_file_missing": _w(
        _("Gói liên thông thiếu tệp %(file)s."),
        "The bundle lacks the file %(file)s.",
    ),
    "bundle_file_unlisted": _w(
        _("Gói liên thông có tệp %(file)s không ghi trong bản kê."),
        "The bundle holds the file %(file)s, which its manifest does not list.",
    ),
    "bundle_manifest_invalid": _w(
        _("Bản kê của gói liên thông sai hoặc thiếu trường %(field)s."),
        "The bundle's manifest has a wrong or missing field %(field)s.",
    ),
    "bundle_format_unknown": _w(
        _(
            "Gói liên thông theo định dạng phiên bản %(version)s; hệ thống này đọc phiên bản "
            "%(expected)s."
        ),
        "The bundle is in format version %(version)s; this installation reads version "
        "%(expected)s.",
    ),
    "bundle_key_unknown": _w(
        _("Khóa %(key_id)s của hệ thống gửi %(sender)s chưa được đăng ký ở hệ thống này."),
        "The key %(key_id)s of the sending installation %(sender)s is not registered here.",
    ),
    "bundle_key_malformed": _w(
        _("Khóa công khai không đúng (cần 32 byte Ed25519 viết theo base64)."),
        "The public key is not valid (32 bytes of Ed25519 in base64 are expected).",
    ),
    "bundle_key_exists": _w(
        _("Khóa %(key_id)s đã được đăng ký."),
        "The key %(key_id)s is already registered.",
    ),
    "bundle_key_revoked": _w(
        _("Khóa %(key_id)s đã bị thu hồi ngày %(revoked)s; gói ký bằng khóa này bị từ chối."),
        "The key %(key_id)s was revoked on %(revoked)s; bundles signed with it are refused.",
    ),
    "bundle_sender_mismatch": _w(
        _("Gói ghi người gửi là %(sender)s nhưng khóa ký thuộc hệ thống %(installation)s."),
        "The bundle names %(sender)s as sender but its key belongs to %(installation)s.",
    ),
    "bundle_signature_invalid": _w(
        _(
            "Chữ ký của gói không khớp với khóa đã đăng ký của %(sender)s: gói đã bị sửa "
            "hoặc không do hệ thống đó ký."
        ),
        "The bundle's signature does not match the registered key of %(sender)s: the bundle "
        "was altered or not signed by that installation.",
    ),
    "bundle_direction_mismatch": _w(
        _(
            "Hệ thống %(installation)s không được đăng ký là cấp gửi gói theo chiều này "
            "(%(direction)s): gói gửi lên phải từ cấp dưới, gói gửi xuống phải từ cấp trên."
        ),
        "The installation %(installation)s is not registered to send bundles this way "
        "(%(direction)s): upward bundles come from a lower installation, downward ones from "
        "an upper one.",
    ),
    "bundle_expired": _w(
        _("Gói liên thông đã hết hạn nhập từ ngày %(expires)s."),
        "The bundle expired on %(expires)s and can no longer be imported.",
    ),
    "bundle_kind_unknown": _w(
        _("Hệ thống này không biết loại dữ liệu %(kind)s."),
        "This installation does not know the kind of data %(kind)s.",
    ),
    "bundle_schema_unknown": _w(
        _(
            "Dữ liệu %(kind)s theo lược đồ phiên bản %(version)s; hệ thống này đọc phiên bản "
            "%(expected)s."
        ),
        "The data %(kind)s follows schema version %(version)s; this installation reads "
        "version %(expected)s.",
    ),
    "bundle_kind_direction": _w(
        _("Loại dữ liệu %(kind)s không được gửi theo chiều %(direction)s."),
        "The kind of data %(kind)s does not travel this way (%(direction)s).",
    ),
    "bundle_kinds_mixed": _w(
        _("Một gói chỉ chứa dữ liệu cùng một chiều (gửi lên hoặc gửi xuống): %(kinds)s."),
        "One bundle holds kinds of one direction only (upward or downward): %(kinds)s.",
    ),
    "bundle_file_hash_mismatch": _w(
        _("Tệp dữ liệu %(file)s không khớp mã băm trong bản kê: gói đã bị sửa."),
        "The data file %(file)s does not match the hash in the manifest: the bundle was altered.",
    ),
    "bundle_count_mismatch": _w(
        _("Dữ liệu %(kind)s có %(found)s bản ghi, bản kê ghi %(expected)s."),
        "The data %(kind)s holds %(found)s records; the manifest says %(expected)s.",
    ),
    "bundle_record_invalid": _w(
        _("Dữ liệu %(kind)s, dòng %(line)s: bản ghi không đúng (cần đơn vị và khóa)."),
        "Data %(kind)s, line %(line)s: the record is not valid (a unit and a key are needed).",
    ),
    "bundle_out_of_scope": _w(
        _(
            "Dữ liệu %(kind)s, dòng %(line)s: đơn vị %(unit)s nằm ngoài phạm vi đã đăng ký của "
            "hệ thống gửi."
        ),
        "Data %(kind)s, line %(line)s: the unit %(unit)s lies outside the sending "
        "installation's registered subtree.",
    ),
    "bundle_scope_outside_sender": _w(
        _(
            "Đơn vị %(scope)s không thuộc phạm vi đã đăng ký của hệ thống %(installation)s "
            "vào ngày %(date)s."
        ),
        "The unit %(scope)s is not inside the registered subtree of %(installation)s on %(date)s.",
    ),
    "bundle_unit_unknown": _w(
        _("Không có đơn vị mã %(unit)s."),
        "There is no unit with the code %(unit)s.",
    ),
    "bundle_no_installation": _w(
        _("Hệ thống này chưa được đặt tên và tạo khóa (canbo bundle keys init)."),
        "This installation has no name and key yet (canbo bundle keys init).",
    ),
    "bundle_own_exists": _w(
        _("Hệ thống này đã có tên và khóa; dùng đổi khóa thay vì tạo lại."),
        "This installation already has a name and key; rotate the key instead.",
    ),
    "installation_exists": _w(
        _("Hệ thống %(name)s đã được đăng ký với quan hệ hoặc đơn vị gốc khác."),
        "The installation %(name)s is already registered with another relation or root unit.",
    ),
    "bundle_revoke_reason": _w(
        _("Cần ghi lý do thu hồi khóa."),
        "A reason for revoking the key is required.",
    ),
    # Results reports (canbo.services.reports).
    "report_unit_not_on_date": _w(
        _("Đơn vị không tồn tại vào ngày %(day)s, ngày cuối của kỳ báo cáo."),
        "The unit did not exist on %(day)s, the last day of the report's period.",
    ),
    "report_period_reversed": _w(
        _("Ngày bắt đầu của kỳ báo cáo phải trước ngày kết thúc."),
        "The report's period must start before it ends.",
    ),
    # What a received bundle brings down (canbo.bundles.kinds).
    "bundle_unit_history_differs": _w(
        _(
            "Gói dữ liệu ghi lịch sử khác của đơn vị %(unit)s từ ngày %(date)s; lịch sử đã ghi "
            "không bị sửa, không có gì được nhập."
        ),
        "The bundle records a different history of unit %(unit)s from %(date)s; recorded "
        "history is never rewritten, nothing was imported.",
    ),
    "bundle_parent_unknown": _w(
        _(
            "Đơn vị %(unit)s thuộc đơn vị %(parent)s mà hệ thống này chưa có và gói dữ liệu "
            "không mang theo; không có gì được nhập."
        ),
        "Unit %(unit)s belongs to unit %(parent)s, which this installation does not have and "
        "the bundle does not carry; nothing was imported.",
    ),
    "bundle_requester_unknown": _w(
        _(
            "Yêu cầu báo cáo %(key)s do đơn vị %(unit)s gửi, mà hệ thống này chưa có (cần nhận "
            "cây đơn vị trước); không có gì được nhập."
        ),
        "Report request %(key)s comes from unit %(unit)s, which this installation does not "
        "have (receive the unit tree first); nothing was imported.",
    ),
    # Statistics of the organization sector (canbo.services.stats).
    "stats_unit_not_on_date": _w(
        _(
            "Đơn vị không tồn tại vào ngày %(as_of)s của báo cáo (đơn vị có từ %(valid_from)s "
            "đến %(valid_to)s)."
        ),
        "The unit did not exist on the report's date %(as_of)s (it existed from %(valid_from)s "
        "to %(valid_to)s).",
    ),
    "stats_movement_unbalanced": _w(
        _(
            "Số liệu tăng, giảm đảng viên không khớp: cuối kỳ %(d)s khác đầu kỳ %(a)s cộng tăng "
            "%(b)s trừ giảm %(c)s."
        ),
        "The members' movement does not add up: the end %(d)s differs from the start %(a)s "
        "plus increases %(b)s minus decreases %(c)s.",
    ),
    "stats_compare_order": _w(
        _("Ngày so sánh trước (%(before)s) phải sớm hơn ngày so sánh sau."),
        "The earlier date (%(before)s) must come before the later one.",
    ),
    "stats_table_not_found": _w(
        _("Không có biểu thống kê %(table)s."), "There is no statistics table %(table)s."
    ),
}

_VIETNAMESE = re.compile(r"[À-ỹĐđ]")


def wording(code: str) -> tuple[str, str] | None:
    """The (Vietnamese, English) message of a code, unfilled; ``None`` if not catalogued."""
    entry = CATALOGUE.get(code)
    if entry is not None:
        return entry.vi, _english(entry)
    if code in IMPORT_MESSAGES:
        return IMPORT_MESSAGES[code]
    return None


def is_catalogued(code: str) -> bool:
    """Whether a refusal code has its words here (the catalogue test asks this of every code)."""
    return code in CATALOGUE or code in IMPORT_MESSAGES


def valid_data(form: Any) -> dict[str, Any]:
    """A posted form's cleaned data, or the refusal ``form_invalid`` naming its first field in
    error and what is wrong (a form posted with no body names its first field)."""
    if not form.is_valid():
        first: tuple[str, list[str]] = (next(iter(form.fields), ""), [])
        field, errors = next(iter(form.errors.items()), first)
        raise ValidationError("form_invalid", field=field, detail=" ".join(map(str, errors)))
    data: dict[str, Any] = form.cleaned_data
    return data


def bilingual(exc: DomainError) -> tuple[str, str]:
    """The (Vietnamese, English) message of a refusal, its ``%(field)s`` filled in."""
    entry = CATALOGUE.get(exc.code)
    own = _own_words(exc)
    if entry is None or (entry.detailed and own is not None):
        if own is not None:
            return own
        found = wording(exc.code)
        if found is not None:
            return _fill(found[0], exc.fields), _fill(found[1], exc.fields)
        return exc.message, exc.message
    return _fill(entry.vi, exc.fields), _fill(_english(entry), exc.fields)


def message(exc: DomainError, language: str | None = None) -> str:
    """The refusal in ``language`` (default: the active one): English only when chosen."""
    vi, en = bilingual(exc)
    chosen = language or translation.get_language() or "vi"
    return en if chosen.startswith("en") else vi


def cli_text(exc: DomainError) -> str:
    """A refusal for the command line: the code, then the message in both languages."""
    vi, en = bilingual(exc)
    return f"{exc.code}: {vi}" if vi == en else f"{exc.code}: {vi} / {en}"


def _english(entry: Wording) -> str:
    with translation.override("en"):
        translated = translation.gettext(entry.vi)
    return translated if translated != entry.vi else entry.en


def _own_words(exc: DomainError) -> tuple[str, str] | None:
    """What the raising code said in both languages, if it did."""
    vi = getattr(exc, "message_vi", None) or exc.fields.get("message_vi")
    en = getattr(exc, "message_en", None) or exc.fields.get("message_en")
    if isinstance(vi, str) and isinstance(en, str) and vi:
        return vi, en
    first, sep, second = exc.message.partition(" / ")
    if not sep:
        return None
    if len(_VIETNAMESE.findall(second)) > len(_VIETNAMESE.findall(first)):
        first, second = second, first
    return first, second


def _fill(text: str, fields: Mapping[str, Any]) -> str:
    if "%(" not in text:
        return text
    try:
        return text % dict(fields)
    except (KeyError, TypeError, ValueError):
        return text


def flash_refusal(request: HttpRequest, exc: DomainError) -> None:
    """Show a refusal on the next page: its words in the reader's language and its citation."""
    cite = f" [{exc.citation}]" if exc.citation else ""
    messages.error(request, f"{message(exc)}{cite}")


def run_and_redirect(
    request: HttpRequest, back: str, action: Callable[[], object], done: str
) -> HttpResponse:
    """Run a use case for a posted form, say ``done`` or the refusal, and go back to ``back``."""
    try:
        action()
        messages.success(request, done)
    except DomainError as exc:
        flash_refusal(request, exc)
    return redirect(back)
