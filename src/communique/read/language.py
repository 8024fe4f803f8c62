"""Which language an article is in, with py3langid (a maintained fork of langid.py; its model ships in
the package, nothing is downloaded).  Only English is analysed: the parser and every table are English.

An article is called non-English only when the identifier is sure (probability at least
:data:`CONFIDENCE` over its 97 languages) and the text has at least :data:`MIN_LETTERS` letters:
a short or mixed English text is never turned away on a guess.  Identification reads at most the first
:data:`SAMPLE` characters (title included), so its cost does not grow with the article.
"""

from __future__ import annotations

import functools
from typing import Any

from ..errors import UnsupportedLanguage
from ..model import Article

__all__ = ["SUPPORTED", "CONFIDENCE", "MIN_LETTERS", "SAMPLE", "detect_language", "check_language"]

#: ISO 639-1 codes of the languages analysed.
SUPPORTED: frozenset[str] = frozenset({"en"})
CONFIDENCE = 0.95
MIN_LETTERS = 40
SAMPLE = 4_000


@functools.lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, probability 0..1) of the language of ``text``'s first :data:`SAMPLE` characters."""
    code, prob = _identifier().classify(text[:SAMPLE])
    return str(code), float(prob)


def check_language(article: Article) -> UnsupportedLanguage | None:
    """An error naming the article and its language when it is surely not in a supported language."""
    sample = f"{article.title or ''}\n{article.text[:SAMPLE]}"
    if sum(c.isalpha() for c in sample) < MIN_LETTERS:
        return None
    code, prob = detect_language(sample)
    if code in SUPPORTED or prob < CONFIDENCE:
        return None
    return UnsupportedLanguage(article.source_path or article.id, code)
