"""Use cases of nomination and appointment (QĐ 377-QĐ/TW and its predecessors): the processes,
their steps and the decision (``processes``), reappointment cases (``reappointment``), and the
power-control wiring (``power``, ``control``)."""
