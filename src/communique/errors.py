"""Exceptions raised by communique.

Hierarchy::

    CommuniqueError
      InputError                 a file or record could not be read
        InputMissing             the path does not exist
        EmptyInput               the file or record has no text
        BinaryInput              the file is not text
        EncodingError            the file is not valid UTF-8
        RecordError              a JSONL line / feed entry is malformed
      DateError                  a date string could not be parsed
      PipelineError              stages are misconfigured
        UnknownStage             no stage registered under that name
        StageOrderError          a stage needs something no earlier stage adds
        StageFailed              a stage raised while processing a document
      ModelNotInstalled          the spaCy model package is missing
      StoreError                 the DuckDB store could not be used
        SchemaVersionError       the store was written by a newer communique
    WatchError                   the watcher could not do its job
      FetchError                 a URL could not be fetched (robots.txt, HTTP status, time-out, size)
      SourcesError               a line of the watcher's sources file is not usable
"""

from __future__ import annotations


class CommuniqueError(Exception):
    """Base class of every error communique raises on purpose."""


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
    def __init__(self, path: str, position: int) -> None:
        super().__init__(path, f"not valid UTF-8 (bad byte at offset {position}); re-save the file as UTF-8")


class RecordError(InputError):
    def __init__(self, path: str, problem: str) -> None:
        super().__init__(path, problem)


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
        super().__init__(f"stage {stage!r} failed on article {article_id}: {cause!r}")


class ModelNotInstalled(CommuniqueError):
    def __init__(self, name: str) -> None:
        super().__init__(
            f"spaCy model {name!r} is not installed; run the README's set-up command (./run demo) or "
            f"pip install -r requirements-model.txt"
        )


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
