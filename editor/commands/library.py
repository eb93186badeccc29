"""`pagedesk import|list|show|search|history|restore|backup`: the library on the command line.

Every command takes `--library PATH` (else PAGEDESK_LIBRARY, else the user
data folder). Listing and reporting commands take `--json` for
machine-readable output. Library problems (busy, newer, damaged, not found)
become one line on stderr and exit code 2.
"""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterator

from editor.cli import count
from editor.commands import progress_bar
from editor.commands.segment import add_pages_option
from editor.core.model import PERSON_ROLE_KEYS
from editor.storage.batch import FileResult, import_paths, summary
from editor.storage.library import Library, LibraryError
from editor.storage.query import QueryError


def add_library_option(p) -> None:
    p.add_argument("--library", metavar="PATH",
                   help="library file (default: $PAGEDESK_LIBRARY or the user data folder)")


@contextlib.contextmanager
def open_library(args, create: bool = True) -> Iterator[Library]:
    """Open the library named by --library; library and query errors become UserError."""
    from editor.cli import UserError

    try:
        with Library.open(getattr(args, "library", None), create=create) as lib:
            yield lib
    except (LibraryError, QueryError) as exc:
        raise UserError(str(exc)) from None


def print_json(data) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def register(sub) -> None:
    from editor.cli import add_profile_option

    p = sub.add_parser("import",
                       help="import page files and folders (*.txt, *.pdf) into the library")
    p.add_argument("paths", nargs="+", metavar="PATH")
    add_pages_option(p)
    p.add_argument("--paper", help="newspaper name for these pages")
    p.add_argument("--date", help="page date (YYYY-MM-DD) when the text does not give it")
    p.add_argument("--section", help="section name for these pages")
    p.add_argument("--json", action="store_true", help="print the results as JSON")
    add_library_option(p)
    add_profile_option(p)
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("list", help="list pages (or articles) in the library")
    p.add_argument("--articles", action="store_true", help="list articles instead of pages")
    p.add_argument("--page", dest="page_id", help="articles of this page")
    p.add_argument("--date", help="YYYY, YYYY-MM, YYYY-MM-DD or a range A..B")
    p.add_argument("--section")
    p.add_argument("--paper")
    p.add_argument("--tag", help="articles with this tag")
    p.add_argument("--person", help="articles crediting this person")
    p.add_argument("--untagged", action="store_true", help="articles without tags")
    p.add_argument("--edited", action="store_true", help="articles with edited text")
    p.add_argument("--limit", type=count)
    p.add_argument("--offset", type=count, default=0)
    p.add_argument("--json", action="store_true")
    add_library_option(p)
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("show", help="show one article from the library")
    p.add_argument("article_id")
    p.add_argument("--json", action="store_true")
    add_library_option(p)
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("search", help="full-text search (words, \"phrase\", -word, tag:, "
                       "person:, section:, date:, paper:)")
    p.add_argument("query", nargs="+")
    p.add_argument("--limit", type=count, default=20)
    p.add_argument("--offset", type=count, default=0)
    p.add_argument("--json", action="store_true")
    add_library_option(p)
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("history", help="list a page's revisions, or what changed between two")
    p.add_argument("page_id")
    p.add_argument("--diff", nargs=2, type=int, metavar=("A", "B"))
    p.add_argument("--json", action="store_true")
    add_library_option(p)
    p.set_defaults(func=cmd_history)

    p = sub.add_parser("restore", help="make an older revision of a page current again")
    p.add_argument("page_id")
    p.add_argument("revision", type=int)
    add_library_option(p)
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("backup", help="write a consistent copy of the library")
    p.add_argument("dest")
    p.add_argument("--force", action="store_true", help="overwrite DEST if it exists")
    add_library_option(p)
    p.set_defaults(func=cmd_backup)


# -- import ------------------------------------------------------------------------------


