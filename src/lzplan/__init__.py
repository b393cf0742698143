"""lzplan: check each responsible unit's submission against an annual work plan."""

__version__ = "0.1.0"
