"""Chương trình công tác."""
