"""Proposals move from the subject row to a narrow table of their own (data kept).

A subject with a proposed level or rules gets a proposal row; the two columns then leave the
subject table. Backwards, the values go back on the subject rows before the table is dropped.
"""

import django.db.models.deletion
from django.db import migrations, models

COPY_OUT = (
    "INSERT INTO classification_proposal (subject_id, level, rules) "
    "SELECT id, proposed_level, proposed_rules FROM classification_cyclesubject "
    "WHERE proposed_level IS NOT NULL OR proposed_rules <> ''"
)
COPY_BACK = (
    "UPDATE classification_cyclesubject SET "
    "proposed_level = (SELECT p.level FROM classification_proposal p "
    "WHERE p.subject_id = classification_cyclesubject.id), "
    "proposed_rules = COALESCE((SELECT p.rules FROM classification_proposal p "
    "WHERE p.subject_id = classification_cyclesubject.id), '') "
    "WHERE id IN (SELECT subject_id FROM classification_proposal)"
)


class Migration(migrations.Migration):
    dependencies = [
        ("classification", "0003_subjects_without_duplicate_key_indexes"),
    ]

    operations = [
        migrations.CreateModel(
            name="Proposal",
            fields=[
                (
                    "subject",
                    models.OneToOneField(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="proposal",
                        serialize=False,
                        to="classification.cyclesubject",
                    ),
                ),
                (
                    "level",
                    models.SmallIntegerField(
                        blank=True,
                        choices=[
                            (3, "Hoàn thành xuất sắc nhiệm vụ"),
                            (2, "Hoàn thành tốt nhiệm vụ"),
                            (1, "Hoàn thành nhiệm vụ"),
                            (0, "Không hoàn thành nhiệm vụ"),
                        ],
                        null=True,
                        verbose_name="mức đề xuất",
                    ),
                ),
                ("rules", models.CharField(blank=True, max_length=64)),
            ],
            options={
                "verbose_name": "mức đề xuất",
                "verbose_name_plural": "mức đề xuất",
            },
        ),
        migrations.RunSQL(COPY_OUT, COPY_BACK),
        migrations.RemoveField(model_name="cyclesubject", name="proposed_level"),
        migrations.RemoveField(model_name="cyclesubject", name="proposed_rules"),
    ]
