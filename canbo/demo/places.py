"""Which province a real place name of the name pools belongs to, so that the demo never puts a
commune or district named after a real district of one province under another province.

The pools of :mod:`canbo.core.seed.vn_names` mix names that occur in many provinces (Tân Phú,
Hòa Bình, Quang Trung: left free) with names of real districts, towns and provinces (Củ Chi,
Mường Khương, Tây Ninh), listed here with the former provinces (codes of
``PROVINCES_BEFORE_2025_07``) where they are real. A province takes its own listed names and the
free ones; a listed name of another province is never used.
"""

from __future__ import annotations

import random
from collections.abc import Iterable

from canbo.core.seed.vn_names import COMMUNE_STEMS, DISTRICT_STEMS

_BY_PROVINCE: dict[str, str] = {
    "01": "Thanh Trì, Gia Lâm, Đông Anh, Sóc Sơn, Thạch Thất, Quốc Oai, Ba Vì, Đan Phượng, "
    "Mê Linh, Phú Xuyên, Ứng Hòa, Mỹ Đức, Chương Mỹ, Thường Tín, Hoài Đức, Long Biên, Tây Hồ, "
    "Thanh Xuân",
    "06": "Pác Nặm, Chợ Mới",
    "08": "Nà Hang, Yên Sơn",
    "10": "Mường Khương",
    "12": "Tân Uyên",
    "15": "Yên Bình",
    "17": "Kim Bôi, Cao Phong, Lạc Sơn",
    "19": "Định Hóa",
    "20": "Bắc Sơn",
    "24": "Lục Ngạn, Yên Thế",
    "25": "Tam Nông",
    "27": "Yên Phong, Thuận Thành",
    "30": "Cẩm Giàng, Nam Sách, Tứ Kỳ, Ninh Giang, Gia Lộc",
    "31": "Vĩnh Bảo, Tiên Lãng, Kiến Thụy, Thủy Nguyên, Hải An",
    "33": "Kim Động, Ân Thi, Khoái Châu, Văn Lâm, Yên Mỹ",
    "34": "Tiền Hải, Kiến Xương, Vũ Thư, Quỳnh Phụ",
    "36": "Hải Hậu, Giao Thủy, Nghĩa Hưng, Ý Yên, Xuân Trường",
    "37": "Hoa Lư, Gia Viễn, Nho Quan, Kim Sơn",
    "38": "Nga Sơn, Hậu Lộc, Hoằng Hóa, Quảng Xương, Đông Sơn",
    "40": "Diễn Châu, Quỳnh Lưu, Đô Lương, Nghi Lộc, Thái Hòa",
    "42": "Can Lộc, Cẩm Xuyên, Thạch Hà, Nghi Xuân, Hương Sơn, Lộc Hà",
    "44": "Lệ Thủy, Bố Trạch",
    "45": "Hải Lăng",
    "46": "Phong Điền, Phú Vang, Hương Trà, Phú Lộc",
    "48": "Hải Châu",
    "49": "Điện Bàn, Duy Xuyên",
    "51": "Tư Nghĩa, Mộ Đức, Sơn Tịnh, Sơn Hà",
    "52": "Hoài Nhơn, Tuy Phước, Tây Sơn",
    "54": "Phú Hòa",
    "56": "Cam Lâm, Vạn Ninh",
    "64": "Ia Grai",
    "66": "Ea Kar, Krông Búk",
    "67": "Đắk Mil",
    "68": "Đức Trọng, Cát Tiên",
    "70": "Lộc Ninh",
    "72": "Tân Châu",
    "74": "Thuận An, Tân Uyên",
    "75": "Nhơn Trạch, Xuân Lộc",
    "77": "Phú Mỹ",
    "79": "Củ Chi, Hóc Môn, Bình Chánh, Cần Giờ, Phú Nhuận, Bình Thạnh",
    "82": "Cai Lậy, Chợ Gạo, Mỹ Tho",
    "83": "Mỏ Cày",
    "84": "Cầu Kè",
    "86": "Long Hồ",
    "87": "Lai Vung, Tam Nông",
    "89": "Chợ Mới, Thoại Sơn, Tân Châu",
    "91": "Giồng Riềng",
    "92": "Thới Lai, Phong Điền",
    "94": "Mỹ Tú",
    "95": "Hồng Dân",
    "96": "Năm Căn",
}

ONLY_THERE = frozenset(
    "Long Biên, Tây Hồ, Thanh Xuân, Hải Châu, Phú Nhuận, Củ Chi, Hóc Môn, Cần Giờ, Mỹ Tho, "
    "Mường Khương, Nà Hang, Pác Nặm, Ia Grai, Ea Kar, Krông Búk, Đắk Mil, Nhơn Trạch, Cát Tiên, "
    "Năm Căn, Hồng Dân, Giồng Riềng, Thoại Sơn, Cầu Kè, Mỏ Cày".split(", ")
)
"""Names found in one place only (a district or city of one province): never a commune's name
elsewhere. The other district names are also common commune names all over the country."""

PLACES: dict[str, frozenset[str]] = {}
for _code, _names in _BY_PROVINCE.items():
    for _name in (n.strip() for n in _names.split(",")):
        PLACES[_name] = PLACES.get(_name, frozenset()) | {_code}


def is_placed_right(stem: str, provinces: Iterable[str], *, district: bool = False) -> bool:
    """Whether a commune (or, with ``district``, a district) named ``stem`` may sit in one of
    the former ``provinces``: a district takes only its own province's real district names or
    names that are no district's; a commune avoids the names found in one other place only."""
    owners = PLACES.get(stem)
    if owners is None or (not district and stem not in ONLY_THERE):
        return True
    return bool(owners & set(provinces))


def commune_stems(provinces: Iterable[str]) -> list[str]:
    """The commune names a unit of the former ``provinces`` may take."""
    codes = set(provinces)
    return [s for s in COMMUNE_STEMS if is_placed_right(s, codes)]


def pick_districts(rng: random.Random, province: str, count: int) -> list[str]:
    """``count`` district names for ``province``: its own real ones first, then names that are
    no district's, without repeats."""
    pool = dict.fromkeys((*DISTRICT_STEMS, *COMMUNE_STEMS))
    own = [s for s in pool if province in PLACES.get(s, frozenset())]
    chosen = rng.sample(own, min(count, len(own)))
    free = [s for s in COMMUNE_STEMS if s not in PLACES and s not in chosen]
    return chosen + rng.sample(free, min(count - len(chosen), len(free)))
