"""Power control in cadre work (kiểm soát quyền lực trong công tác cán bộ), QĐ 114-QĐ/TW.

A cross-cutting rulebook: it computes no result of its own, it constrains how the planning and
appointment workflows may be run and recorded (handbook ``power_control.md``, PC-01 to PC-21).
Pure: :mod:`.rulebooks` (QĐ 205 and QĐ 114 as data), :mod:`.params`, :mod:`.model` (values),
:mod:`.relations` (who must recuse, the Art. 20 hard block), :mod:`.flags` (timing flags and
the deciding level), :mod:`.misconduct` (the named acts inspectors cite).
"""
