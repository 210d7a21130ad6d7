"""The type-ahead picker of the web shell's forms (a person or a unit, one or several).

The implementation is :mod:`canbo.registry.pickers`, beside the search it asks, so that the
conference, vote and classification forms, which sit below the web shell, use the same one.
"""

from canbo.registry.pickers import ID_PREFIX, PickerField, PickerWidget, bind_pickers

__all__ = ["ID_PREFIX", "PickerField", "PickerWidget", "bind_pickers"]
