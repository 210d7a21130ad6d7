"""The personal history use cases on the in-memory fakes: an entry checked, scoped and audited
in one transaction; an entry ended once; a photo refused before anything is stored."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from canbo.core import personal_history as ph
from canbo.core.errors import NotFound, PermissionDenied, ValidationError
from canbo.core.types import PersonId, Role
from canbo.services.registry import personal_history as service
from tests.fakes.registry import FakeRegistryUnitOfWork
from tests.unit.services.world import TODAY, Tree, person, small_tree, staff

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


class FakeHistoryRepository:
    def __init__(self) -> None:
        self.items: dict[int, tuple[PersonId, ph.HistoryItemData, dt.date | None]] = {}
        self.photos: dict[int, tuple[PersonId, str, str]] = {}

    def add(self, person_id: PersonId, data: ph.HistoryItemData) -> int:
        item_id = len(self.items) + 1
        self.items[item_id] = (person_id, data, None)
        return item_id

    def get(self, person_id: PersonId, item_id: int) -> ph.HistoryItemData | None:
        found = self.items.get(item_id)
        if found is None or found[0] != person_id or found[2] is not None:
            return None
        return found[1]

    def end(self, person_id: PersonId, item_id: int, ended_on: dt.date) -> None:
        owner, data, _ = self.items[item_id]
        self.items[item_id] = (owner, data, ended_on)

    def add_photo(
        self, person_id: PersonId, content: bytes, media_type: str, sha256: str, day: dt.date
    ) -> int:
        photo_id = len(self.photos) + 1
        self.photos[photo_id] = (person_id, media_type, sha256)
        return photo_id


class FakePersonalHistoryUnitOfWork(FakeRegistryUnitOfWork):
    def __init__(self) -> None:
        super().__init__()
        self.history = FakeHistoryRepository()

    def _repositories(self) -> list[object]:
        return [*super()._repositories(), self.history]


@pytest.fixture
def uow() -> FakePersonalHistoryUnitOfWork:
    return FakePersonalHistoryUnitOfWork()


@pytest.fixture
def tree(uow: FakePersonalHistoryUnitOfWork) -> Tree:
    return small_tree(uow)


THEORY = ph.HistoryItemData(ph.HistoryKind.THEORY, dt.date(2026, 1, 5), level="trung_cap")


def test_an_entry_is_stored_and_audited(uow: FakePersonalHistoryUnitOfWork, tree: Tree) -> None:
    an = person(uow, "Nguyễn Văn An", tree.cell_a)
    clerk = staff("tochuc", Role.ORG_STAFF, tree.commune)
    item_id = service.add_item(uow, clerk, an, THEORY, TODAY)
    assert uow.history.get(an, item_id) == THEORY
    assert uow.audit.actions[-1] == "history.theory.add"
    assert uow.audit.entries[-1].after is not None
    assert uow.audit.entries[-1].after["level"] == "trung_cap"


def test_a_bad_level_is_refused_before_anything_is_written(
    uow: FakePersonalHistoryUnitOfWork, tree: Tree
) -> None:
    an = person(uow, "Nguyễn Văn An", tree.cell_a)
    clerk = staff("tochuc", Role.ORG_STAFF, tree.commune)
    written = len(uow.audit.entries)
    with pytest.raises(ValidationError):
        service.add_item(uow, clerk, an, dataclasses.replace(THEORY, level="thac_si"), TODAY)
    assert not uow.history.items
    assert len(uow.audit.entries) == written


def test_outside_the_scope_and_a_reader_are_refused(
    uow: FakePersonalHistoryUnitOfWork, tree: Tree
) -> None:
    an = person(uow, "Nguyễn Văn An", tree.cell_a)
    other_secretary = staff("bithu", Role.CELL_SECRETARY, tree.cell_b)
    with pytest.raises(NotFound):
        service.add_item(uow, other_secretary, an, THEORY, TODAY)
    with pytest.raises(NotFound):
        service.add_photo(uow, other_secretary, an, PNG, TODAY)
    reader = staff("xem", Role.VIEWER, tree.commune)
    with pytest.raises(PermissionDenied):
        service.add_item(uow, reader, an, THEORY, TODAY)
    assert not uow.history.items and not uow.history.photos


def test_an_entry_ends_once_and_not_before_it_was_declared(
    uow: FakePersonalHistoryUnitOfWork, tree: Tree
) -> None:
    an = person(uow, "Nguyễn Văn An", tree.cell_a)
    clerk = staff("tochuc", Role.ORG_STAFF, tree.commune)
    item_id = service.add_item(uow, clerk, an, THEORY, TODAY)
    with pytest.raises(ValidationError):
        service.end_item(uow, clerk, an, item_id, dt.date(2025, 12, 31), TODAY)
    service.end_item(uow, clerk, an, item_id, dt.date(2026, 6, 1), TODAY)
    assert uow.audit.actions[-1] == "history.theory.end"
    with pytest.raises(NotFound):
        service.end_item(uow, clerk, an, item_id, dt.date(2026, 6, 1), TODAY)


def test_a_photo_that_is_not_an_image_is_refused_and_nothing_is_stored(
    uow: FakePersonalHistoryUnitOfWork, tree: Tree
) -> None:
    an = person(uow, "Nguyễn Văn An", tree.cell_a)
    clerk = staff("tochuc", Role.ORG_STAFF, tree.commune)
    with pytest.raises(ValidationError) as caught:
        service.add_photo(uow, clerk, an, b"GIF89a....", TODAY)
    assert caught.value.code == "photo_not_image"
    assert not uow.history.photos
    service.add_photo(uow, clerk, an, PNG, TODAY)
    (stored,) = uow.history.photos.values()
    assert stored[1] == "image/png"
    assert uow.audit.actions[-1] == "history.photo.add"
