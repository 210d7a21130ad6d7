# Adds the standing-committee role (thường trực cấp ủy), who decides classification levels (CL-22).


from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial_accounts")]

    operations = [
        migrations.AlterField(
            model_name="rolegrant",
            name="role",
            field=models.CharField(
                choices=[
                    ("admin", "Quản trị hệ thống"),
                    ("org_staff", "Cán bộ Ban Tổ chức"),
                    ("viewer", "Xem"),
                    ("inspector", "Kiểm tra"),
                    ("cell_secretary", "Bí thư chi bộ"),
                    ("counting_committee", "Ban kiểm phiếu"),
                    ("standing_committee", "Thường trực cấp ủy"),
                ],
                max_length=32,
                verbose_name="vai trò",
            ),
        ),
    ]
