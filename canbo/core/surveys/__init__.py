"""Report requests and surveys (pure): form specifications, answer validation, the status of
an assignment and aggregates rolled up through the intermediate levels of the tree (OR-19,
OR-20). No Django, no I/O, no clock: callers pass dates and instants."""
