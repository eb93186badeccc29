"""Segmentation (placeholder until the real importer lands): one article, one paragraph per line."""

from __future__ import annotations

from .model import Article, Block, Page


def segment_page(page: Page) -> None:
    art = Article()
    for i, line in enumerate(page.raw_lines(), 1):
        if line.strip():
            art.blocks.append(Block(role="paragraph", lines=[i], text=line.strip()))
    if art.blocks:
        page.articles.append(art)
