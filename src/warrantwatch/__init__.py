"""warrantwatch: is a host state bound to arrest a person wanted by the ICC, and what has it done before?

>>> import warrantwatch
>>> warrantwatch.check("putin", "Mongolia", "2024-09-03").outcome.name
'OBLIGED'
"""

from warrantwatch.errors import (
    BadDate,
    RecordInvalid,
    UnknownPerson,
    UnknownState,
    WarrantWatchError,
)
from warrantwatch.law import Assessment, Outcome, World
from warrantwatch.queries import check, person_profile, state_profile, world
from warrantwatch.records.dates import PartialDate
from warrantwatch.records.knowledge import KnowledgeBase, bundled, load

__version__ = "0.1.0"

# Maps and geography load numpy and the boundaries: imported on first use, so that
# `import warrantwatch` and `warrantwatch --help` stay fast.
_LAZY = {"locator_map": "warrantwatch.maps", "obligation_map": "warrantwatch.maps",
         "states_parties_map": "warrantwatch.maps", "trip_map": "warrantwatch.maps",
         "Map": "warrantwatch.maps", "locate": "warrantwatch.geo", "area_at": "warrantwatch.geo",
         "locate_many": "warrantwatch.geo", "route": "warrantwatch.routing"}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'warrantwatch' has no attribute {name!r}")


__all__ = [
    "Assessment",
    "BadDate",
    "KnowledgeBase",
    "Map",
    "Outcome",
    "PartialDate",
    "RecordInvalid",
    "UnknownPerson",
    "UnknownState",
    "WarrantWatchError",
    "World",
    "area_at",
    "bundled",
    "check",
    "load",
    "locate",
    "locate_many",
    "locator_map",
    "obligation_map",
    "person_profile",
    "route",
    "state_profile",
    "states_parties_map",
    "trip_map",
    "world",
]
