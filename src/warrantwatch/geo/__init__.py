"""Geography: the shipped boundaries (Natural Earth 5.1.1, UN border policy), sovereign airspace
(with OpenStreetMap's territorial seas, ODbL), `locate` and `locate_many`, geodesics, airports, routes."""

from warrantwatch.geo.boundaries import Area
from warrantwatch.geo.locate import area_at, locate, locate_many

__all__ = ["Area", "area_at", "locate", "locate_many"]
