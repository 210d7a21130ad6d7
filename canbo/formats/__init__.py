"""Date and number formats of the pages, per language (``FORMAT_MODULE_PATH``)."""
