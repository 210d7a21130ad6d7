"""Pure domain: rulebooks, value objects and checks. No Django, no I/O, no clock."""
