"""`pagedesk export`: pages and articles to Word, HTML, a static site, JSON or text.

What to export is given as any mix of

* page files: a raw page (`.txt`, any encoding the reader knows) is segmented
  on the fly; a `pagedesk.page/1` `.json` is read with its page text when the
  file named in `source.file` sits beside it — no library needed;
* page ids and article ids from the library;
* `--query Q` (library search results, in rank order) and `--tag T`.

Items keep the order given — TARGETs first, then each --query, then each
--tag (argparse takes the TARGETs as one group, before or after the
options) — and an article selected twice is exported once.
"""

from __future__ import annotations

import os
import sys

from editor.commands import progress_bar
from editor.core.model import Page

SEARCH_LIMIT = 200


def register(sub) -> None:
    from editor.cli import add_profile_option, count
    from editor.export import FORMATS

    p = sub.add_parser(
        "export",
        help="export pages or articles to Word, HTML, a static site, JSON or text",
        description="Export pages or articles. TARGETs are page files, page ids or article ids.",
    )
    p.add_argument("targets", nargs="*", metavar="TARGET",
                   help="a page file (.txt or pagedesk.page/1 .json), a page id or an article id")
    p.add_argument("--query", "-q", action="append", default=[], metavar="Q",
                   help="add the library's search results for Q (repeatable)")
    p.add_argument("--tag", "-t", action="append", default=[], metavar="T",
                   help="add the library's articles tagged T (repeatable)")
    p.add_argument("--format", "-f", choices=FORMATS,
                   help="output format (default: from the -o file name)")
    p.add_argument("-o", "--output", required=True, metavar="PATH",
                   help="output file (a folder for --format site, and for json of several pages)")
    p.add_argument("--library", metavar="PATH", help="library file (default: PAGEDESK_LIBRARY "
                   "or the user data folder)")
    p.add_argument("--one-per-page", action="store_true",
                   help="start each article on a new page (docx; html when printed)")
    p.add_argument("--title", help="document title (html, site)")
    p.add_argument("--replace", action="store_true",
                   help="site: write into a folder that holds other files, replacing them")
    p.add_argument("--limit", type=count, default=SEARCH_LIMIT,
                   help=f"most search results per --query (default {SEARCH_LIMIT})")
    add_profile_option(p)
    p.set_defaults(func=cmd_export)


class _LibrarySource:
    """Opens the library only when a target needs it, and caches loaded pages."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.lib = None
        self.pages: dict[str, Page] = {}

    def open(self):
        from editor.cli import UserError

        if self.lib is None:
            try:
                from editor.storage.library import Library, LibraryError
            except ImportError:
                raise UserError("this build has no library; export page files instead") from None
            try:
                try:
                    self.lib = Library.open(self.path, create=False)
                except TypeError:  # an API without `create`
                    self.lib = Library.open(self.path)
            except LibraryError as exc:
                raise UserError(str(exc)) from None
        return self.lib

    def close(self) -> None:
        if self.lib is not None:
            self.lib.close()

    def page(self, page_id: str) -> Page:
        if page_id not in self.pages:
            self.pages[page_id] = self.open().load_page(page_id)
        return self.pages[page_id]

    def article(self, article_id: str, page_id: str | None = None):
        if page_id:
            page = self.page(page_id)
            art = page.find_article(article_id)
            if art is not None:
                return page, art
        page, art = self.open().load_article(article_id)
        self.pages.setdefault(page.id, page)
        return self.pages[page.id], self.pages[page.id].find_article(article_id) or art

    def by_id(self, ident: str):
        """A page id gives the whole page; an article id gives (page, article)."""
        from editor.storage.library import LibraryError

        try:
            return self.page(ident)
        except LibraryError as exc:
            if exc.code != "not-found":
                raise
        try:
            return self.article(ident)
        except LibraryError as exc:
            if exc.code != "not-found":
                raise
        return None


def page_from_file(path: str) -> Page:
    """A page file: pagedesk.page/1 JSON (with its text if beside it) or raw text to segment."""
    from editor.cli import UserError
    from editor.core.importer import import_file

    if path.lower().endswith(".json"):
        from editor.core.pagejson import page_from_dict, read_page_json
        from editor.core.reader import read_page_file

        try:
            data = read_page_json(path)
        except ValueError as exc:
            raise UserError(str(exc)) from None
        raw = ""
        src = (data.get("source") or {}).get("file")
        beside = os.path.join(os.path.dirname(path), src) if src else ""
        if beside and os.path.isfile(beside):
            raw = read_page_file(beside).text
        try:
            return page_from_dict(data, raw)
        except (KeyError, TypeError, ValueError) as exc:
            raise UserError(f"{path}: malformed pagedesk.page/1 file ({exc})") from None
    return import_file(path)


def _looks_like_path(target: str) -> bool:
    return os.sep in target or "/" in target or os.path.splitext(target)[1].lower() in (
        ".txt", ".json", ".text")


def select(args, source: _LibrarySource) -> list:
    """The export items for the parsed arguments, in the order given."""
    from editor.cli import UserError

    items: list = []
    for target in args.targets:
        if os.path.isfile(target):
            items.append(page_from_file(target))
        elif _looks_like_path(target):
            raise UserError(f"{target}: no such file")
        else:
            item = source.by_id(target)
            if item is None:
                raise UserError(f"{target}: no such file, and no page or article with that id "
                                "in the library")
            items.append(item)
    for q in args.query:
        try:
            hits = source.open().search(q, limit=args.limit)
        except ValueError as exc:  # the library's QueryError
            raise UserError(f"--query {q!r}: {exc}") from None
        if not hits:
            print(f"pagedesk: no articles match {q!r}", file=sys.stderr)
        items += [source.article(h.article_id, h.page_id) for h in hits]
    for tag in args.tag:
        rows = source.open().list_articles(tag=tag)
        if not rows:
            print(f"pagedesk: no articles are tagged {tag!r}", file=sys.stderr)
        items += [source.article(r["id"], r["page_id"]) for r in rows]
    return items


def _library_errors() -> tuple[type[BaseException], ...]:
    """LibraryError when the storage layer is installed (nothing to catch otherwise)."""
    try:
        from editor.storage.library import LibraryError
    except ImportError:
        return ()
    return (LibraryError,)


def _advance(bar):
    """The export's `progress(done, total)` callback moving `bar`; None when it is hidden."""
    if bar.disable:
        return None

    def show(done: int, total: int) -> None:
        bar.total = total
        bar.update(done - bar.n)

    return show


