"""The plan: its file format, its index, and its tracing against the notice."""
