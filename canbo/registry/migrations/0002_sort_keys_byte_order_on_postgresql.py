"""Collation keys compare byte by byte: give the sort_key columns the "C" collation on PostgreSQL.

A cluster created with a linguistic locale (vi_VN, en_US) would otherwise order the ASCII keys
with its own rules (ignoring punctuation), breaking the Vietnamese official order. SQLite
compares text bytewise already, so nothing is done there.
"""

from django.db import migrations

COLUMNS = [("registry_person", "sort_key"), ("registry_unitversion", "sort_key")]


def to_c_collation(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, column in COLUMNS:
        schema_editor.execute(
            f'ALTER TABLE {table} ALTER COLUMN {column} TYPE varchar(400) COLLATE "C"'
        )


class Migration(migrations.Migration):
    dependencies = [("registry", "0001_initial_registry")]

    operations = [migrations.RunPython(to_c_collation, migrations.RunPython.noop)]
