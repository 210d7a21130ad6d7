"""Registry: units, people, records and the bulk import."""
