"""Block, article and page ids: 12 random hex digits, never shared with a forked worker."""

import os
import re
import sys

import pytest

from editor.core.model import new_id


def test_ids_are_twelve_hex_digits_and_distinct():
    ids = [new_id() for _ in range(5000)]
    assert all(re.fullmatch(r"[0-9a-f]{12}", i) for i in ids)
    assert len(set(ids)) == len(ids)


@pytest.mark.skipif(not hasattr(os, "fork") or sys.platform == "darwin", reason="fork only")
def test_a_forked_worker_draws_ids_of_its_own():
    new_id()  # the parent holds a batch of ids drawn in advance
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        os.write(write, "".join(new_id() for _ in range(20)).encode())
        os._exit(0)
    os.waitpid(pid, 0)
    child = os.read(read, 20 * 12).decode()
    parent = "".join(new_id() for _ in range(20))
    assert not {child[i : i + 12] for i in range(0, 240, 12)} & {
        parent[i : i + 12] for i in range(0, 240, 12)
    }
