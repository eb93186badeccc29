"""`pagedesk tag` and `pagedesk tags`: tagging articles in the library from the command line."""

from __future__ import annotations

from editor.commands.library import add_library_option, open_library, print_json


def register(sub) -> None:
    p = sub.add_parser("tag", help="add or remove tags on articles")
    p.add_argument("article_ids", nargs="+", metavar="ARTICLE_ID")
    p.add_argument("--add", action="append", default=[], metavar="TAG")
    p.add_argument("--remove", action="append", default=[], metavar="TAG")
    add_library_option(p)
    p.set_defaults(func=cmd_tag)

    p = sub.add_parser("tags", help="list tags with their article counts, or rename one")
    p.add_argument("--rename", nargs=2, metavar=("OLD", "NEW"),
                   help="rename a tag everywhere (merges into NEW if it exists)")
    p.add_argument("--json", action="store_true")
    add_library_option(p)
    p.set_defaults(func=cmd_tags)


def cmd_tag(args) -> int:
    from editor.cli import UserError

    if not args.add and not args.remove:
        raise UserError("give --add TAG and/or --remove TAG")
    with open_library(args, create=False) as lib:
        lib.set_tags(args.article_ids, add=args.add, remove=args.remove)
    print(f"tags updated on {len(set(args.article_ids))} article(s)")
    return 0


def cmd_tags(args) -> int:
    from editor.cli import UserError

    with open_library(args) as lib:
        if args.rename:
            old, new = args.rename
            try:
                lib.rename_tag(old, new)
            except ValueError as exc:
                raise UserError(str(exc)) from None
        counts = lib.tag_counts()
    if args.json:
        print_json([{"tag": t, "articles": n} for t, n in counts])
        return 0
    if args.rename:
        print(f"tag {args.rename[0]} renamed to {args.rename[1]}")
    for t, n in counts:
        print(f"{n:>6}  {t}")
    if not counts:
        print("no tags yet")
    return 0
