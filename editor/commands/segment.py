"""`pagedesk segment` and `pagedesk eval`: the importer on the command line."""

from __future__ import annotations

import json
import os

from editor.core.evaluate import PageScore, report_lines, score_page, summary_line
from editor.core.importer import import_file, import_pages
from editor.core.model import PERSON_ROLE_KEYS, Page
from editor.core.pagejson import page_to_dict, page_to_json, read_page_json


def register(sub) -> None:
    from editor.cli import add_profile_option

    p = sub.add_parser("segment", help="segment a page file and print its article tree")
    p.add_argument("file", help="a page: raw text (UTF-8, GB18030, Big5 or UTF-16) or a PDF")
    p.add_argument("--format", choices=("json", "text"), default="text")
    add_pages_option(p)
    add_profile_option(p)
    p.set_defaults(func=cmd_segment)

    p = sub.add_parser("eval", help="score the importer against hand-checked pages")
    p.add_argument("gold", nargs="+", help="pagedesk.page/1 gold files")
    p.add_argument("--input", help="the page file to segment (default: the gold's source.file)")
    p.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="for every article that is not zero-edit, which importer decision went wrong",
    )
    add_profile_option(p)
    p.set_defaults(func=cmd_eval)


def outline(page: Page) -> str:
    """A readable outline of a segmented page."""
    out = []
    m = page.meta
    meta = ", ".join(
        f"{k} {v}"
        for k, v in (
            ("paper", m.paper),
            ("date", m.date),
            ("section", m.section),
            ("page", m.number),
        )
        if v
    )
    out.append(
        f"Page: {page.source.file or '(text)'} [{page.source.encoding or '?'}]"
        + (f" — {meta}" if meta else "")
    )
    for i, a in enumerate(page.articles, 1):
        out.append("")
        out.append(f"{i}. {a.headline or a.label()}  (confidence {a.confidence:.2f})")
        if a.kicker:
            out.append(f"   kicker: {a.kicker}")
        if a.subheadline:
            out.append(f"   subheadline: {a.subheadline}")
        if a.dateline:
            out.append(f"   dateline: {a.dateline}")
        if a.byline:
            out.append(f"   byline: {a.byline}")
        for role, key in PERSON_ROLE_KEYS.items():
            names = a.people_by_role(role)
            if names:
                out.append(f"   {key}: {'、'.join(names)}")
        for b in a.blocks:
            if b.role in ("paragraph", "subhead"):
                mark = "§ " if b.role == "subhead" else "  "
                out.append(f"   {mark}{b.display_text}")
            elif b.role == "caption":
                credit = f" [{b.credit}]" if b.credit else ""
                out.append(f"   [caption] {b.display_text}{credit}")
            elif b.role in ("source", "note", "credit"):
                out.append(f"   [{b.role}] {b.display_text}")
    if page.unassigned:
        out.append("")
        out.append("Unassigned:")
        for b in page.unassigned:
            out.append(f"   line {b.first_line}: {b.display_text}")
    return "\n".join(out)


def add_pages_option(p) -> None:
    p.add_argument(
        "--pages",
        metavar="RANGE",
        help="pages of a PDF to read: 3, 3-5, 1,4-6 or 7- (default: all)",
    )


def cmd_segment(args) -> int:
    import hashlib

    from editor.core.model import stable_ids

    try:  # (the same file gives the same ids on every run: output can be compared)
        with open(args.file, "rb") as f:
            seed = hashlib.sha256(f.read()).hexdigest()
    except OSError:
        seed = args.file  # (import_pages says what is wrong with it)
    with stable_ids(f"{seed}:{args.pages or ''}"):
        pages = import_pages(args.file, args.pages)
    if args.format == "json":
        if len(pages) == 1:
            print(page_to_json(pages[0]))
        else:
            print(json.dumps([page_to_dict(p) for p in pages], ensure_ascii=False, indent=2))
    else:
        print("\n\n".join(outline(p) for p in pages))
    return 0


def _load_gold(path: str) -> dict:
    from editor.cli import UserError

    try:
        return read_page_json(path)
    except ValueError as exc:
        raise UserError(str(exc)) from None


def cmd_eval(args) -> int:
    from editor.cli import UserError

    if args.input and len(args.gold) > 1:
        raise UserError("--input goes with a single gold file")
    total = PageScore(name="all")
    for path in args.gold:
        gold = _load_gold(path)
        src = args.input or os.path.join(
            os.path.dirname(path), (gold.get("source") or {}).get("file") or ""
        )
        if not os.path.isfile(src):
            raise UserError(f"{path}: its page file {src} was not found (give it with --input)")
        pred = page_to_dict(import_file(src))
        s = score_page(gold, pred, name=os.path.basename(path))
        total.add(s)
        if len(args.gold) > 1:
            print(summary_line(s))
        if args.verbose:
            for (title, probs), (_t, decisions) in zip(s.problems, s.diagnoses, strict=True):
                print(f"   {title}: {'; '.join(decisions)}  [{', '.join(probs)}]")
    for line in report_lines(total):
        print(line)
    return 0
