"""Statistics summary of a cycle by top unit, kind and state; counted for existing cycles."""

import django.db.models.deletion
from django.db import migrations, models

COUNT_EXISTING = """
INSERT INTO classification_levelcount (cycle_id, top_id, kind, state, subjects)
SELECT cycle_id, top_id, kind, state, COUNT(*) FROM (
    SELECT cycle_id, top_id, kind,
        CASE WHEN exemption <> '' THEN 'exempt' WHEN final_level IS NULL THEN 'pending'
             WHEN final_level = 3 THEN 'HTXS' WHEN final_level = 2 THEN 'HTT'
             WHEN final_level = 1 THEN 'HT' ELSE 'KHT' END AS state
    FROM classification_cyclesubject
) t GROUP BY cycle_id, top_id, kind, state
"""


class Migration(migrations.Migration):
    dependencies = [
        ("classification", "0001_cycle_subjects_records_quota_complaints"),
    ]

    operations = [
        migrations.CreateModel(
            name="LevelCount",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("top_id", models.BigIntegerField()),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("collective", "Tập thể"),
                            ("leader", "Cá nhân lãnh đạo, quản lý"),
                            ("individual", "Đảng viên"),
                            ("member_outside", "Đảng viên không làm việc trong hệ thống chính trị"),
                        ],
                        max_length=16,
                    ),
                ),
                ("state", models.CharField(max_length=8)),
                ("subjects", models.IntegerField(default=0)),
                (
                    "cycle",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="classification.cycle",
                    ),
                ),
            ],
            options={
                "verbose_name": "số đối tượng theo mức",
                "verbose_name_plural": "số đối tượng theo mức",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("cycle", "top_id", "kind", "state"), name="cllevelcount_unique"
                    )
                ],
            },
        ),
        migrations.RunSQL(COUNT_EXISTING, migrations.RunSQL.noop),
    ]
