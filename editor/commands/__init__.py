"""Subcommands of the `pagedesk` command line, one module per group."""

from __future__ import annotations

import sys

# tqdm's usual bar with the unit after the count: `importing:  40%|####      | 2/5 pages
# [00:01<00:01, 1.90pages/s]`.
BAR_FORMAT = "{l_bar}{bar}| {n_fmt}/{total_fmt} {unit} [{elapsed}<{remaining}, {rate_fmt}]"


def progress_bar(total: int, unit: str, desc: str, stream=None):
    """A tqdm progress bar on `stream` (default stderr), hidden when it is not a terminal.

    Use it as a context manager so that it is closed (and its line ended) at the end; a
    hidden bar writes nothing at all.
    """
    from tqdm import tqdm

    stream = sys.stderr if stream is None else stream
    isatty = getattr(stream, "isatty", None)
    return tqdm(total=total, unit=unit, desc=desc, file=stream,
                disable=not (isatty and isatty()), dynamic_ncols=True, bar_format=BAR_FORMAT)
