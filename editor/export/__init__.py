"""export layer (no Qt)."""
