"""Subcommands of the `pagedesk` command line, one module per group."""
