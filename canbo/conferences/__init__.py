"""canbo.conferences Django app."""
