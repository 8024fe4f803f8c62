"""Exceptions raised by communique.

Hierarchy::

    CommuniqueError
      InputError                 a file or record could not be read
        InputMissing             the path does not exist
        EmptyInput               the file or record has no text
        BinaryInput              the file is not text
        EncodingError            the file is not valid UTF-8 (nor UTF-16/32 with a byte-order mark)
        RecordError              a JSONL line / feed entry is malformed (wrong type, bad value, too deep)
        TooLong                  the article is over the length limit (MAX_CHARS characters)
        UnsupportedLanguage      the article is not in English (the only language analysed)
      DateError                  a date string could not be parsed
      InvalidArgument            a command-line or API parameter is out of range or malformed
      ArticleFailed              one article could not be analysed or stored (the run goes on)
      PipelineError              stages are misconfigured
        UnknownStage             no stage registered under that name
        StageOrderError          a stage needs something no earlier stage adds
        StageFailed              a stage raised while processing a document
        ParserWorkerDied         a spaCy parser worker process ended abnormally (killed, out of memory)
      ModelNotInstalled          the spaCy model package is missing
      EventModelError            an event model file is missing or malformed
      StoreError                 the DuckDB store could not be used
        SchemaVersionError       the store was written by a newer communique
        NotAStore                the file is not a communique store (text, folder, truncated, corrupt)
        StoreBusy                another process held the store for longer than the wait allowed
        EventNotFound            no stored event has that id
        ImportConflict           an import would overwrite rows already in the store
      ClusterError               a Dask cluster could not be reached or a partition failed on it
      ExportError                an export file could not be written
      WatchError                 the watcher could not do its job
        FetchError               a URL could not be fetched (robots.txt, HTTP status, time-out, size)
        SourcesError             a line of the watcher's sources file is not usable

Every message is one line: newlines in a cause (DuckDB's messages have them) are folded.
"""

from __future__ import annotations


class CommuniqueError(Exception):
    """Base class of every error communique raises on purpose."""


def one_line(text: object, limit: int = 300) -> str:
    """``text`` as one line of at most ``limit`` characters (for messages quoting other libraries' errors)."""
    s = " ".join(str(text).split())
    return s if len(s) <= limit else s[: limit - 1] + "…"


class InputError(CommuniqueError):
    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class InputMissing(InputError):
    def __init__(self, path: str) -> None:
        super().__init__(path, "no such file or folder")


class EmptyInput(InputError):
    def __init__(self, path: str) -> None:
        super().__init__(path, "empty: no article text to analyse")


class BinaryInput(InputError):
    def __init__(self, path: str) -> None:
        super().__init__(path, "binary file, not text: give a .txt, .html, .jsonl, .rss or .xml article")


class EncodingError(InputError):
    def __init__(self, path: str, position: int, problem: str | None = None, *, encoding: str = "utf-8") -> None:
        name = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "utf-16": "UTF-16", "utf-32": "UTF-32"}.get(encoding, encoding)
        super().__init__(path, problem or f"not valid {name} (bad byte at offset {position}); re-save the file "
                                          f"as UTF-8")


class RecordError(InputError):
    def __init__(self, path: str, problem: str) -> None:
        super().__init__(path, problem)


class TooLong(InputError):
    def __init__(self, path: str, length: int, limit: int) -> None:
        self.length = length
        self.limit = limit
        super().__init__(path, f"article is {length:,} characters, over the limit of {limit:,}; split it into "
                               f"smaller articles")


class UnsupportedLanguage(InputError):
    def __init__(self, path: str, language: str) -> None:
        self.language = language
        super().__init__(path, f"language {language} not supported (only English articles are analysed)")


class ArticleFailed(CommuniqueError):
    """One article could not be analysed or stored; the others of the run are not affected."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = one_line(problem)
        super().__init__(f"{path}: {self.problem}")


class InvalidArgument(CommuniqueError):
    def __init__(self, name: str, problem: str) -> None:
        self.name = name
        super().__init__(f"{name}: {problem}")


class DateError(CommuniqueError):
    def __init__(self, value: str, where: str = "--published") -> None:
        self.value = value
        super().__init__(f"{where}: cannot parse date {value!r}; use YYYY-MM-DD")


class PipelineError(CommuniqueError):
    pass


class UnknownStage(PipelineError):
    def __init__(self, name: str, known: list[str]) -> None:
        super().__init__(f"no stage named {name!r}; known stages: {', '.join(sorted(known))}")


class StageOrderError(PipelineError):
    def __init__(self, stage: str, missing: list[str]) -> None:
        super().__init__(
            f"stage {stage!r} requires {', '.join(missing)}, which no earlier stage assigns; reorder the pipeline"
        )


class StageFailed(PipelineError):
    def __init__(self, stage: str, article_id: str, cause: BaseException) -> None:
        self.stage = stage
        self.article_id = article_id
        super().__init__(f"stage {stage!r} failed on article {article_id}: {one_line(repr(cause))}")


class ParserWorkerDied(PipelineError):
    def __init__(self, detail: str) -> None:
        super().__init__(f"a parser worker process died: {detail}")


class ModelNotInstalled(CommuniqueError):
    def __init__(self, name: str) -> None:
        super().__init__(
            f"spaCy model {name!r} is not installed; run the README's set-up command (./run demo) or "
            f"pip install -r requirements-model.txt"
        )


class EventModelError(CommuniqueError):
    """An event model file (``.npz``) is missing or is not a model."""


class StoreError(CommuniqueError):
    pass


class SchemaVersionError(StoreError):
    def __init__(self, found: int, supported: int) -> None:
        self.found = found
        self.supported = supported
        super().__init__(
            f"the store has schema version {found} but this communique only knows up to {supported}; "
            f"upgrade communique to open it"
        )


class NotAStore(StoreError):
    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        super().__init__(f"{path}: not a communique store ({one_line(problem, 160)}); give --db a DuckDB file "
                         f"written by `communique ingest`, or a new file name")


class StoreBusy(StoreError):
    def __init__(self, path: str, waited: float) -> None:
        self.path = path
        super().__init__(f"{path}: the store stayed locked by another process for {waited:.0f} s; try again when "
                         f"it finishes")


class ClusterError(CommuniqueError):
    """A Dask scheduler could not be reached, or a partition of articles failed on the cluster."""

    def __init__(self, what: str, problem: str) -> None:
        self.what = what
        self.problem = problem
        super().__init__(f"{what}: {problem}")


class EventNotFound(StoreError):
    def __init__(self, cluster_id: int) -> None:
        self.cluster_id = cluster_id
        super().__init__(f"no stored event has id {cluster_id}; list events with `communique events`")


class ImportConflict(StoreError):
    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        super().__init__(f"{path}: {problem}")


class ExportError(CommuniqueError):
    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        super().__init__(f"{path}: cannot write the export: {problem}")


class WatchError(CommuniqueError):
    """Base class of the watcher's errors."""


class FetchError(WatchError):
    """``transient``: worth trying again at the next poll (a time-out, a 5xx, an unreachable robots.txt)."""

    def __init__(self, url: str, problem: str, *, transient: bool = False) -> None:
        self.url = url
        self.problem = problem
        self.transient = transient
        super().__init__(f"{url}: {problem}")


class SourcesError(WatchError):
    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}")
