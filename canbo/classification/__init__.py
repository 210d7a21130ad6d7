"""canbo.classification Django app."""
