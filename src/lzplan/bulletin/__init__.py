"""The documents the 法制办 sends out, drafted from a check: the year-end (or mid-year)
通报, and a unit's 整改通知. ``build`` writes each as a ``Draft`` (blocks of text in
the official layout's roles: title, addressee, headings, paragraphs, tables,
signature); ``markdown`` and ``docx`` render a Draft, the second after GB/T 9704."""
