"""The check: submissions judged against the plan, from files on disk to a result."""
