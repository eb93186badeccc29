"""Every command that opens the library, against every way its file can be damaged: one
clear line, exit code 2, no traceback, and the file left as it was (issue 16, probes)."""

from __future__ import annotations

import pytest

from editor.cli import main
from editor.storage.library import Library
from tests.reliability.probes import SAMPLE, commands, fault_files, snapshot

FAULTS = ("truncated", "empty", "random", "folder", "dangling-link", "under-a-file",
          "future-schema")


@pytest.fixture(scope="module")
def faults(tmp_path_factory):
    root = tmp_path_factory.mktemp("faults")
    good = root / "good.sqlite"
    with Library.open(str(good)) as lib:
        from editor.core.importer import segment_text

        lib.save_page(segment_text(SAMPLE.read_text(encoding="utf-8")))
        lib.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return fault_files(root / "files", good)


@pytest.mark.parametrize("fault", FAULTS)
def test_every_command_refuses_a_damaged_library_in_one_line(fault, faults, tmp_path, capsys):
    path = faults[fault]
    before = snapshot(path)
    for name, argv in commands(path, SAMPLE, tmp_path).items():
        code = main(argv)
        out, err = capsys.readouterr()
        assert code == 2, (name, out, err)
        assert err.startswith("pagedesk: error: ") and err.count("\n") == 1, (name, err)
        assert "Traceback" not in err
        assert snapshot(path) == before, f"{name} changed the {fault} library"
    assert not (tmp_path / "backup.sqlite").exists()