class Progress:
    """Import (or reindex) progress: a tqdm bar on a terminal, one line per file otherwise.

    `stream` is where the bar goes (stderr); it is drawn only when `stream` is a terminal.
    Otherwise each file gets one line on `log` (default `stream`) unless `quiet`. On a
    terminal a file that fails is written above the bar (on `log`, unless `quiet`). As a
    context manager the bar is closed on leaving (an import's total can grow: a PDF gives a
    result per page); otherwise when done reaches the total.
    """

    def __init__(self, stream, quiet: bool, log=None, unit: str = "pages", desc: str = ""):
        self.stream = stream
        self.log = stream if log is None else log
        self.tty = stream.isatty()
        self.quiet = quiet
        self.unit, self.desc = unit, desc
        self.bar = None
        self.managed = False

    def draw(self, done: int, total: int) -> None:
        """The terminal's bar: pages done of total, rate and time left."""
        if self.bar is None:
            self.bar = progress_bar(total, self.unit, self.desc, self.stream)
        self.bar.total = total
        self.bar.update(done - self.bar.n)
        if done >= total and not self.managed:
            self.close()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()

    def __enter__(self) -> Progress:
        self.managed = True
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __call__(self, done: int, total: int, r: FileResult) -> None:
        if self.tty:
            if r.status == "failed" and not self.quiet:
                self._write(f"failed    {r.path}: {r.reason}", tqdm_write=True)
            self.draw(done, total)
        elif not self.quiet:
            self._write({"imported": f"imported  {r.path} -> {r.page_id} ({r.articles} articles)",
                         "duplicate": f"duplicate {r.path} (page {r.page_id})",
                         "failed": f"failed    {r.path}: {r.reason}"}[r.status])

    def _write(self, line: str, tqdm_write: bool = False) -> None:
        if tqdm_write:  # above the bar: tqdm clears it, writes the line and draws it again
            from tqdm import tqdm

            tqdm.write(line, file=self.log)
        else:
            self.log.write(line + "\n")
        self.log.flush()


def _profile_paper() -> str | None:
    """The paper a profile in use names: the paper of pages imported under it."""
    from editor.core.profile import active_profile

    profile = active_profile()
    return profile.name if profile and profile.name else None


def cmd_import(args) -> int:
    from editor.cli import UserError

    with open_library(args) as lib:
        try:  # (the bar is closed before anything else is printed)
            with Progress(sys.stderr, quiet=args.json, log=sys.stdout,
                          desc="importing") as bar:
                results = import_paths(lib, args.paths, paper=args.paper or _profile_paper(),
                                       date=args.date, section=args.section, progress=bar,
                                       pages=args.pages)
        except QueryError as exc:
            raise UserError(f"--date: {exc}") from None
        except LibraryError as exc:
            done = summary(getattr(exc, "results", []))
            if not args.json:
                print(f"{done['imported']} imported, {done['duplicate']} skipped as already "
                      f"in the library before the import stopped")
            raise UserError(str(exc)) from None
    counts = summary(results)
    if args.json:
        print_json({"library": lib.path, **counts, "files": [r.to_dict() for r in results]})
    else:
        print(f"{counts['imported']} imported, {counts['duplicate']} skipped as already in "
              f"the library, {counts['failed']} failed")
    return 1 if counts["failed"] else 0


# -- list / show / search ---------------------------------------------------------------


def cmd_list(args) -> int:
    from editor.storage.query import date_range

    date_from = date_to = None
    if args.date:
        try:
            date_from, date_to = date_range(args.date)
        except QueryError as exc:
            from editor.cli import UserError

            raise UserError(f"--date: {exc}") from None
    articles = (args.articles or args.page_id or args.person or args.untagged or args.edited)
    with open_library(args) as lib:
        if articles:
            rows = lib.list_articles(page_id=args.page_id, date_from=date_from, date_to=date_to,
                                     section=args.section, paper=args.paper, tag=args.tag,
                                     person=args.person, untagged=args.untagged,
                                     edited=args.edited, limit=args.limit, offset=args.offset)
        else:
            rows = lib.list_pages(paper=args.paper, date_from=date_from, date_to=date_to,
                                  section=args.section, tag=args.tag, limit=args.limit,
                                  offset=args.offset)
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        where = " ".join(x for x in (r.get("paper"), r.get("date"), r.get("section"),
                                      r.get("number") and f"p{r['number']}") if x)
        if articles:
            people = "、".join(r["people"])
            tags = " ".join(f"#{t}" for t in r["tags"])
            print(f"{r['id']}  {where or '-'}  {r['headline'] or '(no headline)'}"
                  f"{'  ' + people if people else ''}{'  ' + tags if tags else ''}")
        else:
            mark = " (edited)" if r["edited"] else ""
            print(f"{r['id']}  {where or '-'}  {r['file'] or ''}  "
                  f"{r['article_count']} articles{mark}")
    if not rows:
        print("nothing found", file=sys.stderr)
    return 0


