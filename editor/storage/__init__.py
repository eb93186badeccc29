"""storage layer (no Qt)."""
