"""The web shell: `rashomon serve` (FastAPI on uvicorn), a JSON API and pages over the same queries."""

from rashomon.web.app import create_app

__all__ = ["create_app"]
