"""Vietnamese and English wording of API refusals, and the labels of the fields they name.

The shared catalogue (:mod:`canbo.web.messages`) stays the source of Vietnamese wording for
domain codes; this module adds what only the API says (malformed input, authentication) and an
English text for every code, used when the English catalogue has no translation for it. Every
error body carries both languages so that a client can show either without a second request.
"""

from __future__ import annotations

from django.utils import translation

from canbo.core.errors import DomainError
from canbo.core.validation import InvalidField
from canbo.web.messages import translated_message

# Codes the shared catalogue does not know: (Vietnamese, English).
API_MESSAGES: dict[str, tuple[str, str]] = {
    "invalid_input": ("Dữ liệu không hợp lệ.", "The input is not valid."),
    "unit_not_valid": (
        "Đơn vị không có hiệu lực vào ngày này.",
        "The unit is not in force on this date.",
    ),
    "otp_required": (
        "Tài khoản quản trị phải xác thực hai lớp (mã OTP) để dùng API.",
        "Administrator accounts must pass two-factor authentication (OTP) to use the API.",
    ),
    "not_authenticated": ("Cần đăng nhập.", "Authentication is required."),
    "authentication_failed": ("Sai tên đăng nhập hoặc mật khẩu.", "Wrong username or password."),
    "permission_denied": (
        "Bạn không có quyền thực hiện thao tác này.",
        "You do not have permission for this action.",
    ),
    "not_found": ("Không tìm thấy.", "Not found."),
    "method_not_allowed": ("Phương thức không được hỗ trợ.", "Method not allowed."),
    "parse_error": ("Nội dung gửi lên không đọc được.", "The request body could not be parsed."),
    "request_too_large": (
        "Nội dung gửi lên quá lớn.",
        "The request body is too large.",
    ),
    "json_too_deep": (
        "Dữ liệu JSON lồng nhau quá sâu.",
        "The JSON is nested too deeply.",
    ),
    "value_out_of_range": (
        "Giá trị số nằm ngoài phạm vi cho phép.",
        "A number is out of the allowed range.",
    ),
    "unsupported_media_type": ("Định dạng nội dung không được hỗ trợ.", "Unsupported media type."),
    "not_acceptable": ("Không có định dạng trả lời phù hợp.", "No acceptable response format."),
    "throttled": ("Quá nhiều yêu cầu; thử lại sau.", "Too many requests; try again later."),
}

# English for the shared catalogue's codes, when the English catalogue lacks one.
ENGLISH: dict[str, str] = {
    "unit_not_found": "Unit not found.",
    "person_not_found": "Person not found.",
    "unit_write_denied": "You may not change this unit.",
    "admin_required": "Only a system administrator may do this.",
    "action_denied": "Your role does not allow this action on this unit.",
    "duplicate_code": "This code already exists.",
    "tree_cycle": "The proposed parent is inside this unit's own subtree.",
    "date_in_future": "The date may not be in the future.",
    "date_before_birth": "The date may not be before the date of birth.",
    "official_before_admission": "Full membership must come after admission to the Party.",
    "membership_overlap": "The member already belongs to another cell during this period.",
    "membership_unit_kind": "Party members belong to a cell (chi bộ) only.",
    "legal_basis_required": "The legal basis is required.",
    "import_rejected": "The file has errors; nothing was imported.",
}

# Per-field problems found while parsing input: DRF error code → (Vietnamese, English).
FIELD_PROBLEMS: dict[str, tuple[str, str]] = {
    "required": ("Thiếu giá trị bắt buộc.", "A value is required."),
    "null": ("Không được để trống.", "The value may not be null."),
    "blank": ("Không được để trống.", "The value may not be blank."),
    "invalid": ("Giá trị không đúng định dạng.", "The value is not in a valid format."),
    "invalid_choice": (
        "Giá trị không thuộc danh mục cho phép.",
        "The value is not one of the allowed choices.",
    ),
    "max_length": ("Giá trị quá dài.", "The value is too long."),
    "max_value": ("Giá trị quá lớn.", "The value is too large."),
    "min_value": ("Giá trị quá nhỏ.", "The value is too small."),
    "not_a_list": ("Cần một danh sách.", "A list is expected."),
    "empty": ("Danh sách không được rỗng.", "The list may not be empty."),
    "before_start": (
        "Ngày kết thúc phải sau ngày bắt đầu.",
        "The end date must not be before the start date.",
    ),
    "unknown_link": (
        "Cặp đơn vị không có trong danh sách trước và sau sắp xếp.",
        "The pair is not among the predecessors and successors.",
    ),
}

