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

__version__ = "0.1.0"

# Everything else is imported on first use, so that `import warrantwatch` and every command
# (`warrantwatch --help` first) load only what they need: the engine, maps and geography each
# cost more than the interpreter's own start-up.
_LAZY = {
    "Assessment": "warrantwatch.law.assessment", "Outcome": "warrantwatch.law.assessment",
    "World": "warrantwatch.law.assessment",
    "check": "warrantwatch.queries", "person_profile": "warrantwatch.queries",
    "state_profile": "warrantwatch.queries", "world": "warrantwatch.queries",
    "timeline": "warrantwatch.queries",
    "PartialDate": "warrantwatch.records.dates",
    "KnowledgeBase": "warrantwatch.records.knowledge", "bundled": "warrantwatch.records.knowledge",
    "load": "warrantwatch.records.knowledge",
    "locator_map": "warrantwatch.maps", "obligation_map": "warrantwatch.maps",
    "states_parties_map": "warrantwatch.maps", "trip_map": "warrantwatch.maps",
    "Map": "warrantwatch.maps", "locate": "warrantwatch.geo", "area_at": "warrantwatch.geo",
    "locate_many": "warrantwatch.geo", "route": "warrantwatch.routing",
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'warrantwatch' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)


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
    "timeline",
    "trip_map",
    "world",
]
