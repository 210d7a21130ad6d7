"""Paper ballots: the printed sheet's layout, printing, and machine reading of scans.

A shared adapter with no Django and no database, so that ``canbo paper print`` and ``canbo paper
read`` run on a counting committee's laptop, and the voting app's paper flow uses the same code.
:mod:`canbo.paper.layout` is the seam: every box of every sheet in millimetres, written beside the
PDF as ``<name>.layout.json``, and the sheet code ``CB1|<layout_id>|<page>|<serial>|<check>``.
"""
