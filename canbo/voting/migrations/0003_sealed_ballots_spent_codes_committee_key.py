"""Sealed ballots, spent codes and the counting committee's public key.

Voter codes are no longer stored when issued (they carry a keyed tag); only a spent code leaves
a row. Ballots are sealed to the committee's key while the vote runs and opened at counting.
Upgrade with no vote open: a vote opened under the previous scheme has stored codes that this
version no longer reads.
"""

import uuid

from django.db import migrations, models
import django.db.models.deletion


class Migration(migrations.Migration):
    dependencies = [
        ("voting", "0002_ballot_marks_compact"),
    ]

    operations = [
        migrations.DeleteModel(name="VoterCode"),
        migrations.CreateModel(
            name="SpentCode",
            fields=[
                ("id", models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ("code_hash", models.CharField(max_length=64, unique=True)),
                ("session", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="+", to="voting.votesession")),
            ],
        ),
        migrations.CreateModel(
            name="SealedBallot",
            fields=[
                ("id", models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ("box", models.BinaryField()),
                ("session", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="+", to="voting.votesession")),
            ],
        ),
        migrations.AlterField(
            model_name="ballot",
            name="receipt",
            field=models.CharField(db_index=True, max_length=16),
        ),
        migrations.AddField(
            model_name="votesession",
            name="ballot_key",
            field=models.CharField(blank=True, max_length=64, verbose_name="khóa công khai của ban kiểm phiếu"),
        ),
        migrations.AddField(
            model_name="votesession",
            name="key_threshold",
            field=models.PositiveSmallIntegerField(null=True),
        ),
        migrations.AddField(
            model_name="votesession",
            name="key_shares",
            field=models.PositiveSmallIntegerField(null=True),
        ),
        migrations.AddField(
            model_name="votesession",
            name="slips_printed",
            field=models.PositiveIntegerField(default=0, verbose_name="số phiếu mã đã in"),
        ),
        migrations.AddField(
            model_name="votesession",
            name="guessing_alerts",
            field=models.PositiveIntegerField(default=0),
        ),
    ]
