"""Party congresses and elections: the pure rules.

QĐ 190-QĐ/TW 2024, HD 04-HD/TW, Chỉ thị 45-CT/TW, QĐ 294-QĐ/TW.

``model`` holds the shared vocabulary (congress and election kinds, subtractions from the
base, statuses, :class:`~canbo.core.elections.model.Decision`); ``candidates``, ``congress``,
``order`` and ``age`` decide the list and congress rules; ``denominator``, ``results`` and
``checks`` compute results.
No Django, no I/O.
"""
