"""Ports and values of nomination and appointment processes; the ``appointments`` app provides
the adapters.

A process (in place, outside source or reappointment) proposes one post (a registry title in a
unit) for one or more candidates; its steps follow the procedure of the appointment rulebook in
force (``canbo.core.appointments.steps``); a step with a ballot is a meeting: a conference of
the voting context with its convened list and a vote session of the voting engine. Conditions
are read through the planning facts assembler and judged by ``canbo.core.appointments
.eligibility``; the decision writes the registry post through the registry's own record use
case.
"""

from __future__ import annotations

from enum import StrEnum


class ProcessKind(StrEnum):
    """The procedure a process follows (values of ``canbo.core.appointments.steps
    .ProcedureKind``)."""

    IN_PLACE = "in_place"  # AP-11..AP-17
    OUTSIDE = "outside"  # AP-18, ST-04
    REAPPOINTMENT = "reappointment"  # TR-02


class StepKindValue(StrEnum):
    """The steps of the procedures (values of ``canbo.core.appointments.steps.StepKind``)."""

    LEADERSHIP_FIRST = "leadership_first"
    WIDER = "wider"
    LEADERSHIP_NOMINATE = "leadership_nominate"
    KEY_CADRES = "key_cadres"
    LEADERSHIP_DECIDE = "leadership_decide"
    RECEIVING_TALKS = "receiving_talks"
    SENDING_VOTE = "sending_vote"
    REPORT = "report"
    COLLECTIVE_VOTE = "collective_vote"


class ProcessStatus(StrEnum):
    OPEN = "open"  # steps under way
    STOPPED = "stopped"  # an unconfirmed case waits for the competent level (AP-17)
    READY = "ready"  # every step done: the decision may be recorded
    DECIDED = "decided"
    CLOSED = "closed"  # ended without an appointment


class StepStatus(StrEnum):
    PENDING = "pending"
    CONVENED = "convened"  # the meeting is convened, check-in open
    VOTING = "voting"  # the vote session is open
    CLOSED = "closed"  # counted (or held, without a ballot), outcome recorded
    STOPPED = "stopped"  # outcome needs the competent level's decision


class CandidateSource(StrEnum):
    IN_PLACE = "in_place"
    OUTSIDE = "outside"


class RecusalOutcome(StrEnum):
    RECUSED = "recused"
    OVERRIDDEN = "overridden"


class ComplaintStatus(StrEnum):
    OPEN = "open"
    RESOLVED = "resolved"
    REFERRED = "referred"


class ParticipantRole(StrEnum):
    """Roles in a process (values of ``canbo.core.power.model.Role``, PC-14)."""

    PROPOSER = "proposer"
    ADVISER = "adviser"
    APPRAISER = "appraiser"
    VOTER = "voter"
    COUNTER = "counter"
    DECIDER = "decider"
