"""Party elections at a congress: elections, candidates, rounds, results, approval."""
