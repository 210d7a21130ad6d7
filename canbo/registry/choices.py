"""Django choices derived from the core enums, with translated Vietnamese-first labels."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from canbo.core import records as rec
from canbo.core import types as t


class Pillar(models.TextChoices):
    PARTY = t.Pillar.PARTY, _("Đảng")
    STATE = t.Pillar.STATE, _("Nhà nước")
    FRONT = t.Pillar.FRONT, _("Mặt trận, đoàn thể")


class UnitKind(models.TextChoices):
    CENTRAL_COMMITTEE = t.UnitKind.CENTRAL_COMMITTEE, _("Ban Chấp hành Trung ương")
    POLITBURO = t.UnitKind.POLITBURO, _("Bộ Chính trị")
    SECRETARIAT = t.UnitKind.SECRETARIAT, _("Ban Bí thư")
    CENTRAL_INSPECTION = t.UnitKind.CENTRAL_INSPECTION, _("Ủy ban Kiểm tra Trung ương")
    CENTRAL_ADVISORY_BODY = t.UnitKind.CENTRAL_ADVISORY_BODY, _("Cơ quan tham mưu Trung ương")
    DIRECTLY_UNDER_CENTRAL = t.UnitKind.DIRECTLY_UNDER_CENTRAL, _("Đảng bộ trực thuộc Trung ương")
    PROVINCIAL_PARTY_COMMITTEE = t.UnitKind.PROVINCIAL_PARTY_COMMITTEE, _("Đảng bộ tỉnh, thành phố")
    DISTRICT_PARTY_COMMITTEE = t.UnitKind.DISTRICT_PARTY_COMMITTEE, _("Đảng bộ huyện, quận")
    COMMUNE_PARTY_COMMITTEE = t.UnitKind.COMMUNE_PARTY_COMMITTEE, _("Đảng bộ xã, phường, đặc khu")
    PROVINCIAL_AFFILIATE_COMMITTEE = (
        t.UnitKind.PROVINCIAL_AFFILIATE_COMMITTEE,
        _("Đảng bộ các cơ quan tỉnh"),
    )
    GRASSROOTS_COMMITTEE = t.UnitKind.GRASSROOTS_COMMITTEE, _("Đảng bộ cơ sở")
    GRASSROOTS_CELL = t.UnitKind.GRASSROOTS_CELL, _("Chi bộ cơ sở")
    SUB_COMMITTEE = t.UnitKind.SUB_COMMITTEE, _("Đảng ủy bộ phận")
    CELL = t.UnitKind.CELL, _("Chi bộ trực thuộc")
    PARTY_GROUP = t.UnitKind.PARTY_GROUP, _("Tổ đảng")
    NATIONAL_ASSEMBLY = t.UnitKind.NATIONAL_ASSEMBLY, _("Quốc hội")
    GOVERNMENT = t.UnitKind.GOVERNMENT, _("Chính phủ")
    MINISTRY = t.UnitKind.MINISTRY, _("Bộ, ngành")
    PROVINCE = t.UnitKind.PROVINCE, _("Tỉnh, thành phố trực thuộc Trung ương")
    DISTRICT = t.UnitKind.DISTRICT, _("Huyện, quận, thị xã")
    COMMUNE = t.UnitKind.COMMUNE, _("Xã, phường, đặc khu")
    PEOPLES_COUNCIL = t.UnitKind.PEOPLES_COUNCIL, _("Hội đồng nhân dân")
    PEOPLES_COMMITTEE = t.UnitKind.PEOPLES_COMMITTEE, _("Ủy ban nhân dân")
    AGENCY = t.UnitKind.AGENCY, _("Cơ quan, đơn vị")
    AGENCY_UNIT = t.UnitKind.AGENCY_UNIT, _("Phòng, ban")
    FRONT_COMMITTEE = t.UnitKind.FRONT_COMMITTEE, _("Ủy ban Mặt trận Tổ quốc")
    MASS_ORGANIZATION = t.UnitKind.MASS_ORGANIZATION, _("Đoàn thể")


class LevelClass(models.TextChoices):
    CENTRAL = t.LevelClass.CENTRAL, _("Trung ương")
    DIRECTLY_UNDER_CENTRAL = t.LevelClass.DIRECTLY_UNDER_CENTRAL, _("Trực thuộc Trung ương")
    UPPER_GRASSROOTS = t.LevelClass.UPPER_GRASSROOTS, _("Cấp trên cơ sở")
    GRASSROOTS = t.LevelClass.GRASSROOTS, _("Cơ sở")
    SUB_COMMITTEE = t.LevelClass.SUB_COMMITTEE, _("Đảng ủy bộ phận")
    CELL = t.LevelClass.CELL, _("Chi bộ")
    GROUP = t.LevelClass.GROUP, _("Tổ đảng")
    STATE_CENTRAL = t.LevelClass.STATE_CENTRAL, _("Nhà nước trung ương")
    STATE_PROVINCE = t.LevelClass.STATE_PROVINCE, _("Cấp tỉnh")
    STATE_DISTRICT = t.LevelClass.STATE_DISTRICT, _("Cấp huyện")
    STATE_COMMUNE = t.LevelClass.STATE_COMMUNE, _("Cấp xã")
    STATE_UNIT = t.LevelClass.STATE_UNIT, _("Đơn vị")


class LineageKind(models.TextChoices):
    ESTABLISH = t.LineageKind.ESTABLISH, _("Thành lập")
    MERGE = t.LineageKind.MERGE, _("Hợp nhất")
    ABSORB = t.LineageKind.ABSORB, _("Sáp nhập")
    SPLIT = t.LineageKind.SPLIT, _("Chia tách")
    TRANSFER = t.LineageKind.TRANSFER, _("Điều chuyển")
    RENAME = t.LineageKind.RENAME, _("Đổi tên")
    DISSOLVE = t.LineageKind.DISSOLVE, _("Giải thể")


class Share(models.TextChoices):
    WHOLE = t.Share.WHOLE, _("Toàn bộ")
    PART = t.Share.PART, _("Một phần")


class Sex(models.TextChoices):
    MALE = t.Sex.MALE, _("Nam")
    FEMALE = t.Sex.FEMALE, _("Nữ")


class DisciplineForm(models.TextChoices):
    KHIEN_TRACH = t.DisciplineForm.KHIEN_TRACH, _("Khiển trách")
    CANH_CAO = t.DisciplineForm.CANH_CAO, _("Cảnh cáo")
    CACH_CHUC = t.DisciplineForm.CACH_CHUC, _("Cách chức")
    KHAI_TRU = t.DisciplineForm.KHAI_TRU, _("Khai trừ")


class LeaveKind(models.TextChoices):
    SICK = t.LeaveKind.SICK, _("Nghỉ ốm")
    MATERNITY = t.LeaveKind.MATERNITY, _("Nghỉ thai sản")
    EXCUSED = t.LeaveKind.EXCUSED_FROM_PARTY_WORK, _("Miễn sinh hoạt đảng")
    SUSPENDED = t.LeaveKind.SUSPENDED, _("Đình chỉ sinh hoạt đảng")
    OTHER = t.LeaveKind.OTHER, _("Khác")


class RelationKind(models.TextChoices):
    SPOUSE = t.RelationKind.SPOUSE, _("Vợ, chồng")
    PARENT = t.RelationKind.PARENT, _("Cha, mẹ")
    PARENT_IN_LAW = t.RelationKind.PARENT_IN_LAW, _("Cha, mẹ vợ/chồng")
    CHILD = t.RelationKind.CHILD, _("Con")
    CHILD_IN_LAW = t.RelationKind.CHILD_IN_LAW, _("Con dâu, con rể")
    SIBLING = t.RelationKind.SIBLING, _("Anh, chị, em ruột")
    SIBLING_IN_LAW = t.RelationKind.SIBLING_IN_LAW, _("Anh, chị, em vợ/chồng")
    GRANDPARENT = t.RelationKind.GRANDPARENT, _("Ông, bà")
    GRANDCHILD = t.RelationKind.GRANDCHILD, _("Cháu")
    OTHER = t.RelationKind.OTHER, _("Khác")


class TitleLevel(models.TextChoices):
    CENTRAL = t.TitleLevel.CENTRAL, _("Trung ương quản lý")
    PROVINCIAL = t.TitleLevel.PROVINCIAL, _("Tỉnh quản lý")
    COMMUNE = t.TitleLevel.COMMUNE, _("Xã quản lý")
    GRASSROOTS = t.TitleLevel.GRASSROOTS, _("Cơ sở quản lý")
    DEPARTMENT = t.TitleLevel.DEPARTMENT, _("Cơ quan, đơn vị quản lý")


class MembershipStatus(models.TextChoices):
    PROBATIONARY = t.MembershipStatus.PROBATIONARY, _("Dự bị")
    OFFICIAL = t.MembershipStatus.OFFICIAL, _("Chính thức")


class HowFilled(models.TextChoices):
    APPOINTED = "appointed", _("Bổ nhiệm")
    ELECTED = "elected", _("Bầu")
    DESIGNATED = "designated", _("Chỉ định")
    APPROVED = "approved", _("Phê chuẩn")
    ACTING = "acting", _("Giao quyền, phụ trách")


class PartyEventKind(models.TextChoices):
    ADMITTED = rec.PartyEventKind.ADMITTED, _("Kết nạp vào Đảng")
    RECOGNIZED = rec.PartyEventKind.RECOGNIZED, _("Công nhận đảng viên chính thức")
    TRANSFERRED = rec.PartyEventKind.TRANSFERRED, _("Chuyển sinh hoạt đảng chính thức")
    TEMPORARY = rec.PartyEventKind.TEMPORARY, _("Chuyển sinh hoạt đảng tạm thời")
    EXITED = rec.PartyEventKind.EXITED, _("Ra khỏi Đảng")
    EXPELLED = rec.PartyEventKind.EXPELLED, _("Khai trừ khỏi Đảng")
    DIED = rec.PartyEventKind.DIED, _("Từ trần")
