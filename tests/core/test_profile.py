"""Paper profiles: one paper's conventions on top of the general ones (editor.core.profile)."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.core import conventions as cv
from editor.core.importer import import_file, segment_text
from editor.core.model import check_invariant
from editor.core.pagejson import page_to_dict
from editor.core.profile import Profile, load_profile, profile_from_dict, use_profile
from editor.core.reader import InputError
from tests.conftest import SAMPLE_TXT
from tests.core.pages import article

EXAMPLE = Path(__file__).resolve().parents[2] / "resources" / "profiles" / "example.toml"
BODY = [
    "今年汛期以来，全市雨水偏多，各地提前检查堤防和泵站，发现的隐患当天就安排人员处理。",
    "城区低洼路段增设了排水设备，交通部门制定了应急预案，确保暴雨天气道路通行有序。",
]


@pytest.fixture(autouse=True)
def general_conventions():
    use_profile(None)
    yield
    use_profile(None)


def _first(lines: list[str]):
    page = segment_text("\n".join(lines) + "\n")
    check_invariant(page)
    return page.articles[0]


def _without_ids(data):
    """A page dict without its random ids (of articles and blocks)."""
    if isinstance(data, dict):
        return {k: _without_ids(v) for k, v in data.items() if k != "id"}
    if isinstance(data, list):
        return [_without_ids(v) for v in data]
    return data


def _people(a) -> list[tuple[str, str]]:
    return [(p.name, p.role) for p in a.people]


# Each entry: a profile, a page whose reading it changes, and what the first article is
# then. Without the profile the page must read otherwise (checked below), so each row shows
# that the key reaches the importer.
CASES = {
    "own_papers": (
        {"own_papers": ["临江日报"]},
        ["防汛准备全面展开", "", "临江日报讯　" + BODY[0], BODY[1]],
        lambda a: a.dateline == "临江日报讯" and a.body[0].text.startswith("今年汛期"),
    ),
    "credit_titles": (
        {"own_papers": ["临江日报"], "credit_titles": {"首席记者": "reporter"}},
        ["防汛准备全面展开", "", "临江日报讯（首席记者 罗晓岚）" + BODY[0], BODY[1]],
        lambda a: _people(a) == [("罗晓岚", "reporter")],
    ),
    "bullets": (
        {"bullets": "◉"},
        ["防汛准备全面展开", "◉本报记者 罗晓岚", "", *article(BODY, 20)],
        lambda a: _people(a) == [("罗晓岚", "reporter")] and a.headline == "防汛准备全面展开",
    ),
    "surnames": (
        {"surnames": "竺"},
        ["防汛准备全面展开", "竺晓岚", "", *article(BODY, 20)],
        lambda a: _people(a) == [("竺晓岚", "author")],
    ),
}


@pytest.mark.parametrize("key", sorted(CASES))
def test_each_profile_key_changes_what_the_importer_reads(key):
    extend, lines, holds = CASES[key]
    assert not holds(_first(lines)), "the general conventions already read it so"
    use_profile(profile_from_dict(extend))
    assert holds(_first(lines))
    use_profile(None)
    assert not holds(_first(lines)), "dropping the profile restores the general reading"


def test_a_layout_tolerance_is_set_and_restored():
    use_profile(profile_from_dict({"layout": {"long_head": 40, "indent": 1.5}}))
    assert cv.LONG_HEAD == 40 and cv.INDENT == 1.5
    use_profile(None)
    assert cv.LONG_HEAD == 30 and cv.INDENT == 2.0


def test_a_profile_only_adds_so_the_sample_reads_the_same():
    """The documented example profile uses every key. A profile of another paper leaves a
    page it does not concern as it was, and each convention keeps all its general entries."""
    before = _without_ids(page_to_dict(import_file(SAMPLE_TXT))["articles"])
    base = {name: getattr(cv, name) for name, _kind in cv.EXTENSIBLE.values()}
    example = load_profile(EXAMPLE)
    assert set(example.extend) == set(cv.EXTENSIBLE) and set(example.tune) == set(cv.TUNABLE)
    use_profile(example)
    for name, _kind in cv.EXTENSIBLE.values():
        now = getattr(cv, name)
        assert all(entry in now for entry in base[name]), name
        assert len(now) > len(base[name]), name
    assert _without_ids(page_to_dict(import_file(SAMPLE_TXT))["articles"]) == before


@pytest.mark.parametrize(
    ("data", "said"),
    [
        ({"bulets": "◉"}, "unknown key 'bulets'"),
        ({"bullets": "-"}, "'bullets'"),
        ({"bullets": ""}, "'bullets'"),
        ({"own_papers": "临江日报"}, "'own_papers' must be a list"),
        ({"own_papers": ["临江 日报"]}, "'own_papers' holds"),
        ({"own_papers": ["临" * 30]}, "'own_papers' holds"),
        ({"credit_titles": {"首席记者": "boss"}}, "'credit_titles.首席记者'"),
        ({"credit_titles": ["首席记者"]}, "'credit_titles' must be a table"),
        ({"layout": {"indent": 9}}, "'layout.indent' must be a number from 0.0 to 4.0"),
        ({"layout": {"indent": True}}, "'layout.indent'"),
        ({"layout": {"width": 3}}, "unknown layout key 'layout.width'"),
        ({"layout": 3}, "'layout' must be a table"),
        ({"name": 3}, "'name' must be a string"),
    ],
)
def test_a_bad_profile_is_refused_naming_the_key(data, said):
    with pytest.raises(InputError) as err:
        profile_from_dict(data, "p.toml")
    assert str(err.value).startswith("p.toml: ") and said in str(err.value)
    assert err.value.code == "bad-profile"


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"x = [\n", "not a TOML file"),
        (b"\xff\xfe\x00name", "not UTF-8 text"),
        (b"# " + b"x" * (1 << 20) + b"\n", "too large"),
    ],
)
def test_a_bad_profile_file_is_refused_in_one_line(tmp_path, content, said):
    path = tmp_path / "paper.toml"
    path.write_bytes(content)
    with pytest.raises(InputError) as err:
        load_profile(path)
    assert said in str(err.value) and "\n" not in str(err.value)
    with pytest.raises(InputError, match="no such profile file"):
        load_profile(tmp_path / "missing.toml")


def test_a_profile_file_is_read_and_named(tmp_path):
    path = tmp_path / "linjiang.toml"
    path.write_text(
        'name = "临江日报"\nown_papers = ["临江日报"]\n[credit_titles]\n"首席记者" = "reporter"\n',
        encoding="utf-8",
    )
    profile = load_profile(path)
    assert profile.name == "临江日报" and profile.label == "临江日报"
    assert profile.extend == {
        "own_papers": ("临江日报",),
        "credit_titles": {"首席记者": "reporter"},
    }
    path.write_text('own_papers = ["临江日报"]\n', encoding="utf-8")
    assert load_profile(path).label == "linjiang" and Profile().label == ""


def test_the_limits_of_a_profile_are_inclusive_and_named():
    """A word of exactly MAX_ENTRY characters and a tolerance at either end of its range
    are taken; one more is refused with a message naming the file, the key and the rule."""
    from editor.core.profile import MAX_ENTRY

    ok = profile_from_dict(
        {"own_papers": ["临" * MAX_ENTRY], "layout": {"indent": 0, "long_head": 80}}
    )
    assert ok.extend["own_papers"] == ("临" * MAX_ENTRY,)
    assert ok.tune == {"indent": 0.0, "long_head": 80}
    with pytest.raises(InputError) as err:
        profile_from_dict({"own_papers": ["临" * (MAX_ENTRY + 1)]}, "p.toml")
    assert str(err.value) == (
        f"p.toml: 'own_papers' holds '{'临' * (MAX_ENTRY + 1)}': a word of 1–{MAX_ENTRY} "
        "characters without spaces is needed"
    )
    with pytest.raises(InputError) as err:
        profile_from_dict({"credit_titles": {"首席 记者": "reporter"}}, "p.toml")
    assert str(err.value).startswith("p.toml: 'credit_titles' holds '首席 记者'")
    with pytest.raises(InputError) as err:
        profile_from_dict({"credit_titles": {"首席记者": "boss"}}, "p.toml")
    assert str(err.value).endswith(
        "roles are author, reporter, correspondent, photographer, graphics, editor"
    )
    with pytest.raises(InputError) as err:
        profile_from_dict({"layout": {"width": 3}}, "p.toml")
    assert str(err.value).endswith("known: indent, long_head, max_caption_lines")
    with pytest.raises(InputError) as err:
        profile_from_dict({"bulets": "◉"}, "p.toml")
    assert str(err.value).endswith("known: name, layout, " + ", ".join(cv.EXTENSIBLE))
    for data, said in (({"name": 3}, "'name' must be a string"),
                       ({"layout": 3}, "'layout' must be a table")):
        with pytest.raises(InputError) as err:
            profile_from_dict(data, "p.toml")
        assert str(err.value) == f"p.toml: {said}"


def test_every_key_is_read_whatever_comes_before_it():
    """The layout table first (a dict may come in any order): the keys after it count too."""
    p = profile_from_dict({"layout": {"indent": 1.5}, "own_papers": ["临江日报"], "name": "临江"})
    assert p.tune == {"indent": 1.5} and p.extend == {"own_papers": ("临江日报",)}
    assert p.name == "临江"


def test_a_profile_file_problem_names_the_file(tmp_path):
    from editor.core.profile import MAX_PROFILE_BYTES

    path = tmp_path / "paper.toml"
    body = b'own_papers = ["\xe4\xb8\xb4\xe6\xb1\x9f"]\n'  # 临江
    path.write_bytes(body + b"#" * (MAX_PROFILE_BYTES - len(body)))  # exactly the limit
    assert load_profile(path).extend == {"own_papers": ("临江",)}
    path.write_bytes(body + b"#" * (MAX_PROFILE_BYTES - len(body) + 1))
    with pytest.raises(InputError) as err:
        load_profile(path)
    assert str(err.value) == f"{path}: too large for a paper profile"
    for content, said in ((b"\xff\xfe", "not UTF-8 text"), (b"x = [", "not a TOML file (")):
        path.write_bytes(content)
        with pytest.raises(InputError) as err:
            load_profile(path)
        assert str(err.value).startswith(f"{path}: {said}")
    path.write_bytes(b'bulets = "x"\n')
    with pytest.raises(InputError) as err:
        load_profile(path)
    assert str(err.value).startswith(f"{path}: unknown key 'bulets'")
    with pytest.raises(InputError) as err:
        load_profile(tmp_path / "missing.toml")
    assert err.value.code == "not-found"
    assert str(err.value) == f"{tmp_path / 'missing.toml'}: no such profile file"
    with pytest.raises(InputError) as err:
        load_profile(tmp_path)  # a folder
    assert err.value.code == "unreadable"
    assert str(err.value).startswith(f"{tmp_path}: cannot be read (")
