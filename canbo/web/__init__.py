"""canbo.web Django app."""
