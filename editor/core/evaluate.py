"""Measuring segmentation against hand-checked pages (DESIGN.md §7).

Works on pagedesk.page/1 dicts, so a gold file and the importer's output are
compared in the same terms a user sees them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from .model import PERSON_ROLE_KEYS

AGREE = 0.98  # share of characters an article body must agree on to count as found

# DESIGN.md §7 compares texts as the editor sees them: character for character. A space
# left between two Han characters is an edit the editor has to make, so nothing here strips
# or folds whitespace. Optional fields compare absent, null and "" as the same nothing.


def _text(s: str | None) -> str:
    return s or ""


def body_text(article: dict[str, Any]) -> str:
    """The body's characters in order (paragraph breaks are judged by paragraph F1)."""
    return "".join(_text(el.get("text")) for el in article.get("body", []))


def _head_text(article: dict[str, Any]) -> str:
    """The titles as printed, kicker to subheadline (a wrongly split title may span two)."""
    return "".join(_text(article.get(k)) for k in ("kicker", "headline", "subheadline"))


def _all_text(article: dict[str, Any]) -> str:
    """Everything an article prints: titles, body, captions (to tell a fragment from junk)."""
    heads = _head_text(article)
    caps = "".join(_text(c.get("text")) for c in article.get("captions", []))
    return heads + body_text(article) + caps


def _people(article: dict[str, Any]) -> set[str]:
    return {n for key in PERSON_ROLE_KEYS.values() for n in article.get(key) or []}


def _people_roles(article: dict[str, Any]) -> set[tuple[str, str]]:
    return {(key, n) for key in PERSON_ROLE_KEYS.values() for n in article.get(key) or []}


def _titles(article: dict[str, Any]) -> set[str]:
    return {article[k] for k in ("kicker", "headline", "subheadline") if article.get(k)}


def _paragraphs(article: dict[str, Any]) -> list[tuple[str, str]]:
    return [(el.get("type", "paragraph"), _text(el.get("text"))) for el in article.get("body", [])]


def _captions(article: dict[str, Any]) -> list[tuple[str, str]]:
    return [(_text(c.get("text")), _text(c.get("credit"))) for c in article.get("captions", [])]


def _matched_chars(a: str, b: str) -> int:
    if not a or not b:
        return 0
    return sum(m.size for m in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks())


def article_problems(gold: dict[str, Any], pred: dict[str, Any]) -> list[str]:
    """What a desk editor would have to fix in `pred` to make it `gold` (empty: zero-edit)."""
    out = []
    for key in ("kicker", "headline", "subheadline", "dateline", "byline", "source"):
        if _text(gold.get(key)) != _text(pred.get(key)):
            out.append(key)
    if _people_roles(gold) != _people_roles(pred):
        out.append("people")
    if _paragraphs(gold) != _paragraphs(pred):
        out.append("body")
    if _captions(gold) != _captions(pred):
        out.append("captions")
    if list(gold.get("notes") or []) != list(pred.get("notes") or []):
        out.append("notes")
    return out


# Which importer decision each kind of difference points at (`pagedesk eval -v`).
DECISIONS = {
    "missing": "boundary",
    "spurious": "boundary",
    "segmentation": "boundary",
    "split": "boundary",
    "kicker": "head",
    "headline": "head",
    "subheadline": "head",
    "dateline": "dateline",
    "byline": "dateline",
    "people": "people",
    "captions": "caption",
    "source": "tail",
    "notes": "tail",
    "body": "paragraph",
}


def diagnose(gold: dict[str, Any], pred: dict[str, Any], problems: list[str]) -> list[str]:
    """Name the importer decisions behind an article's problems, with what went wrong:
    boundary (articles cut or merged), head attachment or title role, dateline/byline,
    people, caption, tail (source, notes), paragraph breaks or block roles."""
    out: list[str] = []

    def add(decision: str, detail: str) -> None:
        item = decision if detail == decision else f"{decision} ({detail})"
        if item not in out:
            out.append(item)

    for prob in problems:
        kind = DECISIONS.get(prob, prob)
        if kind == "head":
            g_titles, p_titles = _titles(gold), _titles(pred)
            if g_titles == p_titles:
                add("role", "kicker/headline/subheadline swapped")
            elif not p_titles:
                add("head attachment", "no head attached")
            elif not any(t in _head_text(gold) for t in p_titles):
                add("head attachment", "another story's head")
            else:
                add("head", "title lines split or joined wrongly")
        elif kind == "paragraph":
            gp, pp = _paragraphs(gold), _paragraphs(pred)
            if "".join(t for _k, t in gp) != "".join(t for _k, t in pp):
                add("boundary", "body text differs")
            elif [k for k, _t in gp] != [k for k, _t in pp] and len(gp) == len(pp):
                add("role", "subhead or paragraph")
            else:
                add("paragraph", f"{len(gp)} paragraphs, {len(pp)} proposed")
        elif kind == "boundary":
            add("boundary", prob)
        else:
            add(kind, prob)
    return out


@dataclass
class PageScore:
    name: str
    gold_articles: int = 0
    pred_articles: int = 0
    found: int = 0  # matched articles agreeing >= AGREE
    headline_exact: int = 0
    title_set_exact: int = 0
    persons_exact: int = 0
    para_gold: int = 0
    para_pred: int = 0
    para_equal: int = 0
    gold_chars: int = 0
    kept_chars: int = 0
    zero_edit: int = 0
    spurious: int = 0  # predicted articles holding no gold article's text: each is an edit
    problems: list[tuple[str, list[str]]] = field(default_factory=list)
    diagnoses: list[tuple[str, list[str]]] = field(default_factory=list)

    def add(self, other: PageScore) -> None:
        for k, v in vars(other).items():
            if isinstance(v, int):
                setattr(self, k, getattr(self, k) + v)
        self.problems += other.problems
        self.diagnoses += other.diagnoses


