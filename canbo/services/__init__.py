"""Use cases: take a command, check access, call the core, persist through ports, audit.

Services never import Django: persistence, the tree and the audit log are reached through the
protocols in :mod:`canbo.services.ports`, which the Django apps implement. The unit of work
owns the transaction: ``with uow: ...; uow.commit()``; leaving the block without ``commit``
rolls everything back (nothing half-done, principle 5).
"""
