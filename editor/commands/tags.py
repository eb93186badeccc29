"""`pagedesk tag|tags|suggest|reindex`: tagging articles in the library from the command line.

    pagedesk tag ID… --add T --remove T         one step, one revision per page
    pagedesk tags                               tags with their article counts
    pagedesk tags --rename OLD NEW              (merges when NEW exists)
    pagedesk tags --merge A B … --into T
    pagedesk suggest ID [--top N]               people, places, organisations, keywords
    pagedesk reindex                            re-cut search tokens (after a dictionary change)

Every command takes `--library PATH` and `--json`; an unknown article or tag
is one line on stderr and exit code 2.
"""

from __future__ import annotations

import sys

from editor.commands.library import Progress, add_library_option, open_library, print_json

DICT_HELP = ("your own jieba user dictionary (one 'word [freq] [pos]' a line) besides "
             "$PAGEDESK_USER_DICT and the newsroom dictionary")
REINDEX_HELP = ("re-cut every article's search tokens: run this after changing the user "
                "dictionary ($PAGEDESK_USER_DICT, --user-dict or the preferences) or "
                "updating PageDesk, so that search and tag suggestions use the new words")


def register(sub) -> None:
    p = sub.add_parser("tag", help="add or remove tags on articles (one step)")
    p.add_argument("article_ids", nargs="+", metavar="ARTICLE_ID")
    p.add_argument("--add", action="append", default=[], metavar="TAG")
    p.add_argument("--remove", action="append", default=[], metavar="TAG")
    p.add_argument("--json", action="store_true",
                   help="print each changed article's tags before and after")
    add_library_option(p)
    p.set_defaults(func=cmd_tag)

    p = sub.add_parser("tags", help="list tags with their article counts; rename or merge tags")
    what = p.add_mutually_exclusive_group()
    what.add_argument("--rename", nargs=2, metavar=("OLD", "NEW"),
                      help="rename a tag everywhere (merges into NEW if it exists)")
    what.add_argument("--merge", nargs="+", metavar="TAG",
                      help="merge these tags into the one given by --into")
    p.add_argument("--into", metavar="TAG", help="the tag --merge merges into")
    p.add_argument("--json", action="store_true")
    add_library_option(p)
    p.set_defaults(func=cmd_tags)

    p = sub.add_parser("suggest", help="suggest tags for an article (people, places, "
                       "organisations, and keywords weighted by this library)")
    p.add_argument("article_id", metavar="ARTICLE_ID")
    p.add_argument("--top", type=int, default=10, metavar="N",
                   help="at most N keywords (names are always listed; default 10)")
    p.add_argument("--user-dict", metavar="PATH", help=DICT_HELP)
    p.add_argument("--json", action="store_true")
    add_library_option(p)
    p.set_defaults(func=cmd_suggest)

    p = sub.add_parser("reindex", help=REINDEX_HELP, description=REINDEX_HELP)
    p.add_argument("--user-dict", metavar="PATH", help=DICT_HELP)
    p.add_argument("--json", action="store_true")
    add_library_option(p)
    p.set_defaults(func=cmd_reindex)


def _user_error(exc: Exception):
    from editor.cli import UserError

    return UserError(str(exc))


def _use_dict(args) -> None:
    if getattr(args, "user_dict", None):
        from editor.core import tokens

        try:
            tokens.set_user_dict(args.user_dict)
        except ValueError as exc:
            raise _user_error(exc) from None


def _print_changes(changes, as_json: bool) -> None:
    if as_json:
        print_json(changes.to_dict())
        return
    for c in changes:
        delta = " ".join([f"+{t}" for t in c.added] + [f"-{t}" for t in c.removed])
        print(f"{c.article_id}  {delta or 'reordered'}  → {' '.join(c.after) or '(no tags)'}")
    print(f"tags changed on {len(changes)} article(s)")


def cmd_tag(args) -> int:
    if not args.add and not args.remove:
        raise _user_error(ValueError("give --add TAG and/or --remove TAG"))
    with open_library(args, create=False) as lib:
        changes = lib.set_tags(args.article_ids, add=args.add, remove=args.remove)
    _print_changes(changes, args.json)
    return 0


def cmd_tags(args) -> int:
    if args.into and not args.merge:
        raise _user_error(ValueError("--into goes with --merge TAG…"))
    if args.merge and not args.into:
        raise _user_error(ValueError("--merge needs --into TAG (the tag to merge into)"))
    changes = None
    with open_library(args, create=not (args.rename or args.merge)) as lib:
        try:
            if args.rename:
                changes = lib.rename_tag(*args.rename)
            elif args.merge:
                changes = lib.merge_tags(args.merge, args.into)
        except ValueError as exc:
            raise _user_error(exc) from None
        counts = lib.tag_counts()
    rows = [{"tag": t, "articles": n} for t, n in counts]
    if args.json:
        print_json(rows if changes is None else {**changes.to_dict(), "tags": rows})
        return 0
    if args.rename:
        print(f"tag {args.rename[0]} renamed to {args.rename[1]} on {len(changes)} article(s)")
    elif args.merge:
        print(f"{', '.join(args.merge)} merged into {args.into} on {len(changes)} article(s)")
    for t, n in counts:
        print(f"{n:>6}  {t}")
    if not counts:
        print("no tags yet")
    return 0


def cmd_suggest(args) -> int:
    if args.top < 0:
        raise _user_error(ValueError("--top must be 0 or more"))
    _use_dict(args)
    with open_library(args, create=False) as lib:
        suggestions = lib.suggest_tags(args.article_id, top=args.top)
    if args.json:
        print_json([{"tag": s.tag, "kind": s.kind, "score": s.score} for s in suggestions])
        return 0
    for s in suggestions:
        print(f"{s.kind:<13} {s.score:>6.3f}  {s.tag}")
    if not suggestions:
        print("no suggestions")
    return 0


def cmd_reindex(args) -> int:
    _use_dict(args)
    bar = Progress(sys.stderr, quiet=True)  # a bar on a terminal only
    with open_library(args, create=False) as lib:
        n = lib.reindex(bar.draw if bar.tty else None)
    if args.json:
        print_json({"library": lib.path, "articles": n})
    else:
        print(f"search tokens of {n} article(s) re-cut")
    return 0
