"""The ``pl_*``, ``ap_*``, ``tr_*`` and ``st_*`` parameters of the planning and appointment
rulebooks (handbook ``planning_and_appointment.md``, Parameters table), with decoders.

Maps of the handbook table are tuples of ``"key=value"`` strings (a rulebook parameter is never
a dict; see :mod:`canbo.core.elections.params`); :func:`decode_months` reads a map of months.
Two parameters are canbo's own, for what the table leaves implicit: ``ap_discipline_windows_105``
(QĐ 105: "at least 1 year for any form", AP-08) and ``pl_discipline_expiry_months`` (how long a
Party discipline "counts" for the planning case (iii) of QĐ 377, PL-11; not stated anywhere).
"""

from __future__ import annotations

from canbo.core.errors import ValidationError
from canbo.core.rulebook import ParamSpec, ParamValue, Rulebook
from canbo.core.types import Confidence

T = Confidence.TEXT
S = Confidence.SUMMARY
U = Confidence.UNCONFIRMED
_YES_NO: tuple[tuple[ParamValue, str, str], ...] = ((True, "Có", "Yes"), (False, "Không", "No"))

_FORMS = {
    "khien_trach": ("Khiển trách", "Reprimand"),
    "canh_cao": ("Cảnh cáo", "Warning"),
    "cach_chuc": ("Cách chức", "Removal from post"),
    "ha_bac_luong": ("Hạ bậc lương", "Salary-step reduction"),
    "giang_chuc": ("Giáng chức", "Demotion"),
}


def _months(pairs: tuple[tuple[str, int], ...]) -> tuple[str, ...]:
    return tuple(f"{form}={months}" for form, months in pairs)


def _month_labels(values: tuple[str, ...]) -> tuple[tuple[ParamValue, str, str], ...]:
    out: list[tuple[ParamValue, str, str]] = []
    for item in values:
        form, _, months = item.partition("=")
        vi, en = _FORMS[form]
        out.append((item, f"{vi}: {months} tháng", f"{en}: {months} months"))
    return tuple(out)


def _windows(
    name: str, rule: str, mark: Confidence, pairs: tuple[tuple[str, int], ...], vi: str, en: str
) -> ParamSpec:
    value = _months(pairs)
    return ParamSpec(name, value, (), rule, mark, vi, en, _month_labels(value))


def _int(name: str, default: int, rule: str, mark: Confidence, vi: str, en: str) -> ParamSpec:
    return ParamSpec(name, default, (), rule, mark, label_vi=vi, label_en=en)


