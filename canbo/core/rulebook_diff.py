"""The regulatory change between two rulebooks, as data (``canbo rules diff A B``).

Documents and periods; parameters added, removed or whose documented default changed;
thresholds added, removed or changed (fraction, comparison, base or what follows); and the
handbook rules (citation IDs) added or removed. Thresholds are compared on substance: the same
fraction of the same base with the same outcome is unchanged even when a newer rule cites it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from canbo.core.rulebook import ParamValue, Rulebook, Threshold


@dataclass(frozen=True, slots=True)
class ParamChange:
    name: str
    old: ParamValue
    new: ParamValue


@dataclass(frozen=True, slots=True)
class ThresholdChange:
    key: str
    old: str
    new: str


@dataclass(frozen=True, slots=True)
class RulebookDiff:
    """What changed from ``old`` to ``new``; every tuple is sorted, so the diff is deterministic."""

    old: str
    new: str
    documents: tuple[tuple[str, ...], tuple[str, ...]]
    periods: tuple[str, str]
    params_added: tuple[str, ...]
    params_removed: tuple[str, ...]
    params_changed: tuple[ParamChange, ...]
    thresholds_added: tuple[str, ...]
    thresholds_removed: tuple[str, ...]
    thresholds_changed: tuple[ThresholdChange, ...]
    rules_added: tuple[str, ...]
    rules_removed: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "old": self.old,
            "new": self.new,
            "documents": {"old": list(self.documents[0]), "new": list(self.documents[1])},
            "periods": {"old": self.periods[0], "new": self.periods[1]},
            "parameters": {
                "added": list(self.params_added),
                "removed": list(self.params_removed),
                "default_changed": [
                    {"name": c.name, "old": _plain(c.old), "new": _plain(c.new)}
                    for c in self.params_changed
                ],
            },
            "thresholds": {
                "added": list(self.thresholds_added),
                "removed": list(self.thresholds_removed),
                "changed": [
                    {"key": c.key, "old": c.old, "new": c.new} for c in self.thresholds_changed
                ],
            },
            "rules": {"added": list(self.rules_added), "removed": list(self.rules_removed)},
        }


def _plain(value: ParamValue) -> Any:
    return list(value) if isinstance(value, tuple) else value


def period_text(book: Rulebook) -> str:
    """``2014-11-28 … 2023-06-30`` or ``2023-07-01 …`` while in force."""
    end = book.effective_to.isoformat() if book.effective_to else ""
    return f"{book.effective_from.isoformat()} … {end}".rstrip()


def threshold_text(threshold: Threshold) -> str:
    """``key: >= 2/3 total_deputies => no_confidence_vote, may_resign``."""
    return f"{threshold.key}: {_substance(threshold)}"


def _substance(t: Threshold) -> str:
    text = f"{t.comparison} {t.numerator}/{t.denominator} {t.base}"
    return f"{text} => {', '.join(t.outcome)}" if t.outcome else text


def diff_rulebooks(old: Rulebook, new: Rulebook) -> RulebookDiff:
    """The change from ``old`` to ``new`` (GEN-01: what a case gains or loses by its date)."""
    old_specs = {s.name: s for s in old.specs}
    new_specs = {s.name: s for s in new.specs}
    changed = tuple(
        ParamChange(name, old_specs[name].default, new_specs[name].default)
        for name in sorted(old_specs.keys() & new_specs.keys())
        if old_specs[name].default != new_specs[name].default
    )
    old_t = {t.key: t for t in old.thresholds}
    new_t = {t.key: t for t in new.thresholds}
    t_changed = tuple(
        ThresholdChange(key, _substance(old_t[key]), _substance(new_t[key]))
        for key in sorted(old_t.keys() & new_t.keys())
        if _substance(old_t[key]) != _substance(new_t[key])
    )
    return RulebookDiff(
        old=old.rulebook_id,
        new=new.rulebook_id,
        documents=(old.documents, new.documents),
        periods=(period_text(old), period_text(new)),
        params_added=tuple(sorted(new_specs.keys() - old_specs.keys())),
        params_removed=tuple(sorted(old_specs.keys() - new_specs.keys())),
        params_changed=changed,
        thresholds_added=tuple(threshold_text(new_t[k]) for k in sorted(new_t.keys() - old_t)),
        thresholds_removed=tuple(threshold_text(old_t[k]) for k in sorted(old_t.keys() - new_t)),
        thresholds_changed=t_changed,
        rules_added=tuple(sorted(set(new.rules) - set(old.rules))),
        rules_removed=tuple(sorted(set(old.rules) - set(new.rules))),
    )
