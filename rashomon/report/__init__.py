"""Reports and exports over a store."""

from rashomon.report.export import export_json

__all__ = ["export_json"]