def cmd_export(args) -> int:
    from editor.cli import UserError
    from editor.export import ExportError, collect, export_articles, format_for_path
    from editor.export.selection import count_articles

    to_stdout = args.output == "-"
    fmt = args.format or (None if to_stdout else format_for_path(args.output))
    if to_stdout and fmt is None:
        raise UserError("-o - writes to standard output: give --format (docx, html, json, txt)")
    if to_stdout and fmt == "site":
        raise UserError("a site is a folder: it cannot go to standard output; give -o FOLDER")
    if fmt is None:
        raise UserError(f"cannot tell the format from {args.output!r}; give --format "
                        "(docx, html, site, json, txt)")
    if not (args.targets or args.query or args.tag):
        raise UserError("nothing to export: give page files, page or article ids, --query or --tag")
    for target in args.targets:
        if os.path.isfile(target) and os.path.exists(args.output) and os.path.samefile(
                target, args.output):
            raise UserError(f"{args.output} is one of the pages to export: give another "
                            "output file (-o)")
    source = _LibrarySource(args.library)
    try:
        items = select(args, source)
    except _library_errors() as exc:
        raise UserError(str(exc)) from None
    finally:
        source.close()
    if not items:
        raise UserError("nothing to export: the selection is empty")
    n = count_articles(collect(items))
    if to_stdout:
        _export_to_stdout(items, fmt, args)
        print(f"exported {n} article{'s' if n != 1 else ''} to standard output",
              file=sys.stderr)
        return 0
    try:
        with progress_bar(n, "articles", "exporting") as bar:
            files = export_articles(items, fmt, args.output, _advance(bar),
                                    one_per_page=args.one_per_page, title=args.title,
                                    replace=args.replace)
    except ExportError as exc:
        raise UserError(str(exc)) from None
    where = args.output if len(files) == 1 else f"{args.output} ({len(files)} files)"
    print(f"exported {n} article{'s' if n != 1 else ''} to {where}")
    return 0


def _export_to_stdout(items, fmt: str, args) -> None:
    """`-o -`: the one file the export writes, to standard output (bytes as written)."""
    import shutil
    import tempfile

    from editor.cli import UserError
    from editor.export import ExportError, export_articles

    with tempfile.TemporaryDirectory(prefix="pagedesk-") as tmp:
        try:
            files = export_articles(items, fmt, os.path.join(tmp, f"export.{fmt}"), None,
                                    one_per_page=args.one_per_page, title=args.title)
        except ExportError as exc:
            raise UserError(str(exc)) from None
        if len(files) != 1 or not os.path.isfile(files[0]):
            raise UserError(f"the export makes {len(files)} files: give -o FOLDER")
        sys.stdout.flush()
        with open(files[0], "rb") as f:
            shutil.copyfileobj(f, sys.stdout.buffer)
        sys.stdout.buffer.flush()
