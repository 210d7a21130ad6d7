"""Party membership events and identity versions (OR-15, OR-17); relatives' end date.

``PartyEvent``: admission (with the recognition due date), official recognition, official and
temporary transfers of Party activity, exit, expulsion, death. ``PersonVersion``: a person's
identity over a validity interval, so an edit opens a version instead of overwriting.
``Relative.ended_on``: a relation that ended (death, divorce), so that at most one spouse is
living at a time. ``PositionHolding.how`` gains "acting" (giao quyền, phụ trách).
"""

import datetime
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("registry", "0003_search_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="relative",
            name="ended_on",
            field=models.DateField(blank=True, null=True, verbose_name="quan hệ chấm dứt từ"),
        ),
        migrations.AlterField(
            model_name="positionholding",
            name="how",
            field=models.CharField(
                choices=[
                    ("appointed", "Bổ nhiệm"),
                    ("elected", "Bầu"),
                    ("designated", "Chỉ định"),
                    ("approved", "Phê chuẩn"),
                    ("acting", "Giao quyền, phụ trách"),
                ],
                max_length=16,
                verbose_name="hình thức",
            ),
        ),
        migrations.CreateModel(
            name="PartyEvent",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("admitted", "Kết nạp vào Đảng"),
                            ("recognized", "Công nhận đảng viên chính thức"),
                            ("transferred", "Chuyển sinh hoạt đảng chính thức"),
                            ("temporary", "Chuyển sinh hoạt đảng tạm thời"),
                            ("exited", "Ra khỏi Đảng"),
                            ("expelled", "Khai trừ khỏi Đảng"),
                            ("died", "Từ trần"),
                        ],
                        max_length=16,
                        verbose_name="sự kiện",
                    ),
                ),
                ("date", models.DateField(verbose_name="ngày")),
                (
                    "decision_ref",
                    models.CharField(blank=True, max_length=64, verbose_name="số quyết định"),
                ),
                ("until", models.DateField(blank=True, null=True, verbose_name="đến ngày")),
                ("note", models.CharField(blank=True, max_length=255, verbose_name="ghi chú")),
                (
                    "person",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="party_events",
                        to="registry.person",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="registry.orgunit",
                    ),
                ),
            ],
            options={
                "indexes": [
                    models.Index(fields=["person", "date"], name="partyevent_person_hist"),
                    models.Index(fields=["kind", "until"], name="partyevent_kind_due"),
                ],
            },
        ),
        migrations.CreateModel(
            name="PersonVersion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("data", models.JSONField(verbose_name="thông tin")),
                ("valid_from", models.DateField(verbose_name="hiệu lực từ")),
                (
                    "valid_to",
                    models.DateField(
                        default=datetime.date(9999, 12, 31), verbose_name="hiệu lực đến"
                    ),
                ),
                (
                    "person",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="versions",
                        to="registry.person",
                    ),
                ),
            ],
            options={
                "indexes": [
                    models.Index(fields=["person", "valid_from"], name="personver_person_hist")
                ],
            },
        ),
    ]
