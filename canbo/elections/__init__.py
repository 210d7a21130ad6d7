"""Elections at a Party congress: the Django adapter (models, pages, commands)."""
