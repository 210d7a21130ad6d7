"""Constants of the registry adapters."""

import datetime as dt

# Open-ended validity is stored as this sentinel rather than NULL so that "valid on day d" is
# the index-friendly range test ``valid_from <= d AND valid_to >= d`` on SQLite and PostgreSQL.
FOREVER = dt.date(9999, 12, 31)
