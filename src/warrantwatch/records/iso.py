"""A state's names in ISO 3166 (from pycountry): derived, not facts of our own data."""

from __future__ import annotations


def country_forms(code: str) -> list[str]:
    """The code, ISO 3166 alpha-2, name, official and common names of a state (from pycountry)."""
    import pycountry

    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return [code]
    forms = [code, country.alpha_2, country.name]
    for attr in ("official_name", "common_name"):
        if hasattr(country, attr):
            forms.append(getattr(country, attr))
    return forms
