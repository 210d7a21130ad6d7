"""Django adapter of the personal history port: entries, and photos in the data folder."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from django.conf import settings

from canbo.core.errors import ValidationError
from canbo.core.personal_history import HistoryItemData, HistoryKind
from canbo.core.types import PersonId

from . import models
from .uow import DjangoRegistryUnitOfWork

PHOTO_DIR = "photos"
_EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png"}


def photo_root() -> Path:
    """Where photos are kept: ``photos/`` in the data folder's files (never served as static)."""
    return Path(settings.MEDIA_ROOT) / PHOTO_DIR


def item_to_domain(row: models.HistoryItem) -> HistoryItemData:
    return HistoryItemData(
        kind=HistoryKind(row.kind),
        declared_on=row.declared_on,
        level=row.level,
        field_name=row.field_name,
        institution=row.institution,
        year=row.year,
        starts=row.starts,
        ends=row.ends,
        decision_ref=row.decision_ref,
        note=row.note,
    )


def _decodes(content: bytes) -> bool:
    """Pillow, when installed, decodes the whole image; without it the first bytes decide."""
    try:
        from PIL import Image
    except ImportError:  # pragma: no cover - Pillow comes with reportlab
        return True
    try:
        with Image.open(io.BytesIO(content)) as image:
            image.verify()
            return image.format in ("JPEG", "PNG")
    except Exception:
        return False


class DjangoHistoryRepository:
    def add(self, person_id: PersonId, data: HistoryItemData) -> int:
        row = models.HistoryItem.objects.create(
            person_id=person_id,
            kind=str(data.kind),
            level=data.level,
            field_name=data.field_name,
            institution=data.institution,
            year=data.year,
            starts=data.starts,
            ends=data.ends,
            decision_ref=data.decision_ref,
            note=data.note,
            declared_on=data.declared_on,
        )
        return int(row.pk)

    def get(self, person_id: PersonId, item_id: int) -> HistoryItemData | None:
        row = models.HistoryItem.objects.filter(
            pk=item_id, person_id=person_id, ended_on__isnull=True
        ).first()
        return None if row is None else item_to_domain(row)

    def end(self, person_id: PersonId, item_id: int, ended_on: dt.date) -> None:
        models.HistoryItem.objects.filter(pk=item_id, person_id=person_id).update(ended_on=ended_on)

    def add_photo(
        self, person_id: PersonId, content: bytes, media_type: str, sha256: str, day: dt.date
    ) -> int:
        if not _decodes(content):
            raise ValidationError("photo_not_image", field="photo")
        relative = f"{PHOTO_DIR}/{int(person_id)}/{sha256}.{_EXTENSIONS[media_type]}"
        target = Path(settings.MEDIA_ROOT) / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            target.write_bytes(content)
        row = models.PersonPhoto.objects.create(
            person_id=person_id,
            path=relative,
            media_type=media_type,
            size=len(content),
            sha256=sha256,
            uploaded_on=day,
        )
        return int(row.pk)


class DjangoPersonalHistoryUnitOfWork(DjangoRegistryUnitOfWork):
    """The registry's unit of work with the personal history repository."""

    def __init__(self) -> None:
        super().__init__()
        self.history = DjangoHistoryRepository()
