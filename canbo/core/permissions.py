"""Who may do what: the one table of roles per action (pure; scope is checked by the services).

Every grant is a role over a subtree of the organization tree (``RoleGrant``). This module
answers only the role half of "may this actor do X on unit U": which roles an action needs.
``canbo.services.access`` combines it with the subtree (the scope half) and is the only place
the services, pages, API and command line ask; the Django scope queries live in
``canbo.accounts.scope``.

Sources: QĐ 96-QĐ/TW (conferences and confidence votes: the organizing committee runs the
conference, the counting committee counts), QĐ 366-QĐ/TW with HD 43-HD/BTCTW (classification:
CL-20 the steps, CL-22 the competent level decides, CL-27 publication).
"""

from __future__ import annotations

from enum import StrEnum

from canbo.core.types import READ_ROLES, WRITE_ROLES, Role


class Action(StrEnum):
    """Things an actor does over a unit of the tree (the unit names the scope)."""

    READ = "read"  # read the unit's subtree: units, people, records
    WRITE_RECORDS = "write_records"  # change the registry and personnel records
    SEE_CONFERENCE = "see_conference"  # see a conference, its votes and certified results
    RUN_CONFERENCE = "run_conference"  # create, plan, convene, open and close votes
    STAFF_CONFERENCE = "staff_conference"  # check in delegates, project, count, sign
    COUNT_VOTES = "count_votes"  # the counting committee: key, paper entry, count, sign, publish
    OPEN_CYCLE = "open_cycle"  # open a classification cycle over the unit (CL-03)
    COMPUTE_CYCLE = "compute_cycle"  # recompute every proposal of the cycle (CL-12)
    TAKE_PART_IN_CYCLE = "take_part_in_cycle"  # see the cycle and levels before publication
    SELF_ASSESS = "self_assess"  # enter self-assessments (CL-20 step 1)
    COMMENT = "comment"  # the collective's comments (CL-20 step 2)
    APPRAISE = "appraise"  # appraisal by the advisory body (CL-20 step 3)
    DECIDE = "decide"  # decision, quota resolution, publication (CL-20 step 4, CL-22, CL-27)
    COMPLAIN = "complain"  # a complaint about a published level
    RECLASSIFY = "reclassify"  # re-classification by the superior standing committee
    # Power control in cadre work (QĐ 114-QĐ/TW): the control report for the inspection
    # committees (PC-15, PC-19) and declared close acquaintances (PC-21).
    SEE_CONTROL = "see_control"
    DECLARE_RELATIONSHIP = "declare_relationship"
    # Report requests and surveys: the higher level sends a form, the lower level answers.
    REQUEST_REPORTS = "request_reports"
    SUBMIT_REPORTS = "submit_reports"
    # The work programme of the organization sector: projects, tasks, progress, documents.
    MANAGE_PROGRAMME = "manage_programme"
    EXCHANGE_BUNDLES = "exchange_bundles"  # export, verify and import signed bundles
    SEE_REPORTS = "see_reports"  # statistics and results reports of the subtree


ROLES: dict[Action, frozenset[Role]] = {
    Action.READ: READ_ROLES,
    Action.WRITE_RECORDS: WRITE_ROLES,
    Action.SEE_CONFERENCE: READ_ROLES | {Role.COUNTING_COMMITTEE},
    Action.RUN_CONFERENCE: WRITE_ROLES,
    Action.STAFF_CONFERENCE: WRITE_ROLES | {Role.COUNTING_COMMITTEE},
    # Membership of the session's counting committee (EL-06, EL-07), checked by the services
    # against the session's own list; the role names who that is, a grant alone is not enough.
    Action.COUNT_VOTES: frozenset({Role.COUNTING_COMMITTEE}),
    # The organization commission over its subtree (CL-03), and the administrator of the whole
    # tree, who can already compute any cycle and must be able to open one in the browser.
    Action.OPEN_CYCLE: frozenset({Role.ORG_STAFF, Role.ADMIN}),
    # The commission that opened the cycle, and the system administrator who runs a national
    # cycle from the console (``canbo classification compute``).
    Action.COMPUTE_CYCLE: frozenset({Role.ORG_STAFF, Role.ADMIN}),
    Action.TAKE_PART_IN_CYCLE: frozenset(
        {Role.CELL_SECRETARY, Role.ORG_STAFF, Role.STANDING_COMMITTEE, Role.ADMIN}
    ),
    Action.SELF_ASSESS: frozenset({Role.CELL_SECRETARY, Role.ORG_STAFF}),
    Action.COMMENT: frozenset({Role.CELL_SECRETARY, Role.ORG_STAFF}),
    Action.APPRAISE: frozenset({Role.ORG_STAFF}),
    Action.DECIDE: frozenset({Role.STANDING_COMMITTEE}),
    Action.COMPLAIN: READ_ROLES,
    Action.RECLASSIFY: frozenset({Role.STANDING_COMMITTEE}),
    # The inspection committee (Ủy ban Kiểm tra) reads the control report of its subtree
    # (PC-15); the administrator of the whole tree too. Never a voter-ballot link: none exists.
    Action.SEE_CONTROL: frozenset({Role.INSPECTOR, Role.ADMIN}),
    # A close acquaintance is declared by the person through personnel staff, or found by an
    # inspector (PC-21).
    Action.DECLARE_RELATIONSHIP: WRITE_ROLES | {Role.INSPECTOR},
    # A report request is sent by the organization commission of the requesting unit; a unit
    # asked for a report answers through its organization staff or its cell secretary.
    Action.REQUEST_REPORTS: WRITE_ROLES,
    Action.SUBMIT_REPORTS: WRITE_ROLES | {Role.CELL_SECRETARY},
    Action.MANAGE_PROGRAMME: WRITE_ROLES,
    # Signed bundles between installations: the organization commission of the scope and the
    # administrator, who also registers the other installations and their keys.
    Action.EXCHANGE_BUNDLES: frozenset({Role.ORG_STAFF, Role.ADMIN}),
    # Statistics and results reports (FRM-08, OR-20): whoever reads the subtree.
    Action.SEE_REPORTS: READ_ROLES,
}
"""The roles each action needs over the unit's subtree; every action has an entry."""


def roles_for(action: Action) -> frozenset[Role]:
    """The roles that may take ``action`` (over the subtree that contains the unit)."""
    return ROLES[action]


def cycle_participants() -> frozenset[Role]:
    """Whoever may see a classification cycle whose scope meets theirs: its readers, those
    who take its steps and those who compute it."""
    return ROLES[Action.READ] | ROLES[Action.TAKE_PART_IN_CYCLE] | ROLES[Action.COMPUTE_CYCLE]


def _check_table() -> None:
    missing = [a for a in Action if a not in ROLES]
    if missing:
        raise ValueError(f"actions without roles: {missing}")


_check_table()
