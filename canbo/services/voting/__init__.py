"""Conferences and secret ballots: sessions, casting, counting, results."""
