"""The API fuzzed from its own OpenAPI schema (Schemathesis, the app in process): whatever a client sends,
every answer is one the schema declares, in the shape it declares, and none is a server error."""

from __future__ import annotations

import os

import schemathesis
from hypothesis import HealthCheck, given, settings

from tests.web.conftest import Server

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "0")) // 100 or 15


def test_every_operation_answers_within_its_schema_and_never_fails(app: Server) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", app.app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def answers(case: schemathesis.Case) -> None:
            case.call_and_validate()

        answers()
