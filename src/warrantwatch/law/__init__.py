"""The obligation engine: pure functions over the knowledge base."""

from warrantwatch.law.assessment import Assessment, Basis, Caveat, HostRecord, Outcome, World
from warrantwatch.law.obligation import assess, world
from warrantwatch.law.timeline import Interval, Timeline, timeline

__all__ = [
           "Assessment",
           "Basis",
           "Caveat",
           "HostRecord",
           "Interval",
           "Outcome",
           "Timeline",
           "World",
           "assess",
           "timeline",
           "world",
]
