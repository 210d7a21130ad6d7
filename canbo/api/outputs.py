"""Response schemas of the API (read-only serializers over the selectors' rows).

Open-ended validity is stored as 9999-12-31 and shown as ``null`` ("still in force").
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from rest_framework import serializers

from canbo.registry import choices
from canbo.registry.constants import FOREVER


class OpenEndDateField(serializers.DateField):
    """A last day of validity; ``null`` when open-ended."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("allow_null", True)
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value: dt.date | None) -> str | None:  # type: ignore[override]
        if value is None or value == FOREVER:
            return None
        return str(super().to_representation(value))


# Units ---------------------------------------------------------------------------------------


class UnitVersionOutput(serializers.Serializer[Any]):
    """One dated version of a unit (OR-15, OR-18)."""

    name = serializers.CharField()
    short_name = serializers.CharField()
    kind = serializers.ChoiceField(choices=choices.UnitKind.choices)
    level_class = serializers.CharField(help_text="Level class of the unit, empty when not set.")
    parent = serializers.IntegerField(  # type: ignore[assignment]
        source="parent_id", allow_null=True
    )
    admin_code = serializers.CharField()
    legal_basis = serializers.CharField()
    valid_from = serializers.DateField()
    valid_to = OpenEndDateField()


class UnitRowOutput(UnitVersionOutput):
    """A unit in a list: its stable id and code with the version in force on the date."""

    id = serializers.IntegerField(source="unit_id")
    code = serializers.CharField(source="unit.code")
    pillar = serializers.ChoiceField(source="unit.pillar", choices=choices.Pillar.choices)


class LinkOutput(serializers.Serializer[Any]):
    """A predecessor or successor with the reorganization that links them (OR-14, OR-16)."""

    event = serializers.IntegerField(source="event_id")
    event_kind = serializers.ChoiceField(source="kind", choices=choices.LineageKind.choices)
    date = serializers.DateField()
    legal_basis = serializers.CharField()
    share = serializers.ChoiceField(choices=choices.Share.choices)
    unit = serializers.IntegerField(source="unit_id")
    unit_code = serializers.CharField()
    unit_name = serializers.CharField()


class UnitDetailOutput(serializers.Serializer[Any]):
    id = serializers.IntegerField(source="unit.pk")
    code = serializers.CharField(source="unit.code")
    pillar = serializers.ChoiceField(source="unit.pillar", choices=choices.Pillar.choices)
    valid_from = serializers.DateField(source="unit.valid_from")
    valid_to = OpenEndDateField(source="unit.valid_to")
    as_of = serializers.DateField()
    version = UnitVersionOutput(
        allow_null=True, help_text="The version in force on as_of; null outside the unit's life."
    )
    parent_name = serializers.CharField(help_text="The parent's name on as_of.")
    history = UnitVersionOutput(many=True, help_text="Every version, oldest first.")
    predecessors = LinkOutput(many=True)
    successors = LinkOutput(many=True)


class MemberCountOutput(serializers.Serializer[Any]):
    unit = serializers.IntegerField()
    as_of = serializers.DateField()
    members = serializers.IntegerField(help_text="Party members in the subtree on as_of.")


class CreatedOutput(serializers.Serializer[Any]):
    id = serializers.IntegerField()


# People --------------------------------------------------------------------------------------


class PersonRowOutput(serializers.Serializer[Any]):
    """A person in a list, with the cell they belong to on the date."""

    id = serializers.IntegerField(source="pk")
    code = serializers.CharField()
    full_name = serializers.CharField()
    birth_date = serializers.DateField()
    sex = serializers.ChoiceField(choices=choices.Sex.choices)
    cell = serializers.IntegerField(source="cell_id", allow_null=True)
    cell_name = serializers.CharField(allow_null=True)
    member_since = serializers.DateField(allow_null=True)


class MembershipOutput(serializers.Serializer[Any]):
    unit = serializers.IntegerField(source="unit_id")
    unit_name = serializers.CharField(allow_null=True)
    valid_from = serializers.DateField()
    valid_to = OpenEndDateField()
    end_reason = serializers.CharField()


class PositionOutput(serializers.Serializer[Any]):
    title = serializers.CharField(source="title.name")
    title_code = serializers.CharField(source="title.code")
    unit = serializers.IntegerField(source="unit_id")
    unit_name = serializers.CharField(allow_null=True)
    term = serializers.CharField(source="term.name", allow_null=True, default=None)
    how = serializers.ChoiceField(choices=choices.HowFilled.choices)
    decision_ref = serializers.CharField()
    valid_from = serializers.DateField()
    valid_to = OpenEndDateField()
    term_ends = serializers.DateField(allow_null=True)
    is_concurrent = serializers.BooleanField()


class DisciplineOutput(serializers.Serializer[Any]):
    form = serializers.ChoiceField(choices=choices.DisciplineForm.choices)
    decision_date = serializers.DateField()
    violation_date = serializers.DateField(allow_null=True)
    authority = serializers.CharField()
    decision_ref = serializers.CharField()
    reason = serializers.CharField()
    self_remedied = serializers.BooleanField()
    stops_counting_on = serializers.DateField(allow_null=True)


class LeaveOutput(serializers.Serializer[Any]):
    leave_kind = serializers.ChoiceField(source="kind", choices=choices.LeaveKind.choices)
    starts = serializers.DateField()
    ends = serializers.DateField()
    note = serializers.CharField()


class RetirementOutput(serializers.Serializer[Any]):
    notice_date = serializers.DateField()
    retirement_date = serializers.DateField()
    decision_ref = serializers.CharField()


class RelativeOutput(serializers.Serializer[Any]):
    relation = serializers.ChoiceField(choices=choices.RelationKind.choices)
    full_name = serializers.SerializerMethodField()
    linked_person = serializers.IntegerField(source="linked_person_id", allow_null=True)
    birth_year = serializers.IntegerField(allow_null=True)
    workplace = serializers.CharField()
    declared_on = serializers.DateField()

    def get_full_name(self, relative: Any) -> str:
        linked = relative.linked_person
        return str(linked.full_name if linked is not None else relative.full_name)


class PersonDetailOutput(PersonRowOutput):
    """The full record (sơ yếu lý lịch sections kept by the registry)."""

    family_name = serializers.CharField()
    middle_name = serializers.CharField()
    given_name = serializers.CharField()
    ethnicity = serializers.CharField()
    hometown = serializers.CharField()
    national_id = serializers.CharField()
    party_card_number = serializers.CharField()
    party_admission_date = serializers.DateField(allow_null=True)
    official_membership_date = serializers.DateField(allow_null=True)
    party_exit_date = serializers.DateField(allow_null=True)
    death_date = serializers.DateField(allow_null=True)
    memberships = MembershipOutput(many=True)
    positions = PositionOutput(many=True)
    disciplines = DisciplineOutput(many=True)
    leaves = LeaveOutput(many=True)
    retirements = RetirementOutput(many=True)
    relatives = RelativeOutput(many=True)
