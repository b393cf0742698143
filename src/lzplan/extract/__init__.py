"""`lzplan extract`: draft a plan from a notice's text, and score a draft."""
