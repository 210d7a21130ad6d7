"""Reference and synthetic seed data, as plain frozen values (no I/O).

* :mod:`canbo.core.seed.provinces`: the 63 provinces before 01/07/2025 and the 34 provincial
  units from that date, with codes and lineage (handbook OR-11, OR-12).
* :mod:`canbo.core.seed.vn_names`: Vietnamese name and place-name corpora for synthetic data.
"""
