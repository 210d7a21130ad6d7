"""The ``el_*`` parameters of the Party election rulebooks (handbook ``elections_and_ballots.md``,
Parameters table) that decide the list and congress rules, with decoders.

A rulebook parameter value is a string, bool, int, ``None`` or a tuple of strings, never a dict:
the maps of the handbook table are encoded as tuples of ``"key=value"`` strings, and the
functions below decode them (:func:`decode_map`, :func:`reference_month`, ...). The three ballot
parameters (``el_art15_same_as_244``, ``el_unlisted_anomaly_policy``,
``el_single_name_no_mark_policy``) stay in :mod:`canbo.core.ballots.params`, which lists these
specs after its own in ``ELECTION_PARAMS``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from canbo.core.errors import ValidationError
from canbo.core.rulebook import ParamSpec, ParamValue, Rulebook
from canbo.core.types import Confidence

U = Confidence.UNCONFIRMED
S = Confidence.SUMMARY
_YES_NO: tuple[tuple[ParamValue, str, str], ...] = ((True, "Có", "Yes"), (False, "Không", "No"))
_KIND_LABELS: tuple[tuple[ParamValue, str, str], ...] = (
    ("committee", "Ban chấp hành đảng bộ", "Party committee"),
    ("cell_committee", "Chi ủy", "Cell committee"),
    ("standing_committee", "Ban thường vụ", "Standing committee"),
    ("secretary", "Bí thư", "Secretary"),
    ("deputy_secretary", "Phó bí thư", "Deputy secretary"),
    ("inspection_commission", "Ủy ban kiểm tra", "Inspection commission"),
    ("inspection_chair", "Chủ nhiệm ủy ban kiểm tra", "Inspection commission chair"),
    ("delegates", "Đại biểu dự đại hội cấp trên", "Delegates to the higher congress"),
)

EL_SURPLUS_APPLIES_TO = ParamSpec(
    "el_surplus_applies_to",
    ("committee", "cell_committee", "standing_committee"),
    (),
    "EL-09",
    U,
    label_vi="Các cuộc bầu phải có số dư (tối đa 30%)",
    label_en="Elections whose list needs a surplus (at most 30%)",
    value_labels=_KIND_LABELS,
)
EL_TRIM_METHOD = ParamSpec(
    "el_trim_method",
    "opinion_ballot_rank",
    ("opinion_ballot_rank", "congress_vote_per_name"),
    "EL-10",
    U,
    label_vi="Cách rút bớt danh sách vượt quá 30% số dư",
    label_en="How a list over the 30% surplus is cut back",
    value_labels=(
        (
            "opinion_ballot_rank",
            "Bỏ phiếu xin ý kiến, lấy theo thứ tự số phiếu",
            "Opinion ballot, kept in order of votes",
        ),
        (
            "congress_vote_per_name",
            "Đại hội biểu quyết từng người",
            "The congress votes on each name",
        ),
    ),
)
EL_CONVENER_NOMINATION_BAR = ParamSpec(
    "el_convener_nomination_bar",
    True,
    (True, False),
    "EL-12",
    U,
    label_vi="Thành viên cấp ủy triệu tập không được đề cử, ứng cử ngoài danh sách của cấp ủy",
    label_en="Convening committee members may not nominate or stand outside its list",
    value_labels=_YES_NO,
)
EL_CONFERENCE_DENOMINATOR = ParamSpec(
    "el_conference_denominator",
    "members_of_body_convened",
    ("members_of_body_convened", "members_present", "incumbent_members"),
    "EL-21",
    U,
    label_vi="Mẫu số khi bầu tại hội nghị cấp ủy, ủy ban kiểm tra",
    label_en="The base of an election at a committee or commission conference",
    value_labels=(
        (
            "members_of_body_convened",
            "Tổng số thành viên được triệu tập",
            "Members of the body convened",
        ),
        ("members_present", "Số thành viên có mặt", "Members present"),
        ("incumbent_members", "Số thành viên đương nhiệm", "Incumbent members"),
    ),
)
SHORTFALL_VALUES = (
    "congress_decides_each_round",
    "stop_after_round_n",
    "max_rounds_3_then_higher_committee_appoints",
)
EL_SHORTFALL_POLICY = ParamSpec(
    "el_shortfall_policy",
    (
        "cell_secretary=max_rounds_3_then_higher_committee_appoints",
        "other=congress_decides_each_round",
    ),
    (),
    "EL-24",
    U,
    label_vi="Bầu chưa đủ số lượng: bầu tiếp theo từng loại",
    label_en="Seats unfilled: further rounds, per kind of election",
    value_labels=(
        (
            "cell_secretary=max_rounds_3_then_higher_committee_appoints",
            "Bí thư chi bộ (từ 01/07/2025): tối đa 3 lần bầu, sau đó cấp ủy cấp trên chỉ định",
            "Cell secretary (from 01/07/2025): at most 3 rounds, then the higher committee "
            "appoints",
        ),
        (
            "other=congress_decides_each_round",
            "Các cuộc bầu khác: mỗi lần bầu tiếp do đại hội quyết định",
            "Other elections: the congress decides each further round",
        ),
        (
            "congress_decides_each_round",
            "Mỗi vòng bầu tiếp do đại hội quyết định",
            "The congress decides each further round",
        ),
        (
            "max_rounds_3_then_higher_committee_appoints",
            "Tối đa 3 vòng, sau đó cấp ủy cấp trên chỉ định",
            "At most 3 rounds, then the higher committee appoints",
        ),
    ),
)
EL_TIE_POLICY = ParamSpec(
    "el_tie_policy",
    "stop_and_refer_to_congress",
    ("stop_and_refer_to_congress", "rerun_among_tied"),
    "EL-25",
    U,
    label_vi="Bằng phiếu ở suất cuối",
    label_en="A tie at the last seat",
    value_labels=(
        (
            "stop_and_refer_to_congress",
            "Dừng, đại hội quyết định",
            "Stop; the congress decides",
        ),
        (
            "rerun_among_tied",
            "Bầu lại giữa những người bằng phiếu",
            "A further round among the tied",
        ),
    ),
)
EL_CONGRESS_QUORUM = ParamSpec(
    "el_congress_quorum",
    "warn_below_2/3",
    ("warn_below_2/3", "none", "require_2/3"),
    "GEN-08",
    U,
    label_vi="Số người có mặt tối thiểu tại đại hội",
    label_en="Attendance needed at the congress",
    value_labels=(
        (
            "warn_below_2/3",
            "Không bắt buộc; cảnh báo khi dưới 2/3 số được triệu tập",
            "Not enforced; a warning below 2/3 of those convened",
        ),
        ("none", "Không kiểm tra", "Not checked"),
        (
            "require_2/3",
            "Phải có ít nhất 2/3 số được triệu tập",
            "At least 2/3 of those convened",
        ),
    ),
)
EL_MEMBERS_CONGRESS_MAX = ParamSpec(
    "el_members_congress_max",
    199,
    (),
    "EL-31",
    U,
    label_vi="Đảng bộ có tối đa bấy nhiêu đảng viên thì tổ chức đại hội đảng viên",
    label_en="A Party committee with at most this many members holds a members' congress",
)
EL_FIRST_TIME_MIN_MONTHS = ParamSpec(
    "el_first_time_min_months",
    60,
    (),
    "EL-33",
    S,
    label_vi="Tham gia cấp ủy lần đầu: thời gian công tác còn lại tối thiểu (tháng)",
    label_en="First-time committee member: working time left at least (months)",
)
EL_REELECTION_MIN_MONTHS = ParamSpec(
    "el_reelection_min_months",
    48,
    (),
    "EL-33",
    S,
    label_vi="Tái cử cấp ủy: thời gian công tác còn lại tối thiểu (tháng)",
    label_en="Committee re-election: working time left at least (months)",
)
EL_REELECTION_MIN_MONTHS_OVERRIDES = ParamSpec(
    "el_reelection_min_months_overrides",
    ("provincial_deputy_secretary=42",),
    (),
    "EL-33",
    S,
    label_vi="Tái cử: thời gian còn lại tối thiểu riêng theo chức vụ (tháng)",
    label_en="Re-election: minimum months left for particular posts",
    value_labels=(
        (
            "provincial_deputy_secretary=42",
            "Phó bí thư tỉnh ủy, thành ủy: 42 tháng",
            "Provincial deputy secretary: 42 months",
        ),
    ),
)
EL_FRONT_REELECTION_MIN_MONTHS = ParamSpec(
    "el_front_reelection_min_months",
    36,
    (),
    "EL-33",
    S,
    label_vi="Tái cử Ban Thường trực Ủy ban Mặt trận: thời gian còn lại tối thiểu (tháng)",
    label_en="Fatherland Front standing committee re-nomination: months left at least",
)
AGE_LEVELS = (
    "grassroots",
    "upper_grassroots",
    "commune_ward_special_zone",
    "directly_under_central",
    "hdnd_ubnd_na_delegation_posts",
    "fatherland_front",
)
EL_AGE_REFERENCE_MONTH = ParamSpec(
    "el_age_reference_month",
    (
        "grassroots=2025-04",
        "upper_grassroots=2025-06",
        "commune_ward_special_zone=2025-07",
        "directly_under_central=2025-09",
        "hdnd_ubnd_na_delegation_posts=2026-03",
        "fatherland_front=congress_date",
    ),
    (),
    "EL-33",
    S,
    label_vi="Thời điểm tính tuổi theo từng cấp",
    label_en="The month age is counted from, per level",
    value_labels=(
        ("grassroots=2025-04", "Cấp cơ sở: 04/2025", "Grassroots: 04/2025"),
        (
            "upper_grassroots=2025-06",
            "Cấp trên trực tiếp cơ sở: 06/2025",
            "Level directly above grassroots: 06/2025",
        ),
        (
            "commune_ward_special_zone=2025-07",
            "Đảng bộ xã, phường, đặc khu: 07/2025",
            "Commune, ward and special-zone committees: 07/2025",
        ),
        (
            "directly_under_central=2025-09",
            "Đảng bộ trực thuộc Trung ương: 09/2025",
            "Committees directly under the Central Committee: 09/2025",
        ),
        (
            "hdnd_ubnd_na_delegation_posts=2026-03",
            "Lãnh đạo HĐND, UBND, Đoàn ĐBQH: 03/2026",
            "People's Council, People's Committee and NA delegation leaders: 03/2026",
        ),
        (
            "fatherland_front=congress_date",
            "Mặt trận Tổ quốc: ngày đại hội",
            "Fatherland Front: the congress date",
        ),
    ),
)
MERGE_CLASSES = ("not_merged_or_2_communes", "3_or_more_communes")
EL_COMMUNE_COMMITTEE_SIZES_2025 = ParamSpec(
    "el_commune_committee_sizes_2025",
    (
        "exec_max.not_merged_or_2_communes=27",
        "exec_max.3_or_more_communes=33",
        "standing=9..11",
        "deputy_secretaries=2",
    ),
    (),
    "EL-38",
    S,
    label_vi="Số lượng cấp ủy đảng bộ xã, phường, đặc khu (2025–2030)",
    label_en="Commune, ward and special-zone committee sizes (2025–2030)",
    value_labels=(
        (
            "exec_max.not_merged_or_2_communes=27",
            "Ban chấp hành tối đa 27 (không sáp nhập hoặc từ 2 xã)",
            "Executive committee at most 27 (not merged or from 2 communes)",
        ),
        (
            "exec_max.3_or_more_communes=33",
            "Ban chấp hành tối đa 33 (từ 3 xã trở lên)",
            "Executive committee at most 33 (from 3 or more communes)",
        ),
        ("standing=9..11", "Ban thường vụ từ 9 đến 11", "Standing committee 9 to 11"),
        ("deputy_secretaries=2", "2 phó bí thư", "2 deputy secretaries"),
    ),
)
EL_CELL_CONGRESS_CYCLE = ParamSpec(
    "el_cell_congress_cycle",
    "twice_per_5_years",
    ("twice_per_5_years", "once_per_5_years_pilot"),
    "EL-31",
    U,
    label_vi="Nhiệm kỳ đại hội chi bộ",
    label_en="How often a cell holds its congress",
    value_labels=(
        ("twice_per_5_years", "Hai lần trong năm năm", "Twice every five years"),
        (
            "once_per_5_years_pilot",
            "Năm năm một lần (thí điểm theo QĐ 294, từ 01/07/2025)",
            "Once every five years (QĐ 294 pilot, from 01/07/2025)",
        ),
    ),
)
EL_CELL_COMMITTEE_MIN_OFFICIAL_MEMBERS = ParamSpec(
    "el_cell_committee_min_official_members",
    9,
    (),
    "EL-37",
    S,
    label_vi="Chi bộ có từ bấy nhiêu đảng viên chính thức thì bầu chi ủy",
    label_en="A cell with at least this many official members elects a cell committee",
)
EL_CELL_COMMITTEE_MAX = ParamSpec(
    "el_cell_committee_max",
    7,
    (),
    "EL-37",
    S,
    label_vi="Số chi ủy viên tối đa",
    label_en="Cell committee members at most",
)
EL_ALTERNATE_RULE = ParamSpec(
    "el_alternate_rule",
    "remaining_over_half_in_vote_order",
    ("remaining_over_half_in_vote_order", "refer_to_congress"),
    "EL-36",
    U,
    label_vi="Bầu đại biểu dự khuyết",
    label_en="Electing alternate delegates",
    value_labels=(
        (
            "remaining_over_half_in_vote_order",
            "Những người còn lại đạt quá nửa, theo thứ tự số phiếu",
            "The remaining candidates over half, in order of votes",
        ),
        ("refer_to_congress", "Đại hội quyết định", "The congress decides"),
    ),
)
EL_RESOLUTION_BASE = ParamSpec(
    "el_resolution_base",
    (
        "delegates_congress=delegates_convened",
        "members_congress=official_convened_less_exclusions",
        "body_conference=incumbent_members",
    ),
    (),
    "EL-02",
    U,
    label_vi="Số thành viên làm căn cứ thông qua nghị quyết, theo loại cuộc họp",
    label_en="The member count a resolution needs more than half of, per meeting type",
    value_labels=(
        (
            "delegates_congress=delegates_convened",
            "Đại hội đại biểu: số đại biểu được triệu tập",
            "Delegates' congress: delegates convened",
        ),
        (
            "members_congress=official_convened_less_exclusions",
            "Đại hội đảng viên: đảng viên chính thức được triệu tập trừ các trường hợp loại trừ",
            "Members' congress: official members convened less the exclusions",
        ),
        (
            "body_conference=incumbent_members",
            "Hội nghị: số thành viên đương nhiệm",
            "Conference: incumbent members",
        ),
    ),
)
EL_OPEN_VOTE_ITEMS = ParamSpec(
    "el_open_vote_items",
    (
        "presidium",
        "secretariat",
        "credentials_committee",
        "counting_committee",
        "number_to_elect",
        "election_list",
    ),
    (),
    "EL-04",
    U,
    label_vi="Nội dung biểu quyết giơ tay",
    label_en="Items decided by show of hands",
    value_labels=(
        ("presidium", "Đoàn chủ tịch", "Presidium"),
        ("secretariat", "Đoàn thư ký", "Secretariat"),
        ("credentials_committee", "Ban thẩm tra tư cách đại biểu", "Credentials committee"),
        ("counting_committee", "Ban kiểm phiếu", "Counting committee"),
        ("number_to_elect", "Số lượng cần bầu", "The number to elect"),
        ("election_list", "Danh sách bầu cử", "The election list"),
    ),
)
EL_PERSONNEL_PREP_STEPS = ParamSpec(
    "el_personnel_prep_steps",
    (
        "1=standing_committee",
        "2=key_cadres_secret_ballot",
        "3=executive_committee",
        "4=standing_committee",
        "5=executive_committee",
        "threshold=over_half_of_convened",
        "presence=2/3",
    ),
    (),
    "EL-32",
    U,
    label_vi="Các bước chuẩn bị nhân sự cấp ủy",
    label_en="The steps preparing committee personnel",
    value_labels=(
        ("1=standing_committee", "Bước 1: Ban thường vụ", "Step 1: standing committee"),
        (
            "2=key_cadres_secret_ballot",
            "Bước 2: hội nghị cán bộ chủ chốt, bỏ phiếu kín",
            "Step 2: key cadres, secret ballot",
        ),
        ("3=executive_committee", "Bước 3: Ban chấp hành", "Step 3: executive committee"),
        ("4=standing_committee", "Bước 4: Ban thường vụ", "Step 4: standing committee"),
        ("5=executive_committee", "Bước 5: Ban chấp hành", "Step 5: executive committee"),
        (
            "threshold=over_half_of_convened",
            "Mỗi bước cần quá 50% tổng số được triệu tập",
            "Each step needs more than 50% of those convened",
        ),
        ("presence=2/3", "Có mặt ít nhất 2/3", "At least 2/3 present"),
    ),
)

LIST_AND_CONGRESS_PARAMS: tuple[ParamSpec, ...] = (
    EL_SURPLUS_APPLIES_TO,
    EL_TRIM_METHOD,
    EL_CONVENER_NOMINATION_BAR,
    EL_CONFERENCE_DENOMINATOR,
    EL_SHORTFALL_POLICY,
    EL_TIE_POLICY,
    EL_CONGRESS_QUORUM,
    EL_MEMBERS_CONGRESS_MAX,
    EL_FIRST_TIME_MIN_MONTHS,
    EL_REELECTION_MIN_MONTHS,
    EL_REELECTION_MIN_MONTHS_OVERRIDES,
    EL_FRONT_REELECTION_MIN_MONTHS,
    EL_AGE_REFERENCE_MONTH,
    EL_COMMUNE_COMMITTEE_SIZES_2025,
    EL_CELL_CONGRESS_CYCLE,
    EL_CELL_COMMITTEE_MIN_OFFICIAL_MEMBERS,
    EL_CELL_COMMITTEE_MAX,
    EL_ALTERNATE_RULE,
    EL_RESOLUTION_BASE,
    EL_OPEN_VOTE_ITEMS,
    EL_PERSONNEL_PREP_STEPS,
)
"""Every ``el_*`` parameter of the handbook table but the three ballot ones, in table order."""


# --- decoders ------------------------------------------------------------------------------
def decode_map(value: ParamValue, *, name: str = "") -> dict[str, str]:
    """``("a=1", "b=x")`` → ``{"a": "1", "b": "x"}``.

    Refuses (``parameter_not_a_map``) an entry without ``=`` or a key given twice.
    """
    if not isinstance(value, tuple):
        raise ValidationError("parameter_not_a_map", name=name, value=value)
    found: dict[str, str] = {}
    for entry in value:
        key, sep, text = entry.partition("=")
        key, text = key.strip(), text.strip()
        if not sep or not key or key in found:
            raise ValidationError("parameter_not_a_map", name=name, value=entry)
        found[key] = text
    return found


def encode_map(values: dict[str, object]) -> tuple[str, ...]:
    """The inverse of :func:`decode_map` (``{"a": 1}`` → ``("a=1",)``), for overrides."""
    return tuple(f"{key}={text}" for key, text in values.items())


def _int(text: str, name: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise ValidationError("parameter_not_a_map", name=name, value=text) from None


def map_param(rulebook: Rulebook, name: str) -> dict[str, str]:
    """The map parameter ``name`` of ``rulebook``, decoded."""
    return decode_map(rulebook.param(name), name=name)


def int_param(rulebook: Rulebook, name: str) -> int:
    """The integer parameter ``name`` of ``rulebook``."""
    value = rulebook.param(name)
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValidationError("parameter_not_a_map", name=name, value=value)
    return value


def surplus_kinds(rulebook: Rulebook) -> frozenset[str]:
    """The election kinds (``ElectionKind`` values) whose list needs a surplus (EL-09)."""
    value = rulebook.param("el_surplus_applies_to")
    return frozenset(value) if isinstance(value, tuple) else frozenset()


def reelection_overrides(rulebook: Rulebook) -> dict[str, int]:
    """Post → minimum months left for re-election (EL-33), e.g. ``provincial_deputy_secretary``."""
    name = "el_reelection_min_months_overrides"
    return {post: _int(text, name) for post, text in map_param(rulebook, name).items()}


def reference_month(rulebook: Rulebook, level: str) -> dt.date | None:
    """The first day of the reference month of ``level`` (EL-33); ``None`` means the congress
    date (the Fatherland Front). An unknown level is refused."""
    name = "el_age_reference_month"
    months = map_param(rulebook, name)
    if level not in months:
        raise ValidationError("unknown_age_level", level=level, known=sorted(months))
    text = months[level]
    if text == "congress_date":
        return None
    year, _, month = text.partition("-")
    try:
        return dt.date(int(year), int(month), 1)
    except ValueError:
        raise ValidationError("parameter_not_a_map", name=name, value=text) from None


def shortfall_policy(rulebook: Rulebook, key: str) -> str:
    """The EL-24 policy for ``key`` (``cell_secretary`` or an ``ElectionKind`` value), falling
    back to ``other``; ``stop_after_round_<n>`` spells ``stop_after_round_n`` with its n."""
    policies = map_param(rulebook, "el_shortfall_policy")
    return policies.get(key, policies.get("other", "congress_decides_each_round"))


@dataclass(frozen=True)
class CommuneSizes:
    """Chỉ thị 45 sizes of a commune-level committee (EL-38), decoded."""

    exec_max: dict[str, int]
    standing_min: int
    standing_max: int
    deputy_secretaries: int


def commune_sizes(rulebook: Rulebook) -> CommuneSizes:
    """``el_commune_committee_sizes_2025`` decoded (EL-38)."""
    name = "el_commune_committee_sizes_2025"
    raw = map_param(rulebook, name)
    exec_max = {
        key.removeprefix("exec_max."): _int(text, name)
        for key, text in raw.items()
        if key.startswith("exec_max.")
    }
    low, _, high = raw.get("standing", "9..11").partition("..")
    return CommuneSizes(
        exec_max=exec_max,
        standing_min=_int(low, name),
        standing_max=_int(high or low, name),
        deputy_secretaries=_int(raw.get("deputy_secretaries", "2"), name),
    )
