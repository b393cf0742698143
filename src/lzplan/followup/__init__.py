"""Between runs: what changed since the last report (``lzplan diff``), and what falls
due soon (``lzplan due``), for the reminders the 法制办 sends."""
