"""The grouped counts a statistics report is built from: what the storage adapter answers,
one GROUP BY per kind of count (no person is looped over in Python)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class CompositionCount:
    """Members on the as-of date with these attributes (FRM-10).

    ``band`` indexes the age bands; ``admitted`` and ``recognized``: admitted to the Party, or
    recognized as official members, within the period.
    """

    sex: str
    band: int
    ethnicity: str
    religion: str
    official: bool
    admitted: bool
    recognized: bool
    count: int


@dataclass(frozen=True, slots=True)
class LevelCount:
    """Members on the as-of date whose highest declared level of ``kind`` (education,
    qualification, theory) is ``level``; ``admitted``: admitted within the period."""

    kind: str
    level: str
    admitted: bool
    count: int


@dataclass(frozen=True, slots=True)
class MovementCount:
    """People whose membership in the subtree changed in the period (FRM-09).

    ``in_start``: a member on the day before the period; ``in_end``: a member on the as-of
    date; the flags say why (admitted, restored after leaving, died, expelled, exited).
    """

    in_start: bool
    in_end: bool
    admitted: bool
    restored: bool
    died: bool
    expelled: bool
    exited: bool
    count: int


@dataclass(frozen=True, slots=True)
class UnitRow:
    """A Party unit of the subtree on the as-of date, with its direct members."""

    unit_id: int
    parent_id: int | None
    kind: str
    members: int
    level: str = ""  # the level class on the as-of date (OR-08): "grassroots" for a base

    @property
    def is_grassroots(self) -> bool:
        """A grassroots Party organization: its level class says so, or its kind does."""
        return self.level == "grassroots" or self.kind in (
            "grassroots_committee",
            "grassroots_cell",
        )


@dataclass(frozen=True, slots=True)
class StatsCounts:
    """Everything one report needs, counted over one subtree as of one date."""

    start_total: int
    end_total: int
    composition: tuple[CompositionCount, ...]
    levels: tuple[LevelCount, ...]
    movement: tuple[MovementCount, ...]
    discipline: dict[str, int] = field(default_factory=dict)
    units: tuple[UnitRow, ...] = ()
