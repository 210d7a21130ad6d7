"""Named rulebook parameters: every ``unconfirmed`` handbook item is one of these.

Each :class:`ParamSpec` records its documented default, the allowed values, the handbook rule
it comes from and how far it is confirmed. Results list the ``unconfirmed`` parameters they
depended on, so a reviewer can see which outcomes rest on defaults (handbook README).
Defaults are those of the parameter tables in ``confidence_votes.md``,
``elections_and_ballots.md`` and the handbook README.
"""

from __future__ import annotations

from dataclasses import dataclass

from canbo.core.types import Confidence

ParamValue = str | bool | int | None | tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ParamSpec:
    """One named parameter. ``allowed`` empty means any value of the default's type."""

    name: str
    default: ParamValue
    allowed: tuple[ParamValue, ...]
    rule_id: str
    confidence: Confidence = Confidence.UNCONFIRMED

    def __post_init__(self) -> None:
        if self.allowed and self.default not in self.allowed:
            raise ValueError(f"{self.name}: default {self.default!r} not in allowed values")

    def accepts(self, value: ParamValue) -> bool:
        """True when ``value`` is an allowed value (or of the default's type if unrestricted)."""
        if self.allowed:  # compare types too: 1 == True must not pass for a bool parameter
            return any(type(v) is type(value) and v == value for v in self.allowed)
        if self.default is None:
            return value is None or isinstance(value, int)
        return isinstance(value, type(self.default))


U = Confidence.UNCONFIRMED

# --- Party confidence votes, QĐ 96-QĐ/TW (confidence_votes.md, Parameters) -------------
CV_EXEMPT_DECISION_SCOPE = ParamSpec(
    "cv_exempt_decision_scope",
    "any_appointment_or_election",
    ("any_appointment_or_election", "new_post_only"),
    "CV-03",
)
CV_TWO_PLACE_PRIORITY = ParamSpec(
    "cv_two_place_priority",
    ("highest_party_committee", "people_council", "workplace"),
    (),
    "CV-04",
    Confidence.SUMMARY,
)
CV_CONVENED_INCLUDES_SUBJECT = ParamSpec(
    "cv_convened_includes_subject", True, (True, False), "CV-07"
)
CV_CONVENED_EXCLUDES_EXCUSED = ParamSpec(
    "cv_convened_excludes_excused", False, (True, False), "CV-07"
)
CV_INVALID_SCOPE = ParamSpec("cv_invalid_scope", "per_name", ("per_name", "whole_ballot"), "CV-14")
CV_ADDED_NAMES_POLICY = ParamSpec(
    "cv_added_names_policy",
    "ignore_added_names",
    ("ignore_added_names", "invalid_whole_ballot", "refer_to_counting_committee"),
    "CV-14",
)
CV_ALLOW_SIGNED_BALLOTS = ParamSpec(
    "cv_allow_signed_ballots", False, (False, True), "CV-13", Confidence.TEXT
)
CV_PCT_ROUNDING = ParamSpec(
    "cv_pct_rounding", "half_up_2dp", ("half_up_2dp", "half_even_2dp", "truncate_2dp"), "CV-16"
)
CV_BAND_DENOMINATOR = ParamSpec(
    "cv_band_denominator",
    "ballots_collected",
    ("ballots_collected", "valid_for_person", "convened"),
    "CV-17",
)
CV_BAND_C_INCLUSIVE = ParamSpec(
    "cv_band_c_inclusive", True, (True, False), "CV-18", Confidence.TEXT
)

# --- NA and People's Councils (confidence_votes.md, Parameters) -------------------------
NA_NQ96_DENOMINATOR = ParamSpec(
    "na_nq96_denominator", "ballots_collected", ("ballots_collected", "ballots_issued"), "NA-12"
)
NA_NC_DENOMINATOR = ParamSpec(
    "na_nc_denominator", "total_deputies", ("total_deputies", "ballots_collected"), "NA-11"
)
NA_RESIGN_DEADLINE_DAYS = ParamSpec("na_resign_deadline_days", None, (), "NA-10")
NA_COUNCIL_LEVELS = ParamSpec("na_council_levels", ("province",), (), "NA-16")
NA_ILLNESS_MIN_MONTHS = ParamSpec("na_illness_min_months", 6, (), "NA-04", Confidence.SUMMARY)
# Not in the handbook's table (gap reported): the NA texts' invalid-ballot cases have not been
# checked, so canbo applies the CV-14 per-name cases by default and says so.
NA_BALLOT_VALIDITY = ParamSpec(
    "na_ballot_validity", "per_name_as_cv14", ("per_name_as_cv14", "whole_ballot"), "NA-07"
)

# --- Handbook-wide (README, Parameters) -------------------------------------------------
GEN_PCT_FORMAT = ParamSpec(
    "gen_pct_format",
    "half_up_2dp_vi_strip_zeros",
    ("half_up_2dp_vi_strip_zeros", "half_up_2dp_vi_fixed", "half_even_2dp"),
    "GEN-06",
    Confidence.SUMMARY,
)
GEN_EFFECTIVE_FROM_DEFAULT = ParamSpec("gen_effective_from_default", "signing_date", (), "GEN-03")

# --- Party elections (elections_and_ballots.md, Parameters) -----------------------------
EL_ART15_SAME_AS_244 = ParamSpec("el_art15_same_as_244", True, (True, False), "EL-13")
EL_UNLISTED_ANOMALY_POLICY = ParamSpec(
    "el_unlisted_anomaly_policy",
    "refer_to_counting_committee",
    ("refer_to_counting_committee", "invalid", "ignore_mark"),
    "EL-16",
)
EL_SINGLE_NAME_NO_MARK_POLICY = ParamSpec(
    "el_single_name_no_mark_policy",
    "refer_to_counting_committee",
    ("refer_to_counting_committee", "invalid", "valid_not_counted"),
    "EL-16",
)
# Not in the handbook's table (gap reported): nomination ballots (AP-13, AP-14) have no
# confirmed validity list; canbo applies the EL-16 cases by analogy.
BALLOT_NOMINATION_VALIDITY = ParamSpec(
    "ballot_nomination_validity", "el16_by_analogy", ("el16_by_analogy",), "AP-14"
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
)
