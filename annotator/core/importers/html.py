"""Saved web pages (.html/.htm): the article, not the navigation around it.

A small readability heuristic: drop scripts, menus, headers, footers, asides and forms;
take the <article> (the one with most paragraph text if there are several), else the
element whose direct <p> children hold the most text; one line per paragraph. The
metadata comes from <meta> tags (Open Graph, article:*), <time datetime>, <link rel=canonical>.
"""

from __future__ import annotations

import re
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.importers.base import ImportedDocument
from annotator.core.importers.common import (
    MAX_DOCUMENT_BYTES,
    check_text_size,
    read_bytes,
    shorten,
)
from annotator.core.importers.dates import parse_date_value
from annotator.core.importers.encoding import decode_text
from annotator.core.importers.news import HEADLINE_LIMIT, recognise_article
from annotator.core.text import canonical_text

_DROP = ("script", "style", "nav", "header", "footer", "aside", "form", "noscript", "iframe",
         "svg", "button", "template", "select", "figcaption")
_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_SPACE = re.compile(r"[ \t\n\r\f\v]+")
_BR = "\u2028"  # stands for <br> until whitespace is collapsed


def read_html(path: Path) -> list[ImportedDocument]:
    data = read_bytes(path, MAX_DOCUMENT_BYTES)
    markup, encoding = _decode(data, path)
    try:
        from bs4 import BeautifulSoup

        soup = BeautifulSoup(markup, "lxml")
        fields = _metadata(soup)
        lines = _article_lines(soup)
    except InputError:
        raise
    except Exception as e:  # lxml/bs4 on damaged markup
        raise InputError(path, f"cannot parse the HTML ({type(e).__name__}: {e})") from None
    if not lines:
        raise InputError(path, "no article text found in the page")
    title = fields.pop("title") or (fields.get("h1") or "")
    h1 = fields.pop("h1", None)
    head = h1 or title
    if head and not _same(lines[0], head) and not _same(lines[0], title):
        lines.insert(0, head)  # coders code the headline too
    text = canonical_text("\n".join(lines))
    check_text_size(path, text)
    clean, found = recognise_article(text)
    doc = ImportedDocument(text=clean, source_file=Path(path).name, meta={"encoding": encoding})
    doc.title = shorten(title, HEADLINE_LIMIT) if title else found["title"]
    doc.published = fields.get("published") or found["published"]
    doc.author = fields.get("author") or found["author"]
    doc.outlet = fields.get("outlet")
    doc.url = fields.get("url")
    if fields.get("language"):
        doc.language = fields["language"]
    if found["meta"]["scraped"]:
        doc.meta.update({k: v for k, v in found["meta"].items() if k != "scraped"})
    return [doc]


def _decode(data: bytes, path: Path) -> tuple[str, str]:
    """Valid UTF-8 is UTF-8 whatever the page declares (pages are often re-saved); else
    honour a declared <meta charset> (windows-1256 pages are common); else detect."""
    if b"\x00" not in data:
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    m = _META_CHARSET.search(data[:4096])
    if m and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        codec = m.group(1).decode("ascii").lower()
        try:
            return data.decode(codec), codec
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: detect instead
    return decode_text(data, path)


def _text(el) -> str:
    for br in el.find_all("br"):
        br.replace_with(_BR)
    s = _SPACE.sub(" ", el.get_text(" "))
    return "\n".join(part.strip() for part in s.split(_BR) if part.strip())


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


def _meta(soup, *keys: str) -> str | None:
    for key in keys:
        for attr in ("property", "name", "itemprop"):
            tag = soup.find("meta", attrs={attr: key})
            if tag and tag.get("content", "").strip():
                return tag["content"].strip()
    return None


def _metadata(soup) -> dict:
    h1 = soup.find("h1")
    h1_text = _text(h1) if h1 else None
    # <title> usually carries the site's name ("موقع | خبر مهم"): the page's own headline
    # (og:title, then the article's <h1>) comes first
    title = _meta(soup, "og:title", "twitter:title") or h1_text
    if not title and soup.title and soup.title.string:
        title = soup.title.string.strip()
    fields: dict = {"title": title, "h1": h1_text}
    published = _meta(soup, "article:published_time", "datePublished", "pubdate",
                      "publishdate", "date", "dc.date", "DC.date.issued")
    if not published:
        time = soup.find("time", attrs={"datetime": True})
        published = time["datetime"] if time else None
    fields["published"] = parse_date_value(published) if published else None
    author = _meta(soup, "author", "article:author", "dc.creator")
    if author and not author.startswith(("http://", "https://")):
        fields["author"] = author
    fields["outlet"] = _meta(soup, "og:site_name", "application-name")
    url = _meta(soup, "og:url")
    if not url:
        link = soup.find("link", rel="canonical")
        url = link.get("href") if link else None
    fields["url"] = url
    lang = soup.html.get("lang") if soup.html else None
    if lang:
        fields["language"] = lang.split("-")[0].lower()[:8]
    return fields


def _article_lines(soup) -> list[str]:
    body = soup.body or soup
    for tag in body.find_all(_DROP):
        tag.decompose()
    container = _container(body)
    blocks = [b for b in container.find_all(_BLOCKS) if not b.find_parent(_BLOCKS)]
    if not blocks:
        return [line for line in _text(container).split("\n") if line]
    lines = []
    for b in blocks:
        lines.extend(line for line in _text(b).split("\n") if line)
    return lines


def _container(body):
    articles = body.find_all("article")
    if articles:
        return max(articles, key=_p_text_length)
    best, best_len = body, 0
    scores: dict[int, tuple[object, int]] = {}
    for p in body.find_all("p"):
        parent = p.parent
        key = id(parent)
        el, n = scores.get(key, (parent, 0))
        scores[key] = (el, n + len(p.get_text(strip=True)))
    for el, n in scores.values():
        if n > best_len:
            best, best_len = el, n
    return best


def _p_text_length(el) -> int:
    return sum(len(p.get_text(strip=True)) for p in el.find_all("p"))
