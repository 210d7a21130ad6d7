"""Subjects: no single-column index on the foreign keys (composite indexes start with them)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("classification", "0002_level_counts_by_top_unit"),
        ("registry", "0002_sort_keys_byte_order_on_postgresql"),
    ]

    operations = [
        migrations.AlterField(
            model_name="cyclesubject",
            name="cycle",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="subjects",
                to="classification.cycle",
            ),
        ),
        migrations.AlterField(
            model_name="cyclesubject",
            name="person",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="registry.person",
            ),
        ),
        migrations.AlterField(
            model_name="cyclesubject",
            name="unit",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="registry.orgunit",
            ),
        ),
    ]
