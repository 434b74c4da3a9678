"""document stage."""
