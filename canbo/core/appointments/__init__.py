"""Planning and appointment rules as pure functions (handbook ``planning_and_appointment.md``).

``model`` (checks and facts), ``posts`` (the QĐ 368 post catalogue, AP-20), ``params`` and
``rulebooks`` (QĐ 105, QĐ 80 with QĐ 50, QĐ 377), ``eligibility`` (:func:`evaluate`, the
discipline windows, the planning limits), ``terms`` (TR-01 to TR-04), ``calculator`` (the
offline ``canbo appointment check``) and ``steps`` (the appointment procedure).
"""
