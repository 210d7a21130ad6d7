from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("registry", "0005_personal_history_items_and_photos")]

    operations = [
        migrations.AddField(
            model_name="person",
            name="religion",
            field=models.CharField(
                blank=True, db_default="", max_length=64, verbose_name="tôn giáo"
            ),
        ),
        migrations.AddField(
            model_name="lineagelink",
            name="weight",
            field=models.PositiveSmallIntegerField(
                blank=True,
                help_text="Phần của đơn vị trước chuyển sang đơn vị sau, tính theo phần nghìn",
                null=True,
                verbose_name="tỷ trọng (phần nghìn)",
            ),
        ),
    ]
