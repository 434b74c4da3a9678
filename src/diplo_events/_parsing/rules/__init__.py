"""The rule stage: filled frames become events (one builder per event type)."""
