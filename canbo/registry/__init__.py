"""canbo.registry Django app."""
