"""Prometheus metrics for the API, correct with one process or several gunicorn workers.

prometheus-client keeps each metric in the memory of the process that counts it. Under
gunicorn every worker is its own process, so a scrape would see only the worker that
happened to answer it. In *multiprocess mode* (the environment variable
``PROMETHEUS_MULTIPROC_DIR`` names an empty folder before prometheus-client is
imported) each worker writes its values to files in that folder, and ``/metrics``
sums them over all workers, the live ones and the ones that have exited. The serve
command sets the folder up; :mod:`.gunicorn_conf` tells the library when a worker dies.
"""

from __future__ import annotations

import os

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)

__all__ = ["CONTENT_TYPE_LATEST", "LATENCY", "MODELS_LOADED", "PREDICTIONS", "REQUESTS", "scrape"]

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"

# This process's metrics. In multiprocess mode the values live in files instead and this
# registry is only where they are declared.
REGISTRY = CollectorRegistry()

REQUESTS = Counter(
    "level5_api_requests",
    "HTTP requests answered, by route (the URL rule, not the raw path), method and status",
    ["route", "method", "status"],
    registry=REGISTRY,
)
LATENCY = Histogram(
    "level5_api_request_seconds",
    "Time to answer a request, by route",
    ["route"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5),
    registry=REGISTRY,
)
PREDICTIONS = Counter(
    "level5_api_predictions",
    "Items predicted, by model (a batch of 32 counts 32)",
    ["model"],
    registry=REGISTRY,
)
MODELS_LOADED = Gauge(
    "level5_api_models_loaded",
    "Models this worker serves; one sample per live worker (label pid) under gunicorn",
    registry=REGISTRY,
    multiprocess_mode="liveall",
)


def scrape() -> bytes:
    """The text exposition of every metric, summed over all workers when there are several."""
    if os.environ.get(MULTIPROC_ENV):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
        return bytes(generate_latest(registry))
    return bytes(generate_latest(REGISTRY))
