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


def test_segment_gives_the_same_ids_for_the_same_file_on_every_run(capsys):
    """`pagedesk segment` twice on one file prints the same JSON (ids included), so runs
    can be compared; other ids stay random."""
    from editor.cli import main
    from editor.core.model import new_id, stable_ids
    from tests.conftest import SAMPLE_TXT

    runs = []
    for _ in range(2):
        assert main(["segment", str(SAMPLE_TXT), "--format", "json"]) == 0
        runs.append(capsys.readouterr().out)
    assert runs[0] == runs[1] and '"id"' in runs[0]
    with stable_ids("x"):
        inside = [new_id(), new_id()]
    with stable_ids("x"):
        assert [new_id(), new_id()] == inside
    assert new_id() not in inside and new_id() != new_id()
