"""Stored values of the bundle exchange, with their Vietnamese labels (from the service enums)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from canbo.services.bundles import ports as p


class Relation(models.TextChoices):
    SELF = p.Relation.SELF, _("Hệ thống này")
    UPPER = p.Relation.UPPER, _("Cấp trên")
    LOWER = p.Relation.LOWER, _("Cấp dưới")


class Direction(models.TextChoices):
    UP = p.Direction.UP, _("Gửi lên")
    DOWN = p.Direction.DOWN, _("Gửi xuống")


class ReceiptStatus(models.TextChoices):
    CURRENT = p.ReceiptStatus.CURRENT, _("Đang dùng")
    SUPERSEDED = p.ReceiptStatus.SUPERSEDED, _("Đã được thay thế")


class Kind(models.TextChoices):
    """The kinds of data bundles carry, as people read them (codecs: ``canbo.bundles.kinds``)."""

    CONGRESS_RESULTS = "congress_results", _("Kết quả đại hội và bầu cử")
    ELECTION_RESULTS = "election_results", _("Kết quả bầu cử")
    CLASSIFICATION_RESULTS = "classification_results", _("Kết quả đánh giá, xếp loại")
    CONFIDENCE_RESULTS = "confidence_results", _("Kết quả lấy phiếu tín nhiệm")
    STATISTICS = "statistics", _("Thống kê đảng viên và tổ chức đảng")
    SURVEY_SUBMISSIONS = "survey_submissions", _("Báo cáo, phiếu khảo sát đã nộp")
    UNIT_TREE = "unit_tree", _("Cây tổ chức")
    TITLES = "titles", _("Danh mục chức danh")
    REPORT_FORMS = "report_forms", _("Mẫu và yêu cầu báo cáo")
    RULE_PARAMETERS = "rule_parameters", _("Tham số quy định của kỳ")


def kind_label(kind: str) -> str:
    """A kind's label; an unknown kind reads as itself (the crawler then names it)."""
    try:
        return str(Kind(kind).label)
    except ValueError:
        return kind
