"""Storage: the SQLite store with its migrations, the event filter that the CLI, the
store and the web share, and the stories read from a store."""

from .sqlite import Store

__all__ = ["Store"]
