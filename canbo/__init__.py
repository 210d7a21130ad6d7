"""canbo: công tác cán bộ, end to end, as the regulations define it."""

__version__ = "0.1.0"
