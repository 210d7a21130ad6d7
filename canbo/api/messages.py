"""The API's wording of refusals: the one catalogue (:mod:`canbo.refusals`) in both languages,
with the field a refusal names and the per-field problems of parsed input.

Every error body carries both languages so that a client can show either without a second
request.
"""

from __future__ import annotations

from canbo import refusals
from canbo.core.errors import DomainError
from canbo.core.validation import InvalidField

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


def bilingual(exc: DomainError) -> tuple[str, str]:
    """The (Vietnamese, English) message of a refusal, prefixed by the field it names.

    A field refused by the shared rules (:mod:`canbo.core.validation`) keeps the wording of
    the import report, so that the API and an import say the same thing.
    """
    if isinstance(exc, InvalidField):
        vi, en = exc.message_vi, exc.message_en
    else:
        vi, en = refusals.bilingual(exc)
    problem = exc.fields.get("problem")
    if isinstance(problem, str) and problem in FIELD_PROBLEMS:
        vi, en = FIELD_PROBLEMS[problem]
    field = exc.fields.get("field")
    if isinstance(field, str) and field:
        label_vi, label_en = field_label(field)
        vi, en = f"{label_vi}: {vi}", f"{label_en}: {en}"
    return vi, en