PL_MAX_PER_POST = _int(
    "pl_max_per_post",
    3,
    "PL-03",
    S,
    "Số người tối đa được quy hoạch một chức danh",
    "Most people planned for one post",
)
PL_MAX_POSTS_PER_CADRE = _int(
    "pl_max_posts_per_cadre",
    3,
    "PL-04",
    S,
    "Số chức danh cùng cấp tối đa quy hoạch một người",
    "Most posts at one level planned per person",
)
PL_MIN_PER_POST = _int(
    "pl_min_per_post",
    0,
    "PL-15",
    U,
    "Số người tối thiểu quy hoạch một chức danh",
    "Fewest people planned for one post",
)
PL_MIN_GAP_DAYS = _int(
    "pl_min_gap_days",
    1,
    "PL-05",
    S,
    "Số ngày tối thiểu giữa phê duyệt quy hoạch và bắt đầu quy trình bổ nhiệm",
    "Days at least between approving a plan and starting an appointment",
)
PL_STRUCTURE_TARGETS = ParamSpec(
    "pl_structure_targets",
    ("young_min_pct=15", "women_min_pct=25"),
    (),
    "PL-07",
    U,
    "Cơ cấu quy hoạch (cảnh báo, không chặn)",
    "Structure targets of a plan (warnings, never a block)",
    (
        ("young_min_pct=15", "Cán bộ trẻ từ 15%", "Young cadres at least 15%"),
        ("women_min_pct=25", "Cán bộ nữ từ 25%", "Women at least 25%"),
    ),
)
PL_MIN_MONTHS_NEXT_TERM = _int(
    "pl_min_months_next_term",
    60,
    "PL-08",
    U,
    "Số tháng công tác tối thiểu còn lại tính từ đầu nhiệm kỳ quy hoạch",
    "Months of work left at least, from the start of the planned term",
)
PL_PREFERRED_MONTHS_NEXT_TERM = _int(
    "pl_preferred_months_next_term",
    120,
    "PL-08",
    S,
    "Số tháng công tác nên còn lại (hai nhiệm kỳ), dưới mức này thì cảnh báo",
    "Months of work preferably left (two terms); below it a warning",
)
PL_BLOCKING_STANDARDS = ParamSpec(
    "pl_blocking_standards",
    ("education", "political_theory"),
    (),
    "PL-12",
    U,
    "Tiêu chuẩn phải đáp ứng ngay khi phê duyệt quy hoạch",
    "Standards that must be met when the plan is approved",
    (
        ("education", "Trình độ chuyên môn", "Education level"),
        (
            "political_theory",
            "Lý luận chính trị (chức danh Bộ Chính trị, Ban Bí thư quản lý)",
            "Political theory (posts managed by the Politburo or Secretariat)",
        ),
    ),
)
PL_NOMINATION_STEPS = _int(
    "pl_nomination_steps",
    5,
    "PL-13",
    U,
    "Số bước giới thiệu nguồn quy hoạch",
    "Steps of nominating planning sources",
)
PL_NOMINATION_THRESHOLD = ParamSpec(
    "pl_nomination_threshold",
    "more_than_half_of_convened",
    ("more_than_half_of_convened",),
    "PL-13",
    U,
    "Ngưỡng giới thiệu nguồn quy hoạch ở mỗi bước",
    "Threshold to nominate a planning source at each step",
    (
        (
            "more_than_half_of_convened",
            "Trên 50% tổng số người được triệu tập",
            "More than 50% of those convened",
        ),
    ),
)
PL_PUBLICITY_AUDIENCE = ParamSpec(
    "pl_publicity_audience",
    ("cadre", "own_unit", "receiving_unit"),
    (),
    "PL-14",
    S,
    "Quy hoạch được thông báo cho",
    "The plan is announced to",
    (
        ("cadre", "Cán bộ được quy hoạch", "The cadre planned"),
        ("own_unit", "Đơn vị nơi cán bộ công tác", "The cadre's own unit"),
        ("receiving_unit", "Đơn vị quy hoạch", "The unit of the post"),
    ),
)
PL_DISCIPLINE_RULE_377 = ParamSpec(
    "pl_discipline_rule_377",
    (
        "case_ii_scope=reprimand_only",
        "khien_trach=discipline_expired",
        "canh_cao_not_removal=discipline_expired",
    ),
    (),
    "PL-11",
    U,
    "Quy hoạch cán bộ đã bị kỷ luật (QĐ 377)",
    "Planning a disciplined cadre (QĐ 377)",
    (
        (
            "case_ii_scope=reprimand_only",
            "Trường hợp không kỷ luật chỉ áp dụng khi hình thức lẽ ra là khiển trách",
            "The not-disciplined case applies only where the form would have been a reprimand",
        ),
        (
            "khien_trach=discipline_expired",
            "Khiển trách: sau khi hết thời hạn kỷ luật",
            "Reprimand: once the discipline has expired",
        ),
        (
            "canh_cao_not_removal=discipline_expired",
            "Cảnh cáo (không phải trường hợp cách chức, bãi nhiệm): sau khi hết thời hạn kỷ luật",
            "Warning (not leading to removal or dismissal): once the discipline has expired",
        ),
    ),
)
PL_DISCIPLINE_EXPIRY_MONTHS = _int(
    "pl_discipline_expiry_months",
    12,
    "PL-11",
    U,
    "Số tháng coi là hết thời hạn kỷ luật đảng khi xét quy hoạch",
    "Months after which a Party discipline counts as expired for planning",
)
AP_377_KEEPS_80_CONDITIONS = ParamSpec(
    "ap_377_keeps_80_conditions",
    True,
    (True, False),
    "AP-03",
    U,
    "QĐ 377 giữ các điều kiện bổ nhiệm của QĐ 80",
    "QĐ 377 keeps the appointment conditions of QĐ 80",
    _YES_NO,
)
AP_MIN_TENURE_MONTHS = _int(
    "ap_min_tenure_months",
    24,
    "AP-03",
    T,
    "Số tháng tối thiểu giữ chức vụ hiện tại hoặc tương đương",
    "Months at least in the current or an equivalent post",
)
AGE_METHODS: tuple[tuple[ParamValue, str, str], ...] = (
    (
        "hd06_months_from_dossier_receipt",
        "Theo HD 06: số tháng từ ngày nhận hồ sơ đến tháng nghỉ hưu",
        "HD 06: months from the day the dossier is received to the retirement month",
    ),
    (
        "months_from_decision_date",
        "Số tháng từ ngày quyết định đến tháng nghỉ hưu",
        "Months from the decision date to the retirement month",
    ),
)
AP_AGE_METHOD = ParamSpec(
    "ap_age_method",
    "hd06_months_from_dossier_receipt",
    tuple(v for v, _vi, _en in AGE_METHODS),
    "AP-06",
    U,
    "Cách tính tuổi bổ nhiệm",
    "How the appointment age is computed",
    AGE_METHODS,
)
AP_FULL_TERM_MONTHS = _int(
    "ap_full_term_months",
    60,
    "AP-06",
    T,
    "Số tháng của một nhiệm kỳ đủ (tuổi bổ nhiệm)",
    "Months of a full term (appointment age)",
)
AP_HEALTH_CERTIFICATE_MAX_AGE_MONTHS = _int(
    "ap_health_certificate_max_age_months",
    6,
    "AP-07",
    U,
    "Giấy chứng nhận sức khỏe có giá trị trong (tháng)",
    "A health certificate is valid for (months)",
)
AP_DISCIPLINE_WINDOWS_105 = _windows(
    "ap_discipline_windows_105",
    "AP-08",
    S,
    (("khien_trach", 12), ("canh_cao", 12), ("cach_chuc", 12)),
    "Thời gian sau kỷ luật mới được bổ nhiệm chức vụ cao hơn (QĐ 105)",
    "Time after discipline before a higher post (QĐ 105)",
)
AP_DISCIPLINE_WINDOWS_80 = _windows(
    "ap_discipline_windows_80",
    "AP-08",
    T,
    (("khien_trach", 12), ("canh_cao", 30), ("cach_chuc", 60)),
    "Thời gian sau kỷ luật mới được bổ nhiệm, quy hoạch chức vụ cao hơn (QĐ 80)",
    "Time after discipline before a higher post or planning (QĐ 80)",
)
AP_DISCIPLINE_WINDOWS_377 = _windows(
    "ap_discipline_windows_377",
    "AP-08",
    S,
    (("khien_trach", 24), ("canh_cao", 36), ("cach_chuc", 60)),
    "Thời gian sau kỷ luật mới được bổ nhiệm, giới thiệu ứng cử chức vụ cao hơn (QĐ 377)",
    "Time after discipline before appointment or nomination to a higher post (QĐ 377)",
)
WINDOW_STARTS: tuple[tuple[ParamValue, str, str], ...] = (
    (
        "decision_effective_date",
        "Ngày quyết định kỷ luật có hiệu lực",
        "The decision's effective date",
    ),
    ("decision_signing_date", "Ngày ký quyết định kỷ luật", "The decision's signing date"),
)
AP_DISCIPLINE_WINDOW_START = ParamSpec(
    "ap_discipline_window_start",
    "decision_effective_date",
    tuple(v for v, _vi, _en in WINDOW_STARTS),
    "AP-08",
    U,
    "Thời gian sau kỷ luật tính từ",
    "The time after discipline counts from",
    WINDOW_STARTS,
)
AP_DISCIPLINE_WINDOWS_STATE = _windows(
    "ap_discipline_windows_state",
    "AP-08",
    S,
    (
        ("khien_trach", 12),
        ("canh_cao", 12),
        ("ha_bac_luong", 12),
        ("giang_chuc", 24),
        ("cach_chuc", 24),
    ),
    "Thời gian sau kỷ luật hành chính (Luật Cán bộ, công chức, Điều 82)",
    "Time after a State discipline (Law on Cadres and Civil Servants, Art. 82)",
)
AP_POST_CATALOGUE = ParamSpec(
    "ap_post_catalogue",
    "by_date",
    ("by_date",),
    "AP-20",
    S,
    "Danh mục chức danh dùng để so sánh chức vụ",
    "The post catalogue used to compare posts",
    (
        (
            "by_date",
            "QĐ 368 từ 08/09/2025, trước đó KL 35; nhóm IV do cơ quan quản lý nhập",
            "QĐ 368 from 08/09/2025, KL 35 before; group IV entered by each managing body",
        ),
    ),
)
DOSSIER_ITEMS: tuple[tuple[ParamValue, str, str], ...] = (
    ("proposal", "Tờ trình", "The proposal"),
    (
        "ballot_minutes",
        "Tổng hợp kết quả kiểm phiếu, biên bản các bước",
        "Ballot results and minutes of every step",
    ),
    ("cv", "Sơ yếu lý lịch", "The CV"),
    ("self_assessment", "Bản tự kiểm điểm 3 năm gần nhất", "Self-assessment of the last 3 years"),
    (
        "collective_assessment",
        "Nhận xét, đánh giá của tập thể 3 năm gần nhất",
        "The collective's assessment of the last 3 years",
    ),
    (
        "residence_cell",
        "Nhận xét của chi bộ nơi cư trú",
        "Comments of the Party cell where the candidate lives",
    ),
    (
        "political_standard",
        "Kết luận về tiêu chuẩn chính trị",
        "Conclusion on the political standard",
    ),
    ("asset_declaration", "Bản kê khai tài sản, thu nhập", "Asset and income declaration"),
    ("diplomas", "Văn bằng, chứng chỉ", "Diplomas and certificates"),
    ("health_certificate", "Giấy chứng nhận sức khỏe", "Health certificate"),
)
AP_DOSSIER_ITEMS = ParamSpec(
    "ap_dossier_items",
    tuple(str(v) for v, _vi, _en in DOSSIER_ITEMS),
    (),
    "AP-09",
    U,
    "Hồ sơ nhân sự đề nghị bổ nhiệm",
    "The appointment dossier",
    DOSSIER_ITEMS,
)
AP_PROCESS_DEADLINE_WORKING_DAYS = _int(
    "ap_process_deadline_working_days",
    30,
    "AP-10",
    U,
    "Số ngày làm việc để hoàn thành quy trình sau khi có chủ trương",
    "Working days to finish the process after the policy is approved",
)
AP_PROCEDURE_377_SAME_AS_80 = ParamSpec(
    "ap_procedure_377_same_as_80",
    True,
    (True, False),
    "AP-11",
    U,
    "Quy trình 5 bước của QĐ 377 giống QĐ 80",
    "QĐ 377 keeps the five steps of QĐ 80",
    _YES_NO,
)
DENOMINATORS: tuple[tuple[ParamValue, str, str], ...] = (
    ("convened", "Tổng số người được triệu tập", "Those convened"),
    ("present", "Số người có mặt", "Those present"),
    (
        "collective_members",
        "Tổng số thành viên tập thể lãnh đạo",
        "Members of the leadership collective",
    ),
)
AP_STEP3_DENOMINATOR = ParamSpec(
    "ap_step3_denominator",
    "convened",
    ("convened", "present", "collective_members"),
    "AP-14",
    U,
    "Bước 3: trên 50% của",
    "Step 3: more than 50% of",
    DENOMINATORS,
)
AP_TOP2_TIE_POLICY = ParamSpec(
    "ap_top2_tie_policy",
    "include_all_tied",
    ("include_all_tied", "stop_and_refer"),
    "AP-14",
    U,
    "Bước 3: bằng phiếu ở vị trí thứ hai",
    "Step 3: a tie for second place",
    (
        ("include_all_tied", "Lấy tất cả người bằng phiếu", "All those tied go on"),
        (
            "stop_and_refer",
            "Dừng, xin ý kiến cấp có thẩm quyền",
            "Stop and refer to the competent level",
        ),
    ),
)
AP_STEP5_DENOMINATOR = ParamSpec(
    "ap_step5_denominator",
    "collective_members",
    ("collective_members", "convened"),
    "AP-16",
    U,
    "Bước 5: trên 50% của",
    "Step 5: more than 50% of",
    DENOMINATORS,
)
AP_NO_MAJORITY_POLICY = ParamSpec(
    "ap_no_majority_policy",
    "stop_and_escalate",
    ("stop_and_escalate", "restart_from_step_3"),
    "AP-17",
    U,
    "Bước 5 không ai quá nửa",
    "Step 5: no one has a majority",
    (
        (
            "stop_and_escalate",
            "Dừng, báo cáo cấp có thẩm quyền",
            "Stop and report to the competent level",
        ),
        ("restart_from_step_3", "Làm lại từ bước 3", "Start again from step 3"),
    ),
)
AP_OUTSIDE_PROCEDURE = ParamSpec(
    "ap_outside_procedure",
    "state_3_steps",
    ("state_3_steps",),
    "AP-18",
    U,
    "Quy trình nhân sự từ nơi khác",
    "Procedure for a candidate from elsewhere",
    (("state_3_steps", "Ba bước như quy trình của Nhà nước", "The State's three steps"),),
)
TR_NEAR_RETIREMENT_RULE = ParamSpec(
    "tr_near_retirement_rule",
    ("full_term_months=60", "to_retirement_months=24"),
    (),
    "TR-03",
    U,
    "Bổ nhiệm lại khi gần đến tuổi nghỉ hưu",
    "Reappointment near retirement",
    (
        (
            "full_term_months=60",
            "Còn từ 60 tháng: bổ nhiệm lại đủ nhiệm kỳ",
            "60 months or more left: a full term",
        ),
        (
            "to_retirement_months=24",
            "Còn từ 24 đến dưới 60 tháng: đến khi nghỉ hưu; dưới 24 tháng: kéo dài",
            "24 to 59 months left: until retirement; under 24: an extension",
        ),
    ),
)
TR_MAX_CONSECUTIVE_TERMS = _int(
    "tr_max_consecutive_terms",
    2,
    "TR-04",
    S,
    "Số nhiệm kỳ liên tiếp tối đa (cảnh báo)",
    "Most consecutive terms (warning)",
)
TR_MAX_HEAD_MONTHS_SAME_UNIT = _int(
    "tr_max_head_months_same_unit",
    96,
    "TR-04",
    U,
    "Số tháng tối đa làm cấp trưởng tại một đơn vị (cảnh báo)",
    "Most months as head of one unit (warning)",
)
TR_SUSPENSION_WORKING_DAYS = ParamSpec(
    "tr_suspension_working_days",
    ("initial=15", "extension=15"),
    (),
    "TR-06",
    U,
    "Tạm đình chỉ công tác (ngày làm việc)",
    "Temporary suspension (working days)",
    (
        ("initial=15", "Tối đa 15 ngày làm việc", "At most 15 working days"),
        ("extension=15", "Gia hạn tối đa 15 ngày làm việc", "Extended by at most 15 working days"),
    ),
)
ST_POLICY_DEADLINE_WORKING_DAYS = ParamSpec(
    "st_policy_deadline_working_days",
    ("civil_servants=15", "public_employees=10"),
    (),
    "ST-01",
    S,
    "Thời hạn quyết định chủ trương bổ nhiệm (ngày làm việc)",
    "Deadline for the appointment policy (working days)",
    (
        ("civil_servants=15", "Công chức: 15 ngày làm việc", "Civil servants: 15 working days"),
        ("public_employees=10", "Viên chức: 10 ngày làm việc", "Public employees: 10 working days"),
    ),
)
ST_OUTSIDE_DENOMINATOR = ParamSpec(
    "st_outside_denominator",
    ("ND170_2025=convened", "ND138_2020=collective_members"),
    (),
    "ST-04",
    S,
    "Nhân sự từ nơi khác: trên 50% của",
    "Candidate from elsewhere: more than 50% of",
    (
        (
            "ND170_2025=convened",
            "NĐ 170/2025: tổng số người được triệu tập",
            "NĐ 170/2025: those convened",
        ),
        (
            "ND138_2020=collective_members",
            "NĐ 138/2020: tổng số thành viên tập thể lãnh đạo",
            "NĐ 138/2020: members of the leadership collective",
        ),
    ),
)

