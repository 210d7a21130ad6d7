"""Messages of import reports, in Vietnamese and English, keyed by the problem's code.

Both languages are kept in the report itself (``RowError.message_vi``/``message_en``) so that
it can be printed or mailed offline, without the translation catalogue. ``{value}`` is the
offending cell; other placeholders are named in the message.
"""

from __future__ import annotations

from .errors import RowError, ValidationError

MESSAGES: dict[str, tuple[str, str]] = {
    # The file as a whole
    "file_format": (
        "Chỉ nhận tệp .csv hoặc .xlsx (tệp: {value}).",
        "Only .csv and .xlsx files are accepted (file: {value}).",
    ),
    "file_empty": ("Tệp trống, không có dòng tiêu đề.", "The file is empty: no header row."),
    "file_encoding": (
        "Tệp không phải UTF-8 (có thể là Windows-1258, TCVN3 hoặc VNI); hãy lưu lại dưới dạng "
        "CSV UTF-8. {value}",
        "The file is not UTF-8 (perhaps Windows-1258, TCVN3 or VNI); save it again as CSV "
        "UTF-8. {value}",
    ),
    "file_malformed": (
        "Tệp bị hỏng hoặc sai định dạng: {value}.",
        "The file is damaged or not in the expected format: {value}.",
    ),
    "cell_count": (
        "Dòng có {value} ô nhưng dòng tiêu đề có {expected} cột.",
        "The row has {value} cells but the header has {expected} columns.",
    ),
    "column_missing": (
        "Thiếu cột bắt buộc '{value}'.",
        "The required column '{value}' is missing.",
    ),
    "column_unknown": (
        "Cột '{value}' không có trong mẫu nhập.",
        "The column '{value}' is not part of the import format.",
    ),
    "column_repeated": ("Cột '{value}' lặp lại.", "The column '{value}' appears twice."),
    "more_errors": (
        "Còn {value} lỗi khác không liệt kê.",
        "{value} more problems are not listed.",
    ),
    "file_too_large": (
        "Tệp quá lớn: {value}; giới hạn là {limit}. Hãy chia thành nhiều tệp nhỏ hơn.",
        "The file is too large: {value}; the limit is {limit}. Split it into smaller files.",
    ),
    "sheet_too_large": (
        "Trang tính quá lớn: {value}; giới hạn là {limit}. Hãy chép dữ liệu sang một trang "
        "tính mới hoặc chia thành nhiều tệp.",
        "The sheet is too large: {value}; the limit is {limit}. Copy the data to a new sheet "
        "or split it into smaller files.",
    ),
    "too_many_rows": (
        "Tệp có quá {limit} dòng; hãy chia thành nhiều tệp nhỏ hơn.",
        "The file has more than {limit} rows; split it into smaller files.",
    ),
    # One cell
    "required": ("Thiếu giá trị bắt buộc.", "A required value is missing."),
    "control_character": (
        "Có ký tự điều khiển {char} (ví dụ byte NUL), không được phép: '{value}'.",
        "Contains the control character {char} (such as a NUL byte), which is not allowed: "
        "'{value}'.",
    ),
    "format_character": (
        "Có ký tự ẩn {char} (đảo chiều văn bản hoặc ký tự không độ rộng), không được phép: "
        "'{value}'.",
        "Contains the invisible character {char} (a text-direction override or a zero-width "
        "character), which is not allowed: '{value}'.",
    ),
    "markup": (
        "Không được chứa ký tự < hoặc >: '{value}'.",
        "May not contain the characters < or >: '{value}'.",
    ),
    "formula_like": (
        "Không được bắt đầu bằng '{char}' (bảng tính sẽ hiểu là công thức): '{value}'.",
        "May not start with '{char}' (a spreadsheet would read it as a formula): '{value}'.",
    ),
    "too_long": ("Dài quá {limit} ký tự.", "Longer than {limit} characters."),
    "bad_code": (
        "Mã '{value}' chỉ được gồm chữ không dấu, số và . _ / -.",
        "The code '{value}' may only contain unaccented letters, digits and . _ / -.",
    ),
    "bad_date": (
        "Ngày '{value}' không hợp lệ; ghi theo dạng dd/mm/yyyy hoặc yyyy-mm-dd.",
        "'{value}' is not a valid date; write dd/mm/yyyy or yyyy-mm-dd.",
    ),
    "date_in_future": ("Ngày {value} ở tương lai.", "The date {value} is in the future."),
    "date_too_early": ("Ngày {value} trước năm 1900.", "The date {value} is before 1900."),
    "date_before_birth": ("Ngày {value} trước ngày sinh.", "The date {value} is before birth."),
    "official_without_admission": (
        "Có ngày chính thức {value} nhưng không có ngày vào Đảng.",
        "An official membership date ({value}) needs an admission date.",
    ),
    "official_before_admission": (
        "Ngày chính thức {value} trước ngày vào Đảng.",
        "The official membership date {value} is before the admission date.",
    ),
    "end_before_start": (
        "Ngày hết hiệu lực {value} trước ngày bắt đầu hiệu lực.",
        "The end date {value} is before the start date.",
    ),
    "bad_sex": (
        "Giới tính '{value}' phải là Nam hoặc Nữ.",
        "Sex '{value}' must be Nam or Nữ (M/F).",
    ),
    "bad_national_id": (
        "Số định danh cá nhân '{value}' phải gồm đúng 12 chữ số.",
        "The national ID '{value}' must be exactly 12 digits.",
    ),
    "bad_choice": (
        "Giá trị '{value}' không hợp lệ; chọn một trong: {allowed}.",
        "'{value}' is not allowed; use one of: {allowed}.",
    ),
    "name_empty": ("Họ và tên trống.", "The full name is empty."),
    "name_too_long": ("Họ và tên quá dài: '{value}'.", "The full name is too long: '{value}'."),
    "name_has_digits": ("Họ và tên có chữ số: '{value}'.", "The full name has digits: '{value}'."),
    "name_forbidden_characters": (
        "Họ và tên có ký tự không hợp lệ: '{value}'.",
        "The full name has characters that are not allowed: '{value}'.",
    ),
    "name_misplaced_punctuation": (
        "Dấu nháy hoặc gạch nối đặt sai chỗ: '{value}'.",
        "An apostrophe or hyphen is misplaced: '{value}'.",
    ),
    # Across rows and against stored data
    "duplicate_in_file": (
        "Mã '{value}' trùng với dòng {other}.",
        "The code '{value}' repeats row {other}.",
    ),
    "national_id_in_file": (
        "Số định danh '{value}' trùng với dòng {other}.",
        "The national ID '{value}' repeats row {other}.",
    ),
    "duplicate_in_database": (
        "Mã '{value}' đã có trong hệ thống.",
        "The code '{value}' is already in the system.",
    ),
    "unit_out_of_scope": (
        "Không tìm thấy đơn vị '{value}' trong phạm vi bạn được giao quản lý.",
        "No unit '{value}' in the part of the tree you may change (outside your scope).",
    ),
    "unit_not_valid_then": (
        "Đơn vị '{value}' không tồn tại vào ngày {day}.",
        "The unit '{value}' did not exist on {day}.",
    ),
    "unit_not_a_cell": (
        "Đơn vị '{value}' không phải chi bộ hoặc tổ đảng; đảng viên sinh hoạt tại chi bộ.",
        "The unit '{value}' is not a Party cell or group; members belong to a cell.",
    ),
    "top_level_requires_admin": (
        "Chỉ quản trị toàn hệ thống mới được thêm đơn vị không có cấp trên.",
        "Only an administrator of the whole tree may add a unit without a parent.",
    ),
    "tree_cycle": (
        "Quan hệ cấp trên tạo thành vòng lặp: {value}.",
        "The parent chain loops back: {value}.",
    ),
}


def row_error(row: int, column: str, code: str, value: object = "", **params: object) -> RowError:
    """Build a :class:`RowError` with both messages from the catalogue of import messages."""
    vi, en = MESSAGES[code]
    text = "" if value is None else str(value)
    return RowError(
        row, column, code, vi.format(value=text, **params), en.format(value=text, **params), text
    )


def more_errors(count: int) -> RowError:
    """The closing line of a report cut short: how many more problems were not listed."""
    return row_error(0, "", "more_errors", count)


def file_problem(code: str, row: int = 0, column: str = "", value: object = "") -> ValidationError:
    """A problem with the file as a whole (format, encoding, structure), for readers to raise.

    The error's fields carry the :class:`RowError` to report, so the import lists it with the
    row problems.
    """
    error = row_error(row, column, code, value)
    return ValidationError(code, error.message_en, row_error=error)
