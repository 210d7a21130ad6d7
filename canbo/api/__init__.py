"""canbo.api Django app."""
