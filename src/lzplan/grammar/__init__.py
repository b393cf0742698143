"""The grammar of Chinese work-plan notices: numbers, quotas and deadlines.

Shared by `lzplan plan validate` (tracing a plan to its notice) and `lzplan extract`.
"""