# Labels of the fields the API accepts: (Vietnamese, English).
FIELD_LABELS: dict[str, tuple[str, str]] = {
    "as_of": ("Ngày tra cứu", "As-of date"),
    "code": ("Mã", "Code"),
    "name": ("Tên", "Name"),
    "short_name": ("Tên ngắn", "Short name"),
    "kind": ("Loại", "Kind"),
    "level_class": ("Cấp", "Level class"),
    "parent": ("Đơn vị cấp trên", "Parent unit"),
    "admin_code": ("Mã hành chính", "Administrative code"),
    "legal_basis": ("Căn cứ", "Legal basis"),
    "valid_from": ("Hiệu lực từ", "Valid from"),
    "valid_to": ("Hiệu lực đến", "Valid to"),
    "date": ("Ngày hiệu lực", "Effective date"),
    "predecessors": ("Đơn vị trước sắp xếp", "Predecessor units"),
    "successors": ("Đơn vị sau sắp xếp", "Successor units"),
    "shares": ("Phần chuyển giao", "Shares"),
    "share": ("Toàn bộ hay một phần", "Whole or part"),
    "predecessor": ("Đơn vị trước sắp xếp", "Predecessor unit"),
    "successor": ("Đơn vị sau sắp xếp", "Successor unit"),
    "subtree": ("Cả cây con", "Whole subtree"),
    "full_name": ("Họ và tên", "Full name"),
    "birth_date": ("Ngày sinh", "Date of birth"),
    "sex": ("Giới tính", "Sex"),
    "ethnicity": ("Dân tộc", "Ethnicity"),
    "hometown": ("Quê quán", "Home town"),
    "national_id": ("Số định danh cá nhân", "National ID number"),
    "party_card_number": ("Số thẻ đảng viên", "Party card number"),
    "party_admission_date": ("Ngày vào Đảng", "Date of admission to the Party"),
    "official_membership_date": ("Ngày chính thức", "Date of full membership"),
    "cell": ("Chi bộ", "Party cell"),
    "since": ("Sinh hoạt từ ngày", "Member since"),
    "to_cell": ("Chi bộ chuyển đến", "Cell transferred to"),
    "on": ("Ngày chuyển", "Transfer date"),
    "unit": ("Đơn vị", "Unit"),
    "q": ("Từ khóa", "Search text"),
}


def field_label(path: str) -> tuple[str, str]:
    """Labels of a field path such as ``shares[1].share``: the last name, with the row kept."""
    name = path.rsplit(".", 1)[-1].split("[", 1)[0]
    vi, en = FIELD_LABELS.get(name, (name, name))
    if path != name:
        return f"{vi} ({path})", f"{en} ({path})"
    return vi, en


def _catalogued(exc: DomainError) -> tuple[str, str]:
    own = API_MESSAGES.get(exc.code)
    vi = _shared(exc, "vi")
    if vi == exc.message and own:
        vi = own[0]
    en = _shared(exc, "en")
    if en == vi or en == exc.message:
        en = own[1] if own else ENGLISH.get(exc.code, exc.message)
    return vi, en


def _shared(exc: DomainError, language: str) -> str:
    with translation.override(language):
        return translated_message(exc)


def bilingual(exc: DomainError) -> tuple[str, str]:
    """The (Vietnamese, English) message of a refusal, prefixed by the field it names.

    A field refused by the shared rules (:mod:`canbo.core.validation`) keeps the wording of
    the import report, so that the API and an import say the same thing.
    """
    if isinstance(exc, InvalidField):
        vi, en = exc.message_vi, exc.message_en
    else:
        vi, en = _catalogued(exc)
    problem = exc.fields.get("problem")
    if isinstance(problem, str) and problem in FIELD_PROBLEMS:
        vi, en = FIELD_PROBLEMS[problem]
    field = exc.fields.get("field")
    if isinstance(field, str) and field:
        label_vi, label_en = field_label(field)
        vi, en = f"{label_vi}: {vi}", f"{label_en}: {en}"
    return vi, en
