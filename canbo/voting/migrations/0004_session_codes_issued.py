"""The number of delegates given a code, kept on the vote session for the cast's cap."""

from django.db import migrations, models


def count_issued(apps, schema_editor):
    VoteSession = apps.get_model("voting", "VoteSession")
    Participation = apps.get_model("voting", "Participation")
    for session in VoteSession.objects.all().only("pk"):
        issued = Participation.objects.filter(session=session, medium="electronic").count()
        VoteSession.objects.filter(pk=session.pk).update(codes_issued=issued)


class Migration(migrations.Migration):
    dependencies = [
        ("voting", "0003_sealed_ballots_spent_codes_committee_key"),
    ]

    operations = [
        migrations.AddField(
            model_name="votesession",
            name="codes_issued",
            field=models.PositiveIntegerField(default=0, verbose_name="số đại biểu đã nhận mã"),
        ),
        migrations.RunPython(count_issued, migrations.RunPython.noop),
    ]
