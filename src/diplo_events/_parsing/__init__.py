"""Internal stages of the rule-based parser."""
