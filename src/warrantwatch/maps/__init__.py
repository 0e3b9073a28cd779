"""Maps: locator, obligation, states-parties and trip maps as SVG and PNG, with captions and alt text.

    >>> from warrantwatch.maps import locator_map
    >>> m = locator_map("Russia", "Mongolia")
    >>> m.caption
    'A map highlighting Russia (in orange) and Mongolia (in green), with other states in grey.'
"""

# Each kind of map is imported when first asked for: a locator map does not need the engine.
_WHERE = {"locator_map": "locator", "obligation_map": "obligation", "states_parties_map": "obligation",
          "Map": "render", "trip_map": "trip"}


def __getattr__(name: str):
    if name in _WHERE:
        import importlib

        value = getattr(importlib.import_module(f"warrantwatch.maps.{_WHERE[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'warrantwatch.maps' has no attribute {name!r}")


__all__ = ["Map", "locator_map", "obligation_map", "states_parties_map", "trip_map"]
