"""`data update`: read the sources that change the record and propose changes, never edit silently.

fetch (httpx with timeouts, a polite delay, a cache; or saved pages) → depositary / icc (parse) →
propose (match against the knowledge base) → a report, and on request a patch to data/.
"""
