"""The annual review and quality classification cycle."""
