"""Database plumbing shared by every Django adapter: the transaction of a unit of work
(:mod:`.transactions`) and the organization tree as of a date (:mod:`.unit_tree`).

Not a Django app and no models: it reads the registry's tables by name with SQL that runs on
SQLite and PostgreSQL, so the registry, voting, classification and the bulk import all use one
transaction class and one tree reader without importing each other.
"""
