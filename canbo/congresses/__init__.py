"""Party congresses (đại hội): models, the unit of work, pages under /dai-hoi/."""
