"""Scale-out on Dask: partitions of articles analysed on a dask.distributed cluster, results written as Parquet
and merged into the DuckDB store in input order, restartable from per-partition completion markers.

    >>> from communique.scale import connect, ingest_dask
    >>> client = connect(workers=2)                       # or connect("tcp://scheduler:8786")
    >>> ingest_dask(["news.jsonl"], store=store, client=client, work_dir="communique.duckdb.parts")
"""

from .codec import doc_from_json, doc_to_json, docs_from_parquet, docs_to_parquet
from .ingest import Partition, analyse_partition, analysed_docs, connect, ingest_dask, ingest_on_cluster, partitions

__all__ = ["Partition", "analyse_partition", "analysed_docs", "connect", "doc_from_json", "doc_to_json",
           "docs_from_parquet", "docs_to_parquet", "ingest_dask", "ingest_on_cluster", "partitions"]
