"""HTML: whole pages through trafilatura, snippets (feed entries, JSON fields) as text."""

from __future__ import annotations

from typing import Any

import lxml.html
import trafilatura

from .base import normalise_date

_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr",
           "section", "article", "header", "footer", "pre"}


def extract_page(html: str, url: str | None = None) -> dict[str, Any]:
    """The main text and metadata of a web page; text is None when there is none."""
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=True)
    if doc is None:
        return {"text": None}
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    return {
        "text": data.get("text"),
        "title": data.get("title"),
        "date": normalise_date(data.get("date")),
        "byline": data.get("author"),
        "source": data.get("sitename") or data.get("hostname"),
        "url": data.get("url") or url,
    }


def fragment_text(html: str) -> str:
    """Visible text of an HTML snippet, one line per block element."""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return html
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCKS:
            el.tail = "\n" + (el.tail or "")
    return root.text_content()
