"""The pure ballot engine: rulebooks, ballots, validity, tallies, bands, eligibility, quorum.

No Django and no I/O (import-linter contract). Modules:

- :mod:`.rulebooks`, :mod:`.params`, :mod:`.catalog` — rulebooks as data and the registry (GEN-01)
- :mod:`.ballot` — ballot kinds and marks; a ballot has no voter field
- :mod:`.validity`, :mod:`.validity_election` — validity per ballot or per name (CV-14, EL-16)
- :mod:`.tally` — per-person and per-option tallies (CV-15, EL-22)
- :mod:`.arithmetic` — integer thresholds and display percentages (GEN-05, GEN-06, NA-13)
- :mod:`.bands`, :mod:`.party_qd96`, :mod:`.na` — consequence bands (CV-17..CV-19, NA-08..NA-14)
- :mod:`.results` — per-person official results from minutes counts
- :mod:`.eligibility` — exemptions and vote places (CV-03, CV-04, NA-04)
- :mod:`.quorum` — conference quorum (GEN-08, CV-07)
"""
