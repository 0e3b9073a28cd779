"""Records of the knowledge base: models, loading, validation, indexes, name resolution."""