def score_page(gold: dict[str, Any], pred: dict[str, Any], name: str = "") -> PageScore:
    g_arts, p_arts = gold.get("articles", []), pred.get("articles", [])
    s = PageScore(name=name, gold_articles=len(g_arts), pred_articles=len(p_arts))
    g_text = [body_text(a) for a in g_arts]
    p_text = [body_text(a) for a in p_arts]
    # Greedy one-to-one matching by matched characters.
    pairs = []
    for i, gt in enumerate(g_text):
        for j, pt in enumerate(p_text):
            m = _matched_chars(gt, pt)
            if m:
                pairs.append((m, i, j))
    pairs.sort(reverse=True)
    g_to_p: dict[int, int] = {}
    used: set[int] = set()
    for _m, i, j in pairs:
        if i not in g_to_p and j not in used:
            g_to_p[i] = j
            used.add(j)
    split_off: dict[int, int] = {}  # gold article -> predicted fragments beside its match
    for j, pa in enumerate(p_arts):
        if j in used:
            continue
        text = _all_text(pa)
        best = max(
            ((_matched_chars(_all_text(ga), text), i) for i, ga in enumerate(g_arts)),
            default=(0, -1),
        )
        if text and best[0] >= len(text) / 2:  # mostly a gold article's own text
            split_off[best[1]] = split_off.get(best[1], 0) + 1
        else:
            s.spurious += 1
            s.problems.append((p_arts[j].get("headline") or text[:12], ["spurious"]))
            s.diagnoses.append((p_arts[j].get("headline") or text[:12], ["boundary (spurious)"]))
    for i, ga in enumerate(g_arts):
        s.gold_chars += len(g_text[i])
        gp = Counter(_paragraphs(ga))
        s.para_gold += sum(gp.values())
        j = g_to_p.get(i)
        if j is None:
            s.problems.append((ga.get("headline") or g_text[i][:12], ["missing"]))
            s.diagnoses.append((ga.get("headline") or g_text[i][:12], ["boundary (missing)"]))
            continue
        pa = p_arts[j]
        m = _matched_chars(g_text[i], p_text[j])
        s.kept_chars += m
        total = len(g_text[i]) + len(p_text[j])
        agrees = bool(total) and 2 * m / total >= AGREE
        s.found += agrees
        s.headline_exact += _text(ga.get("headline")) == _text(pa.get("headline"))
        s.title_set_exact += _titles(ga) == _titles(pa)
        s.persons_exact += _people(ga) == _people(pa)
        s.para_equal += sum((gp & Counter(_paragraphs(pa))).values())
        probs = article_problems(ga, pa)
        if i in split_off:
            probs.insert(0, "split")
        if not agrees:
            probs.insert(0, "segmentation")
        if probs:
            s.problems.append((ga.get("headline") or g_text[i][:12], probs))
            s.diagnoses.append((ga.get("headline") or g_text[i][:12], diagnose(ga, pa, probs)))
        else:
            s.zero_edit += 1
    s.para_pred = sum(len(a.get("body", [])) for a in p_arts)
    return s


def _f1(tp: int, n_pred: int, n_gold: int) -> float:
    if not n_pred and not n_gold:
        return 1.0
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def figures(s: PageScore) -> dict[str, Any]:
    """The headline figures of a score, rounded, for tables and JSON."""
    g = max(1, s.gold_articles)
    return {
        "articles": s.gold_articles,
        "f1": round(f1_of(s), 3),
        "title_set": round(s.title_set_exact / g, 3),
        "people": round(s.persons_exact / g, 3),
        "zero_edit": round(zero_edit_rate(s), 3),
        "zero_edit_n": f"{s.zero_edit}/{s.gold_articles + s.spurious}",
    }


def zero_edit_rate(s: PageScore) -> float:
    """Zero-edit articles over every article the editor meets: the gold ones and the
    spurious predicted ones (each must be deleted)."""
    return s.zero_edit / max(1, s.gold_articles + s.spurious)


def report_lines(s: PageScore) -> list[str]:
    g = max(1, s.gold_articles)
    return [
        f"articles: gold {s.gold_articles}, predicted {s.pred_articles}, found {s.found}",
        f"article segmentation F1: {_f1(s.found, s.pred_articles, s.gold_articles):.3f}",
        f"headline exact: {s.headline_exact}/{s.gold_articles} ({100 * s.headline_exact / g:.1f}%)",
        f"title set exact: {s.title_set_exact}/{s.gold_articles} "
        f"({100 * s.title_set_exact / g:.1f}%)",
        f"byline persons exact: {s.persons_exact}/{s.gold_articles} "
        f"({100 * s.persons_exact / g:.1f}%)",
        f"paragraph F1: {_f1(s.para_equal, s.para_pred, s.para_gold):.3f}",
        f"body text fidelity: {s.kept_chars / max(1, s.gold_chars):.3f}",
        f"zero-edit articles: {s.zero_edit}/{s.gold_articles + s.spurious} "
        f"({100 * zero_edit_rate(s):.1f}%"
        + (f"; {s.spurious} spurious predicted articles to delete)" if s.spurious else ")"),
    ]


def summary_line(s: PageScore) -> str:
    return (
        f"{s.name}: F1 {_f1(s.found, s.pred_articles, s.gold_articles):.3f}, "
        f"paragraph F1 {_f1(s.para_equal, s.para_pred, s.para_gold):.3f}, "
        f"zero-edit {s.zero_edit}/{s.gold_articles + s.spurious}"
    )


def f1_of(s: PageScore) -> float:
    return _f1(s.found, s.pred_articles, s.gold_articles)
