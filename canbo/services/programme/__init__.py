"""Use cases: chương trình công tác."""