COMMON_PARAMS: tuple[ParamSpec, ...] = (
    PL_MAX_PER_POST,
    PL_MAX_POSTS_PER_CADRE,
    PL_MIN_PER_POST,
    PL_MIN_GAP_DAYS,
    PL_STRUCTURE_TARGETS,
    PL_MIN_MONTHS_NEXT_TERM,
    PL_PREFERRED_MONTHS_NEXT_TERM,
    PL_BLOCKING_STANDARDS,
    PL_NOMINATION_STEPS,
    PL_NOMINATION_THRESHOLD,
    PL_PUBLICITY_AUDIENCE,
    AP_377_KEEPS_80_CONDITIONS,
    AP_MIN_TENURE_MONTHS,
    AP_AGE_METHOD,
    AP_FULL_TERM_MONTHS,
    AP_HEALTH_CERTIFICATE_MAX_AGE_MONTHS,
    AP_DISCIPLINE_WINDOWS_STATE,
    AP_POST_CATALOGUE,
    AP_DOSSIER_ITEMS,
    AP_PROCESS_DEADLINE_WORKING_DAYS,
    AP_PROCEDURE_377_SAME_AS_80,
    AP_STEP3_DENOMINATOR,
    AP_TOP2_TIE_POLICY,
    AP_STEP5_DENOMINATOR,
    AP_NO_MAJORITY_POLICY,
    AP_OUTSIDE_PROCEDURE,
    TR_NEAR_RETIREMENT_RULE,
    TR_MAX_CONSECUTIVE_TERMS,
    TR_MAX_HEAD_MONTHS_SAME_UNIT,
    TR_SUSPENSION_WORKING_DAYS,
    ST_POLICY_DEADLINE_WORKING_DAYS,
    ST_OUTSIDE_DENOMINATOR,
)
"""The parameters every appointment rulebook has."""

