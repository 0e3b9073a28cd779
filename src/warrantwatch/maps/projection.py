"""Map projections on numpy arrays of lon/lat degrees; y grows northwards, units of earth radii.

- `EqualEarth(lon0)`: the world (Šavrič, Patterson and Jenny, 2018), equal-area.
- `Azimuthal(lon0, lat0)`: Lambert azimuthal equal-area, for regions; no seam, so the antimeridian
  (Chukotka, Fiji, Kiribati) and the poles need no special care; only the point opposite the centre
  is singular, and nothing that far is ever in a regional frame.
- `Equirectangular(lon0)`: plate carrée, for those who want it.

Projections with a seam (`seam` is not None) cut geometry at `lon0 ± 180°` (`maps.geometry`).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import msgspec

if TYPE_CHECKING:
    import numpy as np  # imported where used: drawing from the frame cache needs no numpy


_A1, _A2, _A3, _A4 = 1.340264, -0.081106, 0.000893, 0.003796
_M = math.sqrt(3) / 2


def wrap_lon(lon):
    """Longitudes into [-180, 180)."""
    import numpy as np

    return (np.asarray(lon) + 180.0) % 360.0 - 180.0


class Projection(msgspec.Struct, frozen=True):  # (a Struct: no dataclass code to generate)
    name = "projection"
    lon0: float = 0.0
    lat0: float = 0.0

    @property
    def seam(self) -> float | None:
        """The longitude where the map is cut (lon0 + 180, wrapped), or None."""
        return None

    def forward(self, lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Projected x, y. Longitudes are not wrapped: callers keep lon - lon0 within ±180°."""
        raise NotImplementedError

    def describe(self) -> str:
        raise NotImplementedError


class EqualEarth(Projection, frozen=True):
    name = "equal-earth"

    @property
    def seam(self) -> float:
        return float(wrap_lon(self.lon0 + 180.0)) if self.lon0 % 360 else 180.0

    def forward(self, lon, lat):
        import numpy as np

        lam = np.radians(np.asarray(lon, dtype=float) - self.lon0)
        theta = np.arcsin(_M * np.sin(np.radians(lat)))
        t2 = theta * theta
        t6 = t2 * t2 * t2
        x = 2 * math.sqrt(3) * lam * np.cos(theta) / (3 * (9 * _A4 * t6 * t2 + 7 * _A3 * t6
                                                           + 3 * _A2 * t2 + _A1))
        y = theta * (_A1 + _A2 * t2 + t6 * (_A3 + _A4 * t2))
        return x, y

    def describe(self) -> str:
        return f"Equal Earth projection, centred on {self.lon0:g}°"


class Equirectangular(Projection, frozen=True):
    name = "equirectangular"

    @property
    def seam(self) -> float:
        return float(wrap_lon(self.lon0 + 180.0)) if self.lon0 % 360 else 180.0

    def forward(self, lon, lat):
        import numpy as np

        return (np.radians(np.asarray(lon, dtype=float) - self.lon0),
                np.radians(np.asarray(lat, dtype=float)))

    def describe(self) -> str:
        return f"equirectangular projection, centred on {self.lon0:g}°"


class Azimuthal(Projection, frozen=True):
    name = "azimuthal"

    def cos_distance(self, lon, lat) -> np.ndarray:
        """Cosine of the angular distance of each point from the centre."""
        import numpy as np

        phi, dlam = np.radians(lat), np.radians(np.asarray(lon, dtype=float) - self.lon0)
        return self._cos_c(np.sin(phi), np.cos(phi), np.cos(dlam))

    def _cos_c(self, sin_phi, cos_phi, cos_dlam):
        phi0 = math.radians(self.lat0)
        return math.sin(phi0) * sin_phi + math.cos(phi0) * cos_phi * cos_dlam

    def forward(self, lon, lat):
        x, y, _ = self.forward_with_cos(lon, lat)
        return x, y

    def forward_with_cos(self, lon, lat):
        """x, y and `cos_distance`, from one sine and cosine of each angle (the same numbers)."""
        import numpy as np

        phi, dlam = np.radians(lat), np.radians(np.asarray(lon, dtype=float) - self.lon0)
        phi0 = math.radians(self.lat0)
        sin_phi, cos_phi, cos_dlam = np.sin(phi), np.cos(phi), np.cos(dlam)
        cos_c = self._cos_c(sin_phi, cos_phi, cos_dlam)
        k = np.sqrt(2.0 / np.maximum(1.0 + cos_c, 1e-12))
        x = k * cos_phi * np.sin(dlam)
        y = k * (math.cos(phi0) * sin_phi - math.sin(phi0) * cos_phi * cos_dlam)
        return x, y, cos_c

    def inverse(self, x: float, y: float) -> tuple[float, float]:
        """The lon/lat of a projected point (Snyder, Map Projections, 1987, eqs. 20-14, 24-16)."""
        rho = math.hypot(x, y)
        if rho < 1e-12:
            return self.lon0, self.lat0
        c = 2 * math.asin(min(1.0, rho / 2))
        phi0 = math.radians(self.lat0)
        lat = math.asin(math.cos(c) * math.sin(phi0) + y * math.sin(c) * math.cos(phi0) / rho)
        lon = self.lon0 + math.degrees(math.atan2(x * math.sin(c), rho * math.cos(phi0) * math.cos(c)
                                                  - y * math.sin(phi0) * math.sin(c)))
        return float((lon + 180.0) % 360.0 - 180.0), math.degrees(lat)

    def describe(self) -> str:
        ns, ew = "N" if self.lat0 >= 0 else "S", "E" if self.lon0 >= 0 else "W"
        return (f"Lambert azimuthal equal-area projection centred on {abs(self.lat0):.0f}°{ns} "
                f"{abs(self.lon0):.0f}°{ew}")


PROJECTIONS = {"equal-earth": EqualEarth, "azimuthal": Azimuthal, "equirectangular": Equirectangular}


def make(name: str, lon0: float = 0.0, lat0: float = 0.0) -> Projection:
    cls = PROJECTIONS[name]
    return cls(lon0=lon0, lat0=lat0 if cls is Azimuthal else 0.0)


def great_circle(a: tuple[float, float], b: tuple[float, float], n: int = 128) -> np.ndarray:
    """n points (lon, lat) along the shorter great-circle arc from a to b."""
    import numpy as np

    def unit(lon, lat):
        import numpy as np

        lo, la = math.radians(lon), math.radians(lat)
        return np.array([math.cos(la) * math.cos(lo), math.cos(la) * math.sin(lo), math.sin(la)])

    u, v = unit(*a), unit(*b)
    omega = math.acos(max(-1.0, min(1.0, float(u @ v))))
    t = np.linspace(0.0, 1.0, n)[:, None]
    if omega < 1e-9:
        pts = np.repeat(u[None, :], n, axis=0)
    else:
        pts = (np.sin((1 - t) * omega) * u + np.sin(t * omega) * v) / math.sin(omega)
    lon = np.degrees(np.arctan2(pts[:, 1], pts[:, 0]))
    lat = np.degrees(np.arcsin(np.clip(pts[:, 2], -1, 1)))
    return np.column_stack([lon, lat])


def angular_distance_deg(a: tuple[float, float], b: tuple[float, float]) -> float:
    lo1, la1, lo2, la2 = map(math.radians, (*a, *b))
    c = math.sin(la1) * math.sin(la2) + math.cos(la1) * math.cos(la2) * math.cos(lo2 - lo1)
    return math.degrees(math.acos(max(-1.0, min(1.0, c))))
