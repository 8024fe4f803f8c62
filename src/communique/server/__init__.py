"""The REST API and the dashboard: a FastAPI app over :mod:`communique.analysis`.

``create_app(ServerSettings(db=...))`` builds the app; ``communique serve`` runs it with uvicorn.
Endpoints (OpenAPI schema at ``/openapi.json``, browsable at ``/docs``):

=============================  ====================================================================
``GET /api/events``            a page of merged events (filters, ``limit`` 1-500, ``offset``)
``GET /api/events/{id}``       one event with every report, evidence, actors, attribution, status history
``GET /api/series``            dyad time series (``interval`` day/week/month)
``GET /api/network``           actor or country network (``level``, ``max_nodes``)
``GET /api/map``               located events grouped by place
``GET /api/stats``             counts and the date range of the store
``POST /api/ingest``           analyse and store one article (needs the operator token)
``GET /``                      the dashboard; ``/static/*`` its files, ``/vendor/*`` npm assets
=============================  ====================================================================

Security: the store is opened read-only unless an operator token is set (``COMMUNIQUE_TOKEN``),
and then only ``POST /api/ingest`` with ``Authorization: Bearer <token>`` writes.  No CORS headers
unless origins are given; the ``Host`` header must name the bound address (DNS rebinding);
request bodies over ``max_body`` bytes get 413, query strings over 4096 characters 414; unknown
query parameters are a 400; filters are validated (422) and passed to SQL as parameters only.
Static files are served from fixed folders by Starlette, which refuses paths leaving them.
"""

from __future__ import annotations

from .app import ServerSettings, create_app

__all__ = ["ServerSettings", "create_app"]
