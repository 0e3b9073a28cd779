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

__all__ = [
    "Assessment",
    "BadDate",
    "KnowledgeBase",
    "Outcome",
    "PartialDate",
    "RecordInvalid",
    "UnknownPerson",
    "UnknownState",
    "WarrantWatchError",
    "World",
    "bundled",
    "check",
    "load",
    "person_profile",
    "state_profile",
    "world",
]
