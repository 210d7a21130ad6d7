"""The unit of work of congresses: the voting unit of work (the congress's conference,
check-in and vote sessions, on the same transaction and write queue) with the congress
repository and the roster added."""

from __future__ import annotations

from canbo.voting.uow import DjangoVotingUnitOfWork

from .repository import DjangoCongressRepository, DjangoRoster


class DjangoCongressUnitOfWork(DjangoVotingUnitOfWork):
    """One database transaction; ``commit()`` must be called or everything is rolled back."""

    def __init__(self) -> None:
        super().__init__()
        self.congresses = DjangoCongressRepository()
        self.roster = DjangoRoster()
