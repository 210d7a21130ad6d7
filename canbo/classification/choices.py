"""Django choices of the classification cycle, derived from the core and service enums."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from canbo.core.classification.model import Level as CoreLevel
from canbo.core.classification.model import SubjectKind as CoreKind
from canbo.services.classification import ports as m


class Level(models.IntegerChoices):
    HTXS = CoreLevel.HTXS, _("Hoàn thành xuất sắc nhiệm vụ")
    HTT = CoreLevel.HTT, _("Hoàn thành tốt nhiệm vụ")
    HT = CoreLevel.HT, _("Hoàn thành nhiệm vụ")
    KHT = CoreLevel.KHT, _("Không hoàn thành nhiệm vụ")


class SubjectKind(models.TextChoices):
    COLLECTIVE = CoreKind.COLLECTIVE, _("Tập thể")
    LEADER = CoreKind.LEADER, _("Cá nhân lãnh đạo, quản lý")
    INDIVIDUAL = CoreKind.INDIVIDUAL, _("Đảng viên")
    MEMBER_OUTSIDE = CoreKind.MEMBER_OUTSIDE, _("Đảng viên không làm việc trong hệ thống chính trị")


class Step(models.IntegerChoices):
    OPENED = m.Step.OPENED, _("Chưa tự đánh giá")
    SELF = m.Step.SELF, _("Đã tự đánh giá")
    COMMENT = m.Step.COMMENT, _("Đã có ý kiến tập thể")
    APPRAISAL = m.Step.APPRAISAL, _("Đã thẩm định")
    DECISION = m.Step.DECISION, _("Đã quyết định")


class RecordKind(models.TextChoices):
    SELF = m.RecordKind.SELF, _("Bản tự kiểm điểm, tự đánh giá")
    COMMENT = m.RecordKind.COMMENT, _("Ý kiến của chi bộ, tập thể")
    APPRAISAL = m.RecordKind.APPRAISAL, _("Thẩm định của cơ quan tham mưu")
    DECISION = m.RecordKind.DECISION, _("Quyết định của cấp có thẩm quyền")
    RECLASSIFICATION = m.RecordKind.RECLASSIFICATION, _("Xếp loại lại của cấp trên")


class CycleStatus(models.TextChoices):
    OPEN = m.CycleStatus.OPEN, _("Đang đánh giá")
    PUBLISHED = m.CycleStatus.PUBLISHED, _("Đã công bố")


EXEMPTIONS = {
    "excused_from_party_work": _("Được miễn công tác và sinh hoạt đảng"),
    "party_activity_suspended": _("Đang bị đình chỉ sinh hoạt đảng"),
    "admitted_lt_6_months": _("Vào Đảng chưa đủ 6 tháng"),
    m.NEW_ORG: _("Tổ chức mới thành lập chưa đủ 6 tháng"),
}
