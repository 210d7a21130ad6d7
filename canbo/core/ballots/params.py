"""Named rulebook parameters: every ``unconfirmed`` handbook item is one of these.

Each :class:`ParamSpec` records its documented default, the allowed values, the handbook rule
it comes from and how far it is confirmed. Results list the ``unconfirmed`` parameters they
depended on, so a reviewer can see which outcomes rest on defaults (handbook README).
Defaults are those of the parameter tables in ``confidence_votes.md``,
``elections_and_ballots.md`` and the handbook README.
"""

from __future__ import annotations

from canbo.core.elections.params import LIST_AND_CONGRESS_PARAMS
from canbo.core.rulebook import ParamSpec, ParamValue
from canbo.core.types import Confidence

__all__ = ["ParamSpec", "ParamValue"]


U = Confidence.UNCONFIRMED
_YES_NO: tuple[tuple[ParamValue, str, str], ...] = ((True, "Có", "Yes"), (False, "Không", "No"))
_ROUNDING: tuple[tuple[ParamValue, str, str], ...] = (
    ("half_up_2dp", "Làm tròn nửa lên, 2 chữ số thập phân", "Half up, 2 decimals"),
    ("half_even_2dp", "Làm tròn về số chẵn, 2 chữ số thập phân", "Half to even, 2 decimals"),
    ("truncate_2dp", "Cắt bỏ sau 2 chữ số thập phân", "Truncated to 2 decimals"),
)
_REFER = (
    "refer_to_counting_committee",
    "Chuyển Ban kiểm phiếu xem xét",
    "Refer to the counting committee",
)

# --- Party confidence votes, QĐ 96-QĐ/TW (confidence_votes.md, Parameters) -------------
CV_EXEMPT_DECISION_SCOPE = ParamSpec(
    "cv_exempt_decision_scope",
    "any_appointment_or_election",
    ("any_appointment_or_election", "new_post_only"),
    "CV-03",
    label_vi="Người mới được bầu, bổ nhiệm trong năm không lấy phiếu khi",
    label_en="A person elected or appointed in the year is not voted on when",
    value_labels=(
        (
            "any_appointment_or_election",
            "Có bất kỳ quyết định bầu, bổ nhiệm nào",
            "Any election or appointment",
        ),
        ("new_post_only", "Chỉ khi nhận chức vụ mới", "Only for a new post"),
    ),
)
CV_TWO_PLACE_PRIORITY = ParamSpec(
    "cv_two_place_priority",
    ("highest_party_committee", "people_council", "workplace"),
    (),
    "CV-04",
    Confidence.SUMMARY,
    label_vi="Thứ tự ưu tiên nơi lấy phiếu (tối đa hai nơi)",
    label_en="Order of the places where a person is voted on (two at most)",
    value_labels=(
        ("highest_party_committee", "Cấp ủy cao nhất", "Highest Party committee"),
        ("people_council", "Hội đồng nhân dân", "People's Council"),
        ("workplace", "Nơi công tác", "Workplace"),
    ),
)
CV_CONVENED_INCLUDES_SUBJECT = ParamSpec(
    "cv_convened_includes_subject",
    True,
    (True, False),
    "CV-07",
    label_vi="Người được lấy phiếu được tính vào số người được triệu tập",
    label_en="The persons voted on count among those convened",
    value_labels=_YES_NO,
)
CV_CONVENED_EXCLUDES_EXCUSED = ParamSpec(
    "cv_convened_excludes_excused",
    False,
    (True, False),
    "CV-07",
    label_vi="Người vắng có lý do được trừ khỏi số người được triệu tập",
    label_en="Absentees excused in advance are left out of those convened",
    value_labels=_YES_NO,
)
CV_INVALID_SCOPE = ParamSpec(
    "cv_invalid_scope",
    "per_name",
    ("per_name", "whole_ballot"),
    "CV-14",
    label_vi="Phiếu không hợp lệ được xét",
    label_en="Invalid ballots are judged",
    value_labels=(
        ("per_name", "Theo từng người trên phiếu", "Name by name"),
        ("whole_ballot", "Cả phiếu", "As a whole ballot"),
    ),
)
CV_ADDED_NAMES_POLICY = ParamSpec(
    "cv_added_names_policy",
    "ignore_added_names",
    ("ignore_added_names", "invalid_whole_ballot", "refer_to_counting_committee"),
    "CV-14",
    label_vi="Phiếu ghi thêm tên người ngoài danh sách",
    label_en="A ballot with names added to the list",
    value_labels=(
        ("ignore_added_names", "Bỏ qua tên ghi thêm", "Added names are ignored"),
        ("invalid_whole_ballot", "Cả phiếu không hợp lệ", "The whole ballot is invalid"),
        _REFER,
    ),
)
CV_ALLOW_SIGNED_BALLOTS = ParamSpec(
    "cv_allow_signed_ballots",
    False,
    (False, True),
    "CV-13",
    Confidence.TEXT,
    label_vi="Phiếu có ký tên vẫn hợp lệ",
    label_en="A signed ballot is still valid",
    value_labels=_YES_NO,
)
CV_PCT_ROUNDING = ParamSpec(
    "cv_pct_rounding",
    "half_up_2dp",
    ("half_up_2dp", "half_even_2dp", "truncate_2dp"),
    "CV-16",
    label_vi="Cách làm tròn tỷ lệ phần trăm",
    label_en="How percentages are rounded",
    value_labels=_ROUNDING,
)
CV_BAND_DENOMINATOR = ParamSpec(
    "cv_band_denominator",
    "ballots_collected",
    ("ballots_collected", "valid_for_person", "convened"),
    "CV-17",
    label_vi="Mức tín nhiệm thấp được tính trên",
    label_en='"Low confidence" thresholds are counted against',
    value_labels=(
        ("ballots_collected", "Số phiếu thu về", "The ballots collected"),
        (
            "valid_for_person",
            "Số phiếu hợp lệ đối với người đó",
            "The ballots valid for the person",
        ),
        ("convened", "Số người được triệu tập", "The number convened"),
    ),
)
CV_BAND_C_INCLUSIVE = ParamSpec(
    "cv_band_c_inclusive",
    True,
    (True, False),
    "CV-18",
    Confidence.TEXT,
    label_vi="Đúng 2/3 tín nhiệm thấp đã thuộc mức miễn nhiệm",
    label_en='Exactly 2/3 "low" already leads to dismissal',
    value_labels=_YES_NO,
)

