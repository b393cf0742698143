"""Reading input files: UTF-8 text, safe YAML with positions, models with located errors."""
