from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from rashomon.extract.nlp import load_pipeline


@pytest.fixture(scope="session")
def nlp() -> Callable[[str], Any]:
    """The real packaged spaCy pipeline, loaded once for the session."""
    return load_pipeline()  # type: ignore[no-any-return]
