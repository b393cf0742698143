"""The command line: options and wiring only, one module per group of commands.

- ``root``: the ``lzplan`` application, ``--version``, and ``main`` (signals).
- ``options``: every option and argument, shared by name.
- ``common``: ``guarded`` (the one place lzplan's errors become messages and exit
  codes), printing, dates, the plan in use, writing what lzplan makes.
- ``check`` (check, explain), ``plan`` (plan …, units), ``documents`` (bulletin, diff,
  due), ``files`` (init, schema), ``extract``.

The only package that knows about typer. Heavy modules are imported inside the
commands, so each command pays only for what it uses.
"""

from __future__ import annotations

from lzplan.cli import check, documents, extract, files, plan  # noqa: F401 - they register
from lzplan.cli.common import fit_width, guarded
from lzplan.cli.options import locale_language
from lzplan.cli.root import app, main

__all__ = ["app", "fit_width", "guarded", "locale_language", "main"]
