"""canbo.demo Django app."""
