"""A cycle's settings read back exactly as they were written (stored as JSON on the cycle)."""

from __future__ import annotations

import dataclasses
import json

from hypothesis import given
from hypothesis import strategies as st

from canbo.services.classification.ports import CycleSettings, OrderEnforcement

WORDS = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30
)

FIELDS: dict[str, st.SearchStrategy[object]] = {
    "cl_order_enforcement": st.sampled_from(OrderEnforcement),
    "cl_publicity_audience": st.lists(WORDS, max_size=4).map(tuple),
    "cl_complaint_window_days": st.none() | st.integers(min_value=0, max_value=3650),
    "cl_quota_exception_outstanding": st.booleans(),
    "cl_quota_grouping_members": WORDS,
    "cl_member_decider": WORDS,
    "cl_discipline_date_basis": WORDS,
}
cycle_settings = st.builds(CycleSettings, **FIELDS)  # type: ignore[arg-type]


def test_the_strategy_draws_every_field_of_the_settings() -> None:
    assert set(FIELDS) == {f.name for f in dataclasses.fields(CycleSettings)}


def test_the_stored_form_names_every_field_of_the_settings() -> None:
    assert set(CycleSettings().as_dict()) == {f.name for f in dataclasses.fields(CycleSettings)}


@given(cycle_settings)
def test_any_settings_read_back_unchanged_from_their_stored_form(
    settings: CycleSettings,
) -> None:
    assert CycleSettings.from_dict(settings.as_dict()) == settings


@given(cycle_settings)
def test_any_settings_read_back_unchanged_through_json(settings: CycleSettings) -> None:
    stored = json.loads(json.dumps(settings.as_dict()))
    assert CycleSettings.from_dict(stored) == settings


def test_settings_stored_before_a_field_existed_read_back_with_its_default() -> None:
    assert CycleSettings.from_dict({}) == CycleSettings()
    assert CycleSettings.from_dict(
        {"cl_order_enforcement": "warn", "cl_complaint_window_days": 30}
    ) == CycleSettings(cl_order_enforcement=OrderEnforcement.WARN, cl_complaint_window_days=30)