APPOINTMENT_PARAMS: tuple[ParamSpec, ...] = (
    *COMMON_PARAMS,
    AP_DISCIPLINE_WINDOWS_105,
    AP_DISCIPLINE_WINDOWS_80,
    AP_DISCIPLINE_WINDOWS_377,
    AP_DISCIPLINE_WINDOW_START,
    PL_DISCIPLINE_RULE_377,
    PL_DISCIPLINE_EXPIRY_MONTHS,
)
"""Every planning and appointment parameter; each rulebook carries the common ones and the
discipline parameters of its own text."""


def decode_map(rulebook: Rulebook, name: str) -> dict[str, str]:
    """A ``"key=value"`` tuple parameter as a dict; refuses a malformed item."""
    value = rulebook.param(name)
    items = value if isinstance(value, tuple) else ()
    out: dict[str, str] = {}
    for item in items:
        key, sep, raw = item.partition("=")
        if not sep or not key:
            raise ValidationError("parameter_value_not_allowed", name=name, value=item)
        out[key.strip()] = raw.strip()
    return out


def decode_months(rulebook: Rulebook, name: str) -> dict[str, int]:
    """A map of months per form (``khien_trach=24``) as ``{form: months}``."""
    out: dict[str, int] = {}
    for key, raw in decode_map(rulebook, name).items():
        if not raw.isdigit():
            raise ValidationError("parameter_value_not_allowed", name=name, value=f"{key}={raw}")
        out[key] = int(raw)
    return out
