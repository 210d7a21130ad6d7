"""The organization sector's periodic statistics (handbook FRM-08 to FRM-11), pure.

``model`` holds the report's shape (``StatsReport`` of ``StatsTable`` rows, one JSON-safe
``as_dict``); ``params`` the named parameters (age bands, grassroots size bands, the split
allocation policy); ``tables`` builds Biểu 1 to Biểu 5 from grouped counts; ``compare``
restates a report over the predecessors of a unit along lineage (OR-21).
"""