def cmd_show(args) -> int:
    from editor.core.pagejson import article_to_dict

    with open_library(args) as lib:
        page, a = lib.load_article(args.article_id)
    if args.json:
        d = article_to_dict(a, page.blank_lines())
        d.update(page_id=page.id, date=page.meta.date, section=page.meta.section,
                 number=page.meta.number, paper=page.meta.paper)
        print_json(d)
        return 0
    m = page.meta
    print(f"{a.headline or a.label()}")
    print(f"  article {a.id} on page {page.id}  "
          + " ".join(x for x in (m.paper, m.date, m.section, m.number and f"p{m.number}") if x))
    for label, value in (("kicker", a.kicker), ("subheadline", a.subheadline),
                         ("dateline", a.dateline), ("byline", a.byline)):
        if value:
            print(f"  {label}: {value}")
    for role, key in PERSON_ROLE_KEYS.items():
        if names := a.people_by_role(role):
            print(f"  {key}: {'、'.join(names)}")
    if a.tags:
        print(f"  tags: {' '.join(a.tags)}")
    print()
    for b in a.blocks:
        if b.role in ("paragraph", "subhead"):
            print(("§ " if b.role == "subhead" else "  ") + b.display_text)
        elif b.role not in ("kicker", "headline", "subheadline", "byline", "dateline"):
            print(f"  [{b.role}] {b.display_text}")
    return 0


def highlight(snippet: str, terms: list[str]) -> str:
    for t in sorted(set(terms), key=len, reverse=True):
        if t:
            snippet = snippet.replace(t, f"【{t}】")
    return snippet


def cmd_search(args) -> int:
    query = " ".join(args.query)
    with open_library(args) as lib:
        hits = lib.search(query, limit=args.limit, offset=args.offset)
    if args.json:
        print_json([h.__dict__ for h in hits])
        return 0
    for h in hits:
        where = " ".join(x for x in (h.date, h.section, h.number and f"p{h.number}") if x)
        print(f"{h.article_id}  {where or '-'}  {h.headline or '(no headline)'}  "
              f"[score {h.score:.3g}]")
        print(f"    {highlight(h.snippet, h.terms)}")
    if not hits:
        print("no articles found", file=sys.stderr)
    elif hits[0].ranked_among:
        print(f"(a very common word: results are ranked {hits[0].ranked_among} newest matches "
              "at a time; add words or filters to narrow them)", file=sys.stderr)
    return 0


# -- history / restore / backup ---------------------------------------------------------


def cmd_history(args) -> int:
    with open_library(args) as lib:
        if args.diff:
            changes = lib.diff_revisions(args.page_id, *args.diff)
            if args.json:
                print_json({"page_id": args.page_id, "from": args.diff[0], "to": args.diff[1],
                            "changes": changes})
            else:
                for c in changes or ["no changes"]:
                    print(c)
            return 0
        revs = lib.revisions(args.page_id)
    if args.json:
        print_json({"page_id": args.page_id, "revisions": revs})
        return 0
    for r in revs:
        print(f"{r['revision']:>4}  {r['saved_at']}  {r['message'] or '-'}  {r['summary']}")
    return 0


def cmd_restore(args) -> int:
    with open_library(args) as lib:
        new = lib.restore(args.page_id, args.revision)
    print(f"page {args.page_id}: revision {args.revision} restored as revision {new}")
    return 0


def cmd_backup(args) -> int:
    import os

    from editor.cli import UserError

    if os.path.exists(args.dest) and not args.force:
        raise UserError(f"{args.dest} exists; use --force to overwrite it")
    with open_library(args, create=False) as lib:
        lib.backup(args.dest)
    print(f"library copied to {args.dest}")
    return 0
