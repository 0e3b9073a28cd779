"""The obligation engine: pure functions over the knowledge base."""

from warrantwatch.law.assessment import Assessment, Basis, Caveat, HostRecord, Outcome, World
from warrantwatch.law.obligation import assess, world

__all__ = ["Assessment", "Basis", "Caveat", "HostRecord", "Outcome", "World", "assess", "world"]
