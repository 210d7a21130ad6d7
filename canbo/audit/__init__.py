"""canbo.audit Django app."""
