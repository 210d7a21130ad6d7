"""canbo.accounts Django app."""
