"""PageDesk (版面校对台): newspaper page text to a structured article tree."""

__version__ = "0.1.0"
