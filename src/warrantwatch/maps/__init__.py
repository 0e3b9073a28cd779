"""Maps: locator, obligation, states-parties and trip maps as SVG and PNG, with captions and alt text.

    >>> from warrantwatch.maps import locator_map
    >>> m = locator_map("Russia", "Mongolia")
    >>> m.caption
    'A map highlighting Russia (in orange) and Mongolia (in green), with other states in grey.'
"""

from warrantwatch.maps.locator import locator_map
from warrantwatch.maps.obligation import obligation_map, states_parties_map
from warrantwatch.maps.render import Map
from warrantwatch.maps.trip import trip_map

__all__ = ["Map", "locator_map", "obligation_map", "states_parties_map", "trip_map"]
