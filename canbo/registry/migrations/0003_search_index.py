"""The search index: one row of folded words per person and per unit, and a text index over it.

SQLite: an FTS5 virtual table with external content (the rows of ``registry_searchentry``),
kept in step by triggers, with prefix indexes for prefixes of one to eight letters (a prefix
query then reads one term lazily instead of merging every term it covers). PostgreSQL:
a GIN index over ``canbo_search_vector(keys, context, scope)``, a ``tsvector`` of every word
with its prefixes of up to eight letters (weight A) and the scope tokens (weight D), so that
queries ask exact terms; and a B-tree on the keys for names typed in their written order over
the whole tree.
Existing people and units are indexed by ``canbo manage rebuild_search_index`` (the demo and
the bulk import do it themselves).
"""

from django.db import migrations, models

SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE registry_search_fts USING fts5(
        keys, context, scope,
        content='registry_searchentry', content_rowid='id',
        tokenize='unicode61 remove_diacritics 0', prefix='1 2 3 4 5 6 7 8')""",
    """CREATE TRIGGER registry_searchentry_ai AFTER INSERT ON registry_searchentry BEGIN
        INSERT INTO registry_search_fts(rowid, keys, context, scope)
        VALUES (new.id, new.keys, new.context, new.scope);
    END""",
    """CREATE TRIGGER registry_searchentry_ad AFTER DELETE ON registry_searchentry BEGIN
        INSERT INTO registry_search_fts(registry_search_fts, rowid, keys, context, scope)
        VALUES ('delete', old.id, old.keys, old.context, old.scope);
    END""",
    """CREATE TRIGGER registry_searchentry_au AFTER UPDATE ON registry_searchentry BEGIN
        INSERT INTO registry_search_fts(registry_search_fts, rowid, keys, context, scope)
        VALUES ('delete', old.id, old.keys, old.context, old.scope);
        INSERT INTO registry_search_fts(rowid, keys, context, scope)
        VALUES (new.id, new.keys, new.context, new.scope);
    END""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS registry_searchentry_au",
    "DROP TRIGGER IF EXISTS registry_searchentry_ad",
    "DROP TRIGGER IF EXISTS registry_searchentry_ai",
    "DROP TABLE IF EXISTS registry_search_fts",
]
# Every word of keys and context with each of its prefixes up to eight letters (and the whole
# word), weight A; the scope tokens, weight D. A query then asks exact terms ("nguyen:A"), which
# GIN intersects skipping through long posting lists, instead of a prefix ("nguyen:*A"), which
# GIN answers by first collecting every row of every matching term into a bitmap.
PG_FUNCTION = """
CREATE OR REPLACE FUNCTION canbo_search_vector(keys text, context text, scope text)
RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT setweight(array_to_tsvector(ARRAY(
           SELECT DISTINCT substr(w, 1, n)
           FROM unnest(string_to_array(keys || ' ' || context, ' ')) AS w,
                generate_series(1, length(w)) AS n
           WHERE w <> '' AND (n <= 8 OR n = length(w)))), 'A')
      || setweight(array_to_tsvector(ARRAY(
           SELECT t FROM unnest(string_to_array(scope, ' ')) AS t WHERE t <> '')), 'D')
$$"""
PG_VECTOR = "canbo_search_vector(keys, context, scope)"
PG_FORWARD = [
    PG_FUNCTION,
    f"CREATE INDEX registry_search_tsv ON registry_searchentry USING gin ({PG_VECTOR})",
    # Names typed in written order, over the whole tree, read lazily (search_index.match).
    "CREATE INDEX registry_search_keys ON registry_searchentry (keys text_pattern_ops)",
]
PG_BACKWARD = [
    "DROP INDEX IF EXISTS registry_search_keys",
    "DROP INDEX IF EXISTS registry_search_tsv",
    "DROP FUNCTION IF EXISTS canbo_search_vector(text, text, text)",
]


def _run(statements):  # type: ignore[no-untyped-def]
    def run(apps, schema_editor):  # type: ignore[no-untyped-def]
        vendor = schema_editor.connection.vendor
        chosen = statements.get(vendor, [])
        for sql in chosen:
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("registry", "0002_sort_keys_byte_order_on_postgresql")]

    operations = [
        migrations.CreateModel(
            name="SearchEntry",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("kind", models.CharField(max_length=1)),
                ("object_id", models.BigIntegerField()),
                ("keys", models.TextField()),
                ("context", models.TextField(blank=True, default="")),
                ("scope", models.TextField()),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("kind", "object_id"), name="searchentry_one_per_object"
                    )
                ],
            },
        ),
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": PG_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": PG_BACKWARD}),
        ),
    ]
