"""The REST API and the web page: FastAPI over the same engine, no computing of its own."""
