"""Ballot marks as one character per person (ascending person id): H, M, L, or - for none."""

from django.db import migrations, models

CODES = {"high": "H", "mid": "M", "low": "L"}


def to_compact(apps, schema_editor):
    Ballot = apps.get_model("voting", "Ballot")
    VoteSubject = apps.get_model("voting", "VoteSubject")
    orders = {}
    for ballot in Ballot.objects.all():
        if ballot.session_id not in orders:
            ids = VoteSubject.objects.filter(session_id=ballot.session_id).order_by("person_id")
            orders[ballot.session_id] = [str(p) for p in ids.values_list("person_id", flat=True)]
        marks = ballot.marks_json or {}
        ballot.marks = "".join(CODES.get(marks.get(p, ""), "-") for p in orders[ballot.session_id])
        ballot.save(update_fields=["marks"])


def to_json(apps, schema_editor):
    Ballot = apps.get_model("voting", "Ballot")
    VoteSubject = apps.get_model("voting", "VoteSubject")
    levels = {v: k for k, v in CODES.items()}
    for ballot in Ballot.objects.all():
        ids = VoteSubject.objects.filter(session_id=ballot.session_id).order_by("person_id")
        order = [str(p) for p in ids.values_list("person_id", flat=True)]
        ballot.marks_json = {p: levels[c] for p, c in zip(order, ballot.marks) if c in levels}
        ballot.save(update_fields=["marks_json"])


class Migration(migrations.Migration):
    dependencies = [("voting", "0001_vote_sessions_codes_ballots_results")]

    operations = [
        migrations.RenameField("ballot", "marks", "marks_json"),
        migrations.AddField("ballot", "marks", models.TextField(default="")),
        migrations.RunPython(to_compact, to_json),
        migrations.RemoveField("ballot", "marks_json"),
        migrations.AlterField("ballot", "marks", models.TextField()),
    ]
