"""Input schemas parsed at the edge, and the shared error body.

Each input serializer turns a request into the core's frozen values (``UnitVersionData``,
``PersonData``) or plain keyword arguments of a service; the services then apply the rules.
Field names here are the ones error bodies name (``fields.field``).
"""

from __future__ import annotations

from typing import Any

from django.core.validators import ProhibitNullCharactersValidator
from rest_framework import serializers

from canbo.converters import MAX_ID
from canbo.core.registry import PersonData, UnitVersionData
from canbo.core.types import Interval, LevelClass, PersonId, Sex, Share, UnitId, UnitKind
from canbo.registry import choices


class CitationSerializer(serializers.Serializer[Any]):
    """The rule behind a decision, resolved by the citation table (docs/citations.md)."""

    document = serializers.CharField()
    article = serializers.CharField()
    clause = serializers.CharField()
    rule_id = serializers.CharField(help_text="Handbook rule ID, a machine field.")
    unconfirmed = serializers.ListField(child=serializers.CharField())
    text = serializers.CharField(help_text="Document, article and clause as a person reads it.")
    statement = serializers.CharField(help_text="The rule in one Vietnamese sentence.")
    statement_en = serializers.CharField(help_text="The rule in one English sentence.")


class ErrorSerializer(serializers.Serializer[Any]):
    """Every refusal: machine ``code``, messages, the ``fields`` that explain it, a citation."""

    code = serializers.CharField(help_text="Stable machine code, e.g. date_in_future.")
    message = serializers.CharField(help_text="Message in the request's language.")
    message_vi = serializers.CharField()
    message_en = serializers.CharField()
    fields = serializers.DictField(  # type: ignore[assignment]
        required=False, help_text="What explains the refusal; ``field`` names the bad input."
    )
    citation = CitationSerializer(required=False, help_text="The rule that refused.")


# Query parameters ----------------------------------------------------------------------------


class AsOfQuery(serializers.Serializer[Any]):
    as_of = serializers.DateField(
        required=False, help_text="The tree as of this date (default: today in Vietnam)."
    )


class MembersQuery(AsOfQuery):
    subtree = serializers.BooleanField(
        required=False, default=False, help_text="Include members of every unit below."
    )


class UnitListQuery(AsOfQuery):
    q = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=100,
        help_text="Part of any past or present name, or a code.",
    )
    parent = serializers.IntegerField(  # type: ignore[assignment]
        required=False, min_value=1, max_value=MAX_ID, help_text="Parent unit id."
    )


class PeopleListQuery(AsOfQuery):
    q = serializers.CharField(
        required=False, allow_blank=True, max_length=100, help_text="Part of a name, or a code."
    )
    unit = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_ID,
        help_text="Only members of this unit's subtree.",
    )


# Text of records --------------------------------------------------------------------------------


class Text(serializers.CharField):
    """Free text parsed as is: length, NUL and other characters, markup and formulas are
    checked by the service layer (:mod:`canbo.core.validation`), the same rules as an import,
    so that the API answers with the same message whatever the field."""

    def __init__(self, *, limit: int, **kwargs: Any) -> None:
        kwargs.setdefault("help_text", f"At most {limit} characters.")
        super().__init__(**kwargs)
        self.validators = [
            v for v in self.validators if not isinstance(v, ProhibitNullCharactersValidator)
        ]


# Units ---------------------------------------------------------------------------------------


def _check_interval(attrs: dict[str, Any]) -> dict[str, Any]:
    end = attrs.get("valid_to")
    if end is not None and end < attrs["valid_from"]:
        raise serializers.ValidationError(
            {"valid_to": "valid_to is before valid_from."}, code="before_start"
        )
    return attrs


class UnitCreateInput(serializers.Serializer[Any]):
    code = Text(limit=64)
    name = Text(limit=255)
    kind = serializers.ChoiceField(choices=choices.UnitKind.choices)
    level_class = serializers.ChoiceField(
        choices=choices.LevelClass.choices, required=False, allow_blank=True
    )
    parent = serializers.IntegerField(  # type: ignore[assignment]
        required=False, allow_null=True, min_value=1, max_value=MAX_ID
    )
    short_name = Text(limit=128, required=False, allow_blank=True)
    admin_code = Text(limit=32, required=False, allow_blank=True)
    legal_basis = Text(limit=255, required=False, allow_blank=True)
    valid_from = serializers.DateField()
    valid_to = serializers.DateField(required=False, allow_null=True)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        return _check_interval(attrs)

    def to_domain(self) -> UnitVersionData:
        attrs: dict[str, Any] = dict(self.validated_data)
        return UnitVersionData(
            code=attrs["code"],
            name=attrs["name"],
            kind=UnitKind(attrs["kind"]),
            valid=Interval(attrs["valid_from"], attrs.get("valid_to")),
            parent_id=UnitId(attrs["parent"]) if attrs.get("parent") else None,
            level_class=LevelClass(attrs["level_class"]) if attrs.get("level_class") else None,
            short_name=attrs.get("short_name", ""),
            admin_code=attrs.get("admin_code", ""),
            legal_basis=attrs.get("legal_basis", ""),
        )


