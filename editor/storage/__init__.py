"""The local article library (no Qt): one SQLite file of pages, articles, revisions and tags.

Module map:
    library.py   Library, LibraryError, SearchHit, default_library_path — the public API
    schema.py    tables, sqlite-utils migrations, safe opening of the file
    writer.py    one page into the tables (inside the caller's transaction)
    history.py   differences between revisions; tag changes as revisions
    search.py    jieba tokens for FTS5, ranking, confirmation, snippets
    query.py     the search query language
    batch.py     batch import of files and folders
"""