# --- NA and People's Councils (confidence_votes.md, Parameters) -------------------------
_DEN_LABELS: tuple[tuple[ParamValue, str, str], ...] = (
    ("ballots_collected", "Số phiếu thu về", "The ballots collected"),
    ("ballots_issued", "Số phiếu phát ra", "The ballots issued"),
    ("total_deputies", "Tổng số đại biểu", "All deputies in office"),
)
NA_NQ96_DENOMINATOR = ParamSpec(
    "na_nq96_denominator",
    "ballots_collected",
    ("ballots_collected", "ballots_issued"),
    "NA-12",
    label_vi='"Tổng số phiếu" của NQ 96/2023 là',
    label_en='The "total ballots" of NQ 96/2023 are',
    value_labels=_DEN_LABELS,
)
NA_NC_DENOMINATOR = ParamSpec(
    "na_nc_denominator",
    "total_deputies",
    ("total_deputies", "ballots_collected"),
    "NA-11",
    label_vi="Kết quả bỏ phiếu tín nhiệm được tính trên",
    label_en="A vote of no confidence is counted against",
    value_labels=_DEN_LABELS,
)
NA_RESIGN_DEADLINE_DAYS = ParamSpec(
    "na_resign_deadline_days",
    None,
    (),
    "NA-10",
    label_vi="Thời hạn xin từ chức (ngày)",
    label_en="Deadline to resign (days)",
)
NA_COUNCIL_LEVELS = ParamSpec(
    "na_council_levels",
    ("province",),
    (),
    "NA-16",
    label_vi="Cấp Hội đồng nhân dân lấy phiếu",
    label_en="Levels of People's Councils that vote",
    value_labels=(("province", "Cấp tỉnh", "Province"), ("commune", "Cấp xã", "Commune")),
)
NA_ILLNESS_MIN_MONTHS = ParamSpec(
    "na_illness_min_months",
    6,
    (),
    "NA-04",
    Confidence.SUMMARY,
    label_vi="Nghỉ chữa bệnh hiểm nghèo được miễn lấy phiếu từ (tháng liên tục)",
    label_en="Sick leave for a serious illness exempts from (consecutive months)",
)
# Not in the handbook's table (gap reported): the NA texts' invalid-ballot cases have not been
# checked, so canbo applies the CV-14 per-name cases by default and says so.
NA_BALLOT_VALIDITY = ParamSpec(
    "na_ballot_validity",
    "per_name_as_cv14",
    ("per_name_as_cv14", "whole_ballot"),
    "NA-07",
    label_vi="Phiếu không hợp lệ được xét",
    label_en="Invalid ballots are judged",
    value_labels=(
        ("per_name_as_cv14", "Theo từng người, như QĐ 96", "Name by name, as under QĐ 96"),
        ("whole_ballot", "Cả phiếu", "As a whole ballot"),
    ),
)

