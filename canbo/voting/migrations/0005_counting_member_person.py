"""A counting committee member may name the registry person they are, so that the minutes print
the person's full name instead of anything taken from the login account."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("registry", "0001_initial_registry"),
        ("voting", "0004_session_codes_issued"),
    ]

    operations = [
        migrations.AddField(
            model_name="countingmember",
            name="person",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="registry.person",
                verbose_name="người",
            ),
        ),
    ]
