"""The organization sector's statistics tables (FRM-10, FRM-11): the rules that say what
Biểu 2 to Biểu 5 count (HD 11-HD/BTCTW; FRM-08 and FRM-09 sit in :mod:`.forms`)."""

from __future__ import annotations

from canbo.core.citations.documents import HD11
from canbo.core.citations.model import RuleText, rule

SOURCE = "https://github.com/thanhvu16/quan_ly_can_bo/blob/4b2138ba5860caef1e702c8c6f2ad684e9bdf8e1/Modules/BaoCaoThongKe/Resources/views/mau-bao-cao-excel/3.blade.php"
SOURCE_5 = "https://github.com/thanhvu16/quan_ly_can_bo/blob/4b2138ba5860caef1e702c8c6f2ad684e9bdf8e1/Modules/BaoCaoThongKe/Resources/views/mau-bao-cao-excel/5.blade.php"

RULES: tuple[RuleText, ...] = (
    rule(
        "FRM-10",
        HD11,
        "",
        "",
        (
            "Biểu 2, 3, 4: đảng viên mới kết nạp và đảng viên cuối năm chia theo giới tính, độ "
            "tuổi, dân tộc, tôn giáo, trình độ giáo dục phổ thông, chuyên môn, lý luận chính trị;"
            " Biểu 4 theo từng dân tộc và tôn giáo."
        ),
        (
            "Tables 2, 3, 4: members admitted and members at year end by sex, age band, ethnic "
            "group, religion, general education, qualification and political theory; Table 4 by"
            " each ethnic group and religion."
        ),
        SOURCE,
        "unconfirmed",
    ),
    rule(
        "FRM-11",
        HD11,
        "",
        "",
        (
            "Biểu 5: tổ chức cơ sở đảng và tổ chức đảng trực thuộc theo loại hình; từ 01/7/2025 "
            "các dòng địa phương là xã, phường, đặc khu."
        ),
        (
            "Table 5: grassroots and subordinate Party organizations by kind; from 01/07/2025 the"
            " local rows are commune, ward and special zone."
        ),
        SOURCE_5,
        "unconfirmed",
    ),
)
