"""HTML pages: main text extracted with trafilatura, headline and metadata from the page."""

from __future__ import annotations

from ..errors import EmptyInput, InputError
from ..model import Article
from .article import make_article


def read_html(raw: str, *, source_path: str | None = None, **defaults: object) -> Article | InputError:
    import trafilatura

    body = trafilatura.extract(raw, include_comments=False, include_tables=False, favor_precision=True)
    if not body:
        return EmptyInput(source_path or "<html>")
    # only dates the page states in its metadata, never a guess from "Copyright 2024"
    meta = trafilatura.extract_metadata(raw, extensive=False, date_config={"extensive_search": False,
                                                                            "original_date": True})
    title = meta.title if meta is not None else None
    # the extracted text is kept as it is (offsets index it); a repeated headline at its start becomes
    # the article's title span and is not parsed as body
    published = defaults.pop("published", None) or (meta.date if meta is not None else None)
    outlet = defaults.pop("outlet", None) or (meta.sitename if meta is not None else None)
    url = defaults.pop("url", None) or (meta.url if meta is not None else None)
    try:
        return make_article(body, title=title, published=published, outlet=outlet, url=url,  # type: ignore[arg-type]
                            source_path=source_path)
    except InputError as exc:
        return exc
