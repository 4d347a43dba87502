"""HTML saved as an article: the text a browser would show, mapped back to the file.

A researcher's folder holds pages saved from the web as well as plain text. A file
that carries HTML markup (several tags of the kinds pages are made of) is read as a
page: tags are dropped (block-level ones, such as ``<p>``, ``<br>``, ``<div>``, ``<tr>``,
end a line), what a page never shows is dropped with its content (``<script>``,
``<style>``, comments, ruby readings ``<rt>``), and character references (``&amp;``,
``&#20013;``) become their characters. The offset map points every character of the
result back into the original file, so annotations keep exact offsets.
"""

from __future__ import annotations

import html
import re

from sckg.model import MapBuilder, OffsetMap

_BLOCK = {"address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl", "dt",
          "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
          "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot",
          "th", "thead", "title", "tr", "ul", "body", "head", "html"}
_PAGE_TAG = re.compile(r"</?(?:html|head|body|div|p|br|span|table|tr|td|li|ul|a|h[1-6]|meta|title|"
                       r"script|style|img|font|strong|b|section|article)\b[^<>]*>", re.I)
_TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)"                                                  # a comment
    r"|<(script|style|rt|rp|noscript|template|svg)\b[^>]*>.*?(?:</\1\s*>|\Z)"  # hidden content
    r"|<!?/?([A-Za-z][A-Za-z0-9]*)?\b[^<>]*>"                            # a tag, a doctype
    r"|&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});",  # a reference
    re.S | re.I)


def looks_like_html(text: str) -> bool:
    """True when ``text`` carries page markup: three or more tags of an HTML page."""
    found = 0
    for _ in _PAGE_TAG.finditer(text):
        found += 1
        if found >= 3:
            return True
    return False


def strip_markup(text: str) -> tuple[str, OffsetMap]:
    """The shown text of ``text`` and its map onto ``text``; ``text`` itself with the
    identity map when it carries no page markup."""
    if not looks_like_html(text):
        return text, OffsetMap.identity(len(text))
    out = MapBuilder()
    at = 0
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        out.emit(at, start, text[at:start])
        token = match.group(0)
        if token.startswith("&"):
            shown = html.unescape(token)
            out.emit(start, end, shown if shown != token else token)
        elif match.group(1):  # hidden content: a line break stands in for it
            out.emit(start, end, "\n")
        elif (match.group(2) or "").lower() in _BLOCK:
            out.emit(start, end, "\n")
        at = end
    out.emit(at, len(text), text[at:])
    return out.build(len(text))
