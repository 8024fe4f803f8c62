"""communique: sourced, time-resolved event data from news reports."""

from .api import IngestReport, analyze, analyze_articles, default_pipeline, ingest, read_inputs
from .errors import CommuniqueError
from .model import Actor, Article, Attribution, Doc, Event, Mention, Quote
from .pipeline import Pipeline
from .serialize import doc_to_dict

__all__ = [
    "Actor", "Article", "Attribution", "CommuniqueError", "Doc", "Event", "IngestReport", "Mention", "Pipeline",
    "Quote", "analyze", "analyze_articles", "default_pipeline", "doc_to_dict", "ingest", "read_inputs",
]
__version__ = "0.1.0"
