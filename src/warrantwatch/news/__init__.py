"""News → events → brief: read articles, find visits by wanted persons, write the brief."""