# --- Handbook-wide (README, Parameters) -------------------------------------------------
GEN_PCT_FORMAT = ParamSpec(
    "gen_pct_format",
    "half_up_2dp_vi_strip_zeros",
    ("half_up_2dp_vi_strip_zeros", "half_up_2dp_vi_fixed", "half_even_2dp"),
    "GEN-06",
    Confidence.SUMMARY,
    label_vi="Cách in tỷ lệ phần trăm",
    label_en="How percentages are printed",
    value_labels=(
        ("half_up_2dp_vi_strip_zeros", "66,6% (bỏ số 0 thừa)", "66,6% (no trailing zeros)"),
        ("half_up_2dp_vi_fixed", "66,60% (luôn 2 chữ số)", "66,60% (always 2 decimals)"),
        ("half_even_2dp", "Làm tròn về số chẵn", "Half to even"),
    ),
)
GEN_EFFECTIVE_FROM_DEFAULT = ParamSpec(
    "gen_effective_from_default",
    "signing_date",
    (),
    "GEN-03",
    label_vi="Khi chưa rõ ngày có hiệu lực, văn bản được coi là có hiệu lực từ",
    label_en="When the effective date is not known, a document is taken to apply from",
    value_labels=(("signing_date", "Ngày ký", "Its signing date"),),
)

# --- Party elections (elections_and_ballots.md, Parameters) -----------------------------
EL_ART15_SAME_AS_244 = ParamSpec(
    "el_art15_same_as_244",
    True,
    (True, False),
    "EL-13",
    label_vi="Điều 15 QĐ 190 giống Điều 17 QĐ 244",
    label_en="Article 15 of QĐ 190 is the same as Article 17 of QĐ 244",
    value_labels=_YES_NO,
)
EL_UNLISTED_ANOMALY_POLICY = ParamSpec(
    "el_unlisted_anomaly_policy",
    "refer_to_counting_committee",
    ("refer_to_counting_committee", "invalid", "ignore_mark"),
    "EL-16",
    label_vi="Phiếu có dấu hiệu bất thường không có trong danh mục",
    label_en="A ballot with an anomaly not in the list",
    value_labels=(
        _REFER,
        ("invalid", "Không hợp lệ", "Invalid"),
        ("ignore_mark", "Bỏ qua dấu đó", "The mark is ignored"),
    ),
)
EL_SINGLE_NAME_NO_MARK_POLICY = ParamSpec(
    "el_single_name_no_mark_policy",
    "refer_to_counting_committee",
    ("refer_to_counting_committee", "invalid", "valid_not_counted"),
    "EL-16",
    label_vi="Phiếu một tên không có dấu",
    label_en="A single-name ballot without a mark",
    value_labels=(
        _REFER,
        ("invalid", "Không hợp lệ", "Invalid"),
        ("valid_not_counted", "Hợp lệ, không tính cho ai", "Valid, counted for no one"),
    ),
)
# Not in the handbook's table (gap reported): nomination ballots (AP-13, AP-14) have no
# confirmed validity list; canbo applies the EL-16 cases by analogy.
BALLOT_NOMINATION_VALIDITY = ParamSpec(
    "ballot_nomination_validity",
    "el16_by_analogy",
    ("el16_by_analogy",),
    "AP-14",
    label_vi="Phiếu giới thiệu nhân sự được xét hợp lệ",
    label_en="Nomination ballots are judged valid",
    value_labels=(("el16_by_analogy", "Như phiếu bầu cử trong Đảng", "As Party election ballots"),),
)

CONFIDENCE_PARTY_PARAMS: tuple[ParamSpec, ...] = (
    CV_EXEMPT_DECISION_SCOPE,
    CV_TWO_PLACE_PRIORITY,
    CV_CONVENED_INCLUDES_SUBJECT,
    CV_CONVENED_EXCLUDES_EXCUSED,
    CV_INVALID_SCOPE,
    CV_ADDED_NAMES_POLICY,
    CV_ALLOW_SIGNED_BALLOTS,
    CV_PCT_ROUNDING,
    CV_BAND_DENOMINATOR,
    CV_BAND_C_INCLUSIVE,
    GEN_PCT_FORMAT,
    GEN_EFFECTIVE_FROM_DEFAULT,
)
CONFIDENCE_NA_PARAMS: tuple[ParamSpec, ...] = (
    NA_NQ96_DENOMINATOR,
    NA_NC_DENOMINATOR,
    NA_RESIGN_DEADLINE_DAYS,
    NA_COUNCIL_LEVELS,
    NA_ILLNESS_MIN_MONTHS,
    NA_BALLOT_VALIDITY,
    CV_ADDED_NAMES_POLICY,
    GEN_PCT_FORMAT,
)
ELECTION_PARAMS: tuple[ParamSpec, ...] = (
    EL_ART15_SAME_AS_244,
    EL_UNLISTED_ANOMALY_POLICY,
    EL_SINGLE_NAME_NO_MARK_POLICY,
    BALLOT_NOMINATION_VALIDITY,
    GEN_PCT_FORMAT,
    *LIST_AND_CONGRESS_PARAMS,
)