class UnitChangeInput(serializers.Serializer[Any]):
    """A new version from ``valid_from`` on; omitted attributes keep their current value."""

    valid_from = serializers.DateField()
    name = Text(limit=255, required=False)
    kind = serializers.ChoiceField(choices=choices.UnitKind.choices, required=False)
    level_class = serializers.ChoiceField(
        choices=choices.LevelClass.choices, required=False, allow_blank=True
    )
    parent = serializers.IntegerField(  # type: ignore[assignment]
        required=False, allow_null=True, min_value=1, max_value=MAX_ID
    )
    short_name = Text(limit=128, required=False, allow_blank=True)
    admin_code = Text(limit=32, required=False, allow_blank=True)
    legal_basis = Text(limit=255, required=False, allow_blank=True)

    def to_domain(self, current: UnitVersionData) -> UnitVersionData:
        attrs: dict[str, Any] = dict(self.validated_data)
        level = attrs.get("level_class", current.level_class)
        parent = attrs.get("parent", current.parent_id)
        return UnitVersionData(
            code=current.code,
            name=attrs.get("name", current.name),
            kind=UnitKind(attrs.get("kind", current.kind)),
            valid=Interval(attrs["valid_from"], current.valid.valid_to),
            parent_id=UnitId(parent) if parent else None,
            level_class=LevelClass(level) if level else None,
            short_name=attrs.get("short_name", current.short_name),
            admin_code=attrs.get("admin_code", current.admin_code),
            legal_basis=attrs.get("legal_basis", current.legal_basis),
            unit_id=current.unit_id,
        )


class ShareInput(serializers.Serializer[Any]):
    predecessor = serializers.IntegerField(min_value=1, max_value=MAX_ID)
    successor = serializers.IntegerField(min_value=1, max_value=MAX_ID)
    share = serializers.ChoiceField(choices=choices.Share.choices)


class LineageInput(serializers.Serializer[Any]):
    """A reorganization (OR-16): predecessors end the day before ``date``."""

    kind = serializers.ChoiceField(choices=choices.LineageKind.choices)
    date = serializers.DateField()
    legal_basis = Text(limit=255)
    predecessors = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=MAX_ID), allow_empty=False
    )
    successors = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=MAX_ID), allow_empty=False
    )
    shares = ShareInput(many=True, required=False)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        pairs = {(p, s) for p in attrs["predecessors"] for s in attrs["successors"]}
        for row in attrs.get("shares", []):
            if (row["predecessor"], row["successor"]) not in pairs:
                raise serializers.ValidationError(
                    {"shares": "The pair is not a predecessor and a successor."},
                    code="unknown_link",
                )
        return attrs

    def to_kwargs(self) -> dict[str, Any]:
        attrs: dict[str, Any] = dict(self.validated_data)
        shares = {
            (UnitId(r["predecessor"]), UnitId(r["successor"])): Share(r["share"])
            for r in attrs.get("shares", [])
        }
        return {
            "kind": attrs["kind"],
            "date": attrs["date"],
            "legal_basis": attrs["legal_basis"],
            "predecessors": [UnitId(u) for u in attrs["predecessors"]],
            "successors": [UnitId(u) for u in attrs["successors"]],
            "shares": shares or None,
        }


# People --------------------------------------------------------------------------------------


class PersonInput(serializers.Serializer[Any]):
    """Identity and Party dates of a person (the record's first section)."""

    code = Text(limit=32)
    full_name = Text(limit=128)
    birth_date = serializers.DateField()
    sex = serializers.ChoiceField(choices=choices.Sex.choices)
    ethnicity = Text(limit=32, required=False, allow_blank=True)
    hometown = Text(limit=255, required=False, allow_blank=True)
    national_id = Text(limit=12, required=False, allow_blank=True, help_text="12 digits.")
    party_card_number = Text(limit=16, required=False, allow_blank=True)
    party_admission_date = serializers.DateField(required=False, allow_null=True)
    official_membership_date = serializers.DateField(required=False, allow_null=True)

    def to_domain(self, current: PersonData | None = None) -> PersonData:
        attrs: dict[str, Any] = dict(self.validated_data)
        base: dict[str, Any] = (
            {}
            if current is None
            else {f: getattr(current, f) for f in PersonData.__dataclass_fields__}
        )
        merged = {
            **base,
            **{k: v for k, v in attrs.items() if k in PersonData.__dataclass_fields__},
        }
        merged["sex"] = Sex(merged["sex"])
        merged["person_id"] = PersonId(current.person_id) if current and current.person_id else None
        return PersonData(**merged)


class PersonPatchInput(PersonInput):
    """A correction: any identity field but the code, which is the stable identifier."""

    code = None  # type: ignore[assignment]


class PersonCreateInput(PersonInput):
    cell = serializers.IntegerField(
        min_value=1, max_value=MAX_ID, help_text="The Party cell the person joins."
    )
    since = serializers.DateField(
        required=False, help_text="Member of the cell since (default: today)."
    )


class TransferInput(serializers.Serializer[Any]):
    to_cell = serializers.IntegerField(min_value=1, max_value=MAX_ID)
    on = serializers.DateField(help_text="First day in the new cell.")
