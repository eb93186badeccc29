"""`python -m editor` is the `pagedesk` command line."""

from editor.cli import main

raise SystemExit(main())
