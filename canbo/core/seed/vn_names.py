"""Vietnamese name and place-name corpora for synthetic data (demo, tests, benchmarks).

Pure data plus two small deterministic pickers that take a ``random.Random`` from the caller,
so a seed reproduces the same people. Frequencies are approximate shares of the population
(family names after the commonly cited surveys: Nguyễn about 38%, Trần 11%, Lê 9.5%, ...; ethnic
groups after the 2019 census); they only need to look realistic, not to be statistics.
Place-name stems are real-looking commune, ward and district names without their type word
(xã, phường, huyện); the same stem occurs in many provinces, as in reality (OR-14).
"""

from __future__ import annotations

import random

from canbo.core.types import Sex


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def _phrases(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


# (family name, approximate share in percent)
FAMILY_NAMES: tuple[tuple[str, float], ...] = (
    ("Nguyễn", 38.4), ("Trần", 11.0), ("Lê", 9.5), ("Phạm", 7.1), ("Hoàng", 3.0),
    ("Huỳnh", 2.1), ("Phan", 4.5), ("Vũ", 2.0), ("Võ", 1.9), ("Đặng", 2.1), ("Bùi", 2.0),
    ("Đỗ", 1.4), ("Hồ", 1.3), ("Ngô", 1.3), ("Dương", 1.0), ("Lý", 0.5), ("Đào", 0.4),
    ("Đoàn", 0.4), ("Đinh", 0.4), ("Trịnh", 0.4), ("Trương", 0.4), ("Lâm", 0.3),
    ("Phùng", 0.3), ("Mai", 0.3), ("Tô", 0.2), ("Hà", 0.3), ("Tạ", 0.2), ("Lương", 0.3),
    ("Cao", 0.3), ("Lưu", 0.2), ("Chu", 0.2), ("Kiều", 0.1), ("Quách", 0.1), ("Thái", 0.1),
    ("Vương", 0.2), ("Triệu", 0.1), ("Lại", 0.1), ("Mạc", 0.05), ("Thân", 0.05),
    ("Hứa", 0.05), ("Nông", 0.1), ("Lò", 0.05), ("Giáp", 0.05), ("Khổng", 0.03),
    ("Tăng", 0.05),
)  # fmt: skip

# (middle name, relative weight); "Văn" and "Thị" dominate the generations now in office.
MALE_MIDDLE_NAMES: tuple[tuple[str, float], ...] = (
    ("Văn", 40), ("Đức", 8), ("Minh", 8), ("Hữu", 6), ("Quang", 6), ("Công", 5), ("Ngọc", 4),
    ("Thanh", 4), ("Xuân", 3), ("Hoàng", 3), ("Trọng", 3), ("Mạnh", 2), ("Quốc", 3),
    ("Thế", 2), ("Đình", 3), ("Bá", 2), ("Duy", 2), ("Tiến", 2), ("Anh", 2), ("Gia", 1),
    ("Hải", 1), ("Viết", 1), ("Khắc", 1), ("Trung", 1), ("Kim", 1), ("Tuấn", 1),
)  # fmt: skip
FEMALE_MIDDLE_NAMES: tuple[tuple[str, float], ...] = (
    ("Thị", 55), ("Ngọc", 6), ("Thu", 5), ("Thanh", 5), ("Kim", 4), ("Minh", 3),
    ("Phương", 3), ("Hồng", 3), ("Thúy", 2), ("Bích", 2), ("Mai", 2), ("Hoài", 1),
    ("Diệu", 1), ("Khánh", 1), ("Lan", 1), ("Bảo", 1), ("Quỳnh", 1), ("Hải", 1), ("Mỹ", 1),
    ("Tuyết", 1), ("Hương", 1), ("Thùy", 2),
)  # fmt: skip

MALE_GIVEN_NAMES: tuple[str, ...] = _words(
    """
    An Anh Bảo Bằng Biên Bình Cảnh Chiến Chính Chung Công Cường Cương Danh Doanh Dũng Duy
    Dương Đạt Đăng Định Đông Đức Giang Hải Hào Hậu Hiển Hiệp Hiếu Hòa Hoàng Học Huân Hùng
    Huy Hưng Hướng Hưởng Kha Khải Khang Khánh Khiêm Khoa Khôi Kiên Lâm Lân Linh Lộc Lợi
    Long Luân Luật Lực Mạnh Minh Nam Nghĩa Ngọc Nguyên Nhân Nhật Ninh Phát Phong Phú Phúc
    Phụng Phương Quân Quang Quảng Quốc Quý Quyết Sang Sáng Sơn Sỹ Tài Tạo Tâm Tân Thạch
    Thái Thắng Thanh Thành Thao Thiện Thịnh Thông Thuận Tiến Tín Toàn Trí Triều Trọng
    Trung Trường Tuấn Tú Tùng Tuyên Tường Vinh Việt Vũ Vương Vỹ Xuân Yên Bách Cẩn Chương
    Diệu Đoàn Hân Hiên Khương Lãm
    """
)
FEMALE_GIVEN_NAMES: tuple[str, ...] = _words(
    """
    An Anh Ánh Bích Chi Châu Cúc Dung Duyên Diệp Diễm Điệp Đào Giang Hà Hải Hạnh Hằng Hiền
    Hoa Hòa Hồng Huệ Hương Hường Huyền Khánh Khuê Kiều Lan Liên Liễu Linh Loan Lụa Ly Mai
    Mận My Mỹ Nga Ngân Nghi Ngọc Nguyệt Nhàn Nhung Nhi Oanh Phượng Phương Quyên Quỳnh Sen
    Tâm Thanh Thảo Thắm Thơ Thơm Thu Thủy Thúy Thùy Thư Thương Trang Trâm Trinh Tuyết Uyên
    Vân Vi Xuân Yến Ý Hậu Lệ Luyến Lành Mơ Nương Quế Sương Tươi Tuyền Vy Xoan Gấm Hoài Hạ
    Kim Lài Lam Mến Miên Minh Nhạn Ninh Nụ Phúc Quý Thoa Thục Tiên Trà Tú Ái Ân Đan Hân
    Hoan Hiên Hợp Khanh Lựu Mùi Na Thêu Thìn Trầm
    """
)

COMMUNE_STEMS: tuple[str, ...] = _phrases(
    """
    Tân Phú, Tân Hòa, An Bình, Phú Lợi, Hòa Bình, Quang Trung, Lê Lợi, Trần Phú, Hưng Long,
    Vĩnh Thạnh, Đông Hưng, Yên Lạc, Minh Khai, Đồng Tâm, Kim Liên, Phúc Lâm, Nghĩa Đô,
    Xuân Phương, Tân Lập, Thạch Bàn, Long Biên, Bình Minh, Hợp Thành, Đại Đồng, Tân An,
    An Phú, Phú Mỹ, Mỹ Hòa, Hòa An, Tân Thành, Thanh Xuân, Kim Sơn, Phú Thịnh, Đông Sơn,
    Tây Sơn, Nam Sơn, Bắc Sơn, Trung Sơn, Tiên Phong, Quyết Thắng, Thống Nhất, Độc Lập,
    Hòa Lạc, Vĩnh Phúc, Vĩnh Hưng, Vĩnh Ninh, Phước Long, Phước Hòa, Phước Thạnh, Long Hòa,
    Long Phước, Long Thành, Long Hưng, Thới An, Thới Sơn, Mỹ Tho, Mỹ Phước, Mỹ Xuyên,
    Bình Thạnh, Bình Đông, Bình Tây, Bình An, Bình Hòa, Hiệp Hòa, Hiệp Phước, Nhơn Trạch,
    Nhơn Hòa, Cát Tiên, Cát Thành, Đức Hòa, Đức Thắng, Đức Long, Thạnh Phú, Thạnh Hưng,
    Thạnh Lộc, Hưng Đạo, Hưng Thái, Hưng Phú, Quảng Phú, Quảng Thành, Quảng Tân, Quảng Hòa,
    Hải Châu, Hải An, Hải Hòa, Hải Thượng, Hoằng Phong, Hoằng Lộc, Diễn Kim, Diễn Thành,
    Nghi Phú, Nghi Xuân, Kỳ Phong, Kỳ Hoa, Cẩm Bình, Cẩm Thành, Thạch Hà, Thạch Kim,
    Xuân Lộc, Xuân Thành, Xuân Hòa, Xuân Sơn, Xuân Trường, Xuân Mai, Yên Sơn, Yên Bình,
    Yên Thế, Yên Hòa, Yên Phong, Yên Mỹ, Kim Đồng, Kim Long, Kim Tân, Đông Kinh, Đông Hải,
    Đông Thành, Tây Hồ, Tây Mỗ, Tây Ninh, Nam Hồng, Nam Thắng, Nam Phong, Bắc Hồng, Bắc Lý,
    Trung Hòa, Trung Nghĩa, Trung Thành, Hòa Khánh, Hòa Hiệp, Hòa Minh, Hòa Thuận, Thuận An,
    Thuận Thành, Thuận Hòa, Thuận Lợi, Phú Cường, Phú Hòa, Phú Lộc, Phú Thọ, Phú Xuân,
    Phú Nhuận, Lộc Hà, Lộc Ninh, Lộc An, Lộc Thủy, Hương Sơn, Hương Trà, Hương Long,
    Sơn Thủy, Sơn Tịnh, Sơn Hà, Sơn Lộc, Cao Minh, Cao Phong, Cao Thắng, Chiến Thắng,
    Thắng Lợi, Thành Công, Tân Tiến, Tân Châu, Tân Uyên, Tân Định, Tân Quy, Tân Thuận,
    Ngọc Lâm, Ngọc Hà, Ngọc Thụy, Ngọc Sơn, Thái Hòa, Thái Bình, Thái Học, Thái Sơn,
    Hồng Hà, Hồng Thái, Hồng Phong, Hồng Quang, Liên Bảo, Liên Hà, Liên Sơn, Liên Minh,
    Phong Châu, Phong Thạnh, Phong Hòa, Tam Hiệp, Tam Hòa, Tam Phước, Tam Thanh, Vạn Phúc,
    Vạn Ninh, Vạn Thắng, Đồng Xuân, Đồng Lạc, Đồng Phú, Đồng Hòa, Định Công, Định Hóa,
    Định Thành, Gia Lộc, Gia Thụy, Gia Tân, Khánh Hòa, Khánh Bình, Khánh Hưng, Lạc Long,
    Lạc Sơn, Mường Khương, Bản Lầu, Nà Hang, Pác Nặm, Ia Grai, Ea Kar, Krông Búk, Đắk Mil
    """
)

DISTRICT_STEMS: tuple[str, ...] = _phrases(
    """
    Thanh Trì, Gia Lâm, Đông Anh, Sóc Sơn, Lục Ngạn, Kim Bôi, Tam Nông, Thạch Thất, Quốc Oai,
    Ba Vì, Đan Phượng, Mê Linh, Phú Xuyên, Ứng Hòa, Mỹ Đức, Chương Mỹ, Thường Tín, Hoài Đức,
    Vĩnh Bảo, Tiên Lãng, Kiến Thụy, Thủy Nguyên, Cẩm Giàng, Nam Sách, Tứ Kỳ, Ninh Giang,
    Kim Động, Ân Thi, Khoái Châu, Văn Lâm, Tiền Hải, Kiến Xương, Vũ Thư, Quỳnh Phụ, Hải Hậu,
    Giao Thủy, Nghĩa Hưng, Ý Yên, Hoa Lư, Gia Viễn, Nho Quan, Nga Sơn, Hậu Lộc, Hoằng Hóa,
    Quảng Xương, Diễn Châu, Quỳnh Lưu, Đô Lương, Nghi Lộc, Can Lộc, Cẩm Xuyên, Lệ Thủy,
    Bố Trạch, Hải Lăng, Phong Điền, Phú Vang, Điện Bàn, Duy Xuyên, Tư Nghĩa, Mộ Đức,
    Hoài Nhơn, Tuy Phước, Cam Lâm, Đức Trọng, Củ Chi, Hóc Môn, Bình Chánh, Cần Giờ, Cai Lậy,
    Chợ Gạo, Mỏ Cày, Cầu Kè, Long Hồ, Lai Vung, Chợ Mới, Thoại Sơn, Giồng Riềng, Thới Lai,
    Mỹ Tú, Hồng Dân, Năm Căn
    """
)

# The 54 ethnic groups of the official list (Danh mục các dân tộc Việt Nam), with approximate
# shares in percent (2019 census) for the larger groups; the rest share a small weight.
_MAJOR_ETHNIC_GROUPS: tuple[tuple[str, float], ...] = (
    ("Kinh", 85.3), ("Tày", 1.9), ("Thái", 1.9), ("Mường", 1.5), ("Mông", 1.5),
    ("Khmer", 1.4), ("Nùng", 1.1), ("Dao", 0.9), ("Hoa", 0.8), ("Gia Rai", 0.5),
    ("Ê Đê", 0.4), ("Ba Na", 0.3), ("Sán Chay", 0.2), ("Chăm", 0.2), ("Cơ Ho", 0.2),
    ("Xơ Đăng", 0.2), ("Sán Dìu", 0.2), ("Hrê", 0.15),
)  # fmt: skip
_MINOR_ETHNIC_GROUPS = _phrases(
    """
    Ra Glai, Mnông, Thổ, Xtiêng, Khơ Mú, Bru - Vân Kiều, Cơ Tu, Giáy, Tà Ôi, Mạ, Giẻ Triêng,
    Co, Chơ Ro, Xinh Mun, Hà Nhì, Chu Ru, Lào, Kháng, La Chí, Phù Lá, La Hủ, La Ha, Pà Thẻn,
    Chứt, Lự, Lô Lô, Mảng, Cờ Lao, Bố Y, Cống, Ngái, Si La, Pu Péo, Rơ Măm, Brâu, Ơ Đu
    """
)
ETHNIC_GROUPS: tuple[tuple[str, float], ...] = _MAJOR_ETHNIC_GROUPS + tuple(
    (name, 0.02) for name in _MINOR_ETHNIC_GROUPS
)
ETHNIC_ALIASES: dict[str, str] = {
    "H'Mông": "Mông",
    "Hmông": "Mông",
    "Mèo": "Mông",
    "Khơ-me": "Khmer",
    "Ê-đê": "Ê Đê",
    "Ba-na": "Ba Na",
    "Gia-rai": "Gia Rai",
}
"""Common spellings found in records, mapped to the name in the official list."""

SECOND_MIDDLE_NAME_CHANCE = {Sex.MALE: 0.05, Sex.FEMALE: 0.15}
"""Share of synthetic names with two middle names (e.g. "Nguyễn Thị Minh Khai")."""


def make_name(rng: random.Random, sex: Sex) -> str:
    """A realistic Vietnamese full name, family name first, drawn with ``rng``.

    The family name follows :data:`FAMILY_NAMES` frequencies, the middle name(s) and the given
    name are drawn from the lists for ``sex``; no word repeats within a name. The same ``rng``
    state always gives the same name (synthetic data only; not for security).
    """
    family = _weighted(rng, FAMILY_NAMES)
    middles = MALE_MIDDLE_NAMES if sex is Sex.MALE else FEMALE_MIDDLE_NAMES
    givens = MALE_GIVEN_NAMES if sex is Sex.MALE else FEMALE_GIVEN_NAMES
    middle = _weighted(rng, middles)
    while middle == family:  # "Hoàng Hoàng Lãm": a family name is also a middle name
        middle = _weighted(rng, middles)
    words = [family, middle]
    if rng.random() < SECOND_MIDDLE_NAME_CHANCE[sex]:
        second = rng.choice([m for m, _ in middles if m not in words])
        words.append(second)
    words.append(rng.choice([g for g in givens if g not in words]))
    return " ".join(words)


def pick_ethnicity(rng: random.Random) -> str:
    """An ethnic group drawn with ``rng`` following the :data:`ETHNIC_GROUPS` weights."""
    return _weighted(rng, ETHNIC_GROUPS)


def _weighted(rng: random.Random, table: tuple[tuple[str, float], ...]) -> str:
    names = [name for name, _ in table]
    weights = [weight for _, weight in table]
    return rng.choices(names, weights=weights)[0]
