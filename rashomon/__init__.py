"""Rashomon: many reports of one event, reconciled.

The public API is what this module exports; everything else is internal.
"""

from rashomon.errors import RashomonError
from rashomon.ingest import Manifest, Metadata
from rashomon.pipeline import IngestReport, ingest
from rashomon.report import export_json
from rashomon.settings import Settings, load_settings
from rashomon.store import Store, open_store

__version__ = "0.1.0"

__all__ = [
    "IngestReport",
    "Manifest",
    "Metadata",
    "RashomonError",
    "Settings",
    "Store",
    "__version__",
    "export_json",
    "ingest",
    "load_settings",
    "open_store",
]
