"""Pure classification engine: xếp loại chất lượng under QĐ 366 / HD 43 and QĐ 124 / HD 25.

Rules are those of the domain handbook, classification.md (CL-*, CL124-*); every proposal
carries the trail of reasons with their citations and the unconfirmed parameters it used.
"""

from canbo.core.classification.engine import Engine, engine_for_cycle
from canbo.core.classification.model import (
    Effect,
    Level,
    Proposal,
    Reason,
    Subject,
    SubjectId,
    SubjectKind,
)
from canbo.core.classification.params import Parameters
from canbo.core.classification.quota import QuotaAggregator, QuotaLine
from canbo.core.classification.rulebook import RulebookId, rulebook_for_cycle
from canbo.core.rulebook import Rulebook

__all__ = [
    "Effect",
    "Engine",
    "Level",
    "Parameters",
    "Proposal",
    "QuotaAggregator",
    "QuotaLine",
    "Reason",
    "Rulebook",
    "RulebookId",
    "Subject",
    "SubjectId",
    "SubjectKind",
    "engine_for_cycle",
    "rulebook_for_cycle",
]
