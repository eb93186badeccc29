"""Saving checks the lossless invariant: a page with a line that has no owner is refused,
and the last good revision stays as it was."""

from __future__ import annotations

import pytest

from editor.core.pagejson import page_to_dict
from editor.storage.library import LibraryError


def test_a_page_that_lost_a_line_is_not_saved(lib, sample_page):
    first = lib.save_page(sample_page, "good")
    good = page_to_dict(lib.load_page(sample_page.id))
    sample_page.articles[0].blocks.pop()  # its lines now have no owner
    with pytest.raises(LibraryError) as e:
        lib.save_page(sample_page, "broken")
    assert e.value.code == "invariant"
    assert [r["revision"] for r in lib.revisions(sample_page.id)] == [first]
    assert page_to_dict(lib.load_page(sample_page.id)) == good
