"""Geography: the shipped boundaries (Natural Earth 5.1.1, UN border policy) and `locate`."""

from warrantwatch.geo.boundaries import Area
from warrantwatch.geo.locate import area_at, locate

__all__ = ["Area", "area_at", "locate"]
