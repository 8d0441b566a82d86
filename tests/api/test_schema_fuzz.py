"""Property-based fuzzing of every operation in the gateway's OpenAPI schema (Schemathesis).

Schemathesis generates valid and invalid requests for each operation (path, query and body)
and sends them to the real app in-process: once anonymously and once with a staff token
(the pharmacist, who also has an HR record), so the authorised code paths run too. Every
response must be: no 5xx; a declared content type; a body that matches the schema for
documented statuses; and invalid input refused with a 4xx. The store and the small index
are private copies; Rasa is the fake one from conftest.
"""

from __future__ import annotations

import os
import shutil

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.python.asgi import ASGIClient
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
)

from api.main import create_app
from core.settings import RateLimitSettings, Settings
from knowledge_base.store import open_knowledge_base
from retrieval.service import SearchService
from tests.api.conftest import FakeRasa, token
from tests.conftest import make_settings

pytestmark = pytest.mark.slow

CHECKS = [not_a_server_error, content_type_conformance, response_schema_conformance,
          negative_data_rejection]
# 25 per operation in `make test`, the same examples on every run (derandomized: a commit
# cannot pass on one machine and fail in CI by the luck of the draw); FUZZ_EXAMPLES=300 for a
# deeper, random run before a release
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "25"))
DERANDOMIZE = "FUZZ_EXAMPLES" not in os.environ
CONFIG = schemathesis.Config.from_dict({
    "generation": {"mode": "all", "max-examples": EXAMPLES},
    # the coverage phase enumerates boundary values exhaustively: too slow for every commit
    "phases": {"coverage": {"enabled": False}, "stateful": {"enabled": False}},
})
FUZZ_SETTINGS = settings(max_examples=EXAMPLES, deadline=None, database=None,
                         derandomize=DERANDOMIZE,
                         suppress_health_check=list(HealthCheck))


# The schema comes from the app's routes alone (no lifespan, nothing touched on disk), so
# pytest can collect one test per operation.
SCHEMA = schemathesis.openapi.from_dict(create_app(Settings()).openapi(), config=CONFIG)


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory, small_index_settings, small_documents, embedder):
    """One app for the module (lifespan running) and a Schemathesis session calling it."""
    var_dir = tmp_path_factory.mktemp("fuzz")
    settings = make_settings(var_dir).model_copy(update={"rate_limit": RateLimitSettings(
        per_ip="1000000/minute", per_session="1000000/minute")})
    shutil.copytree(small_index_settings.paths.index_dir, settings.paths.index_dir)
    open_knowledge_base(settings.db_url).import_documents(
        [("test", d) for d in small_documents], origins={"test"}, author="importer")
    app = create_app(settings, search_service=SearchService(settings, embedder),
                     rasa_client=FakeRasa())
    with TestClient(app) as client:
        # not entered: the TestClient above owns the app's lifespan
        yield client, ASGIClient(app), token(client, "pharmacist")


@SCHEMA.parametrize()
@FUZZ_SETTINGS
def test_anonymous_requests_never_get_a_5xx(case, fuzzed):
    _, session, _ = fuzzed
    case.call_and_validate(session=session, base_url="http://testserver", checks=CHECKS)


@SCHEMA.parametrize()
@FUZZ_SETTINGS
def test_staff_requests_never_get_a_5xx(case, fuzzed):
    _, session, staff = fuzzed
    case.call_and_validate(session=session, base_url="http://testserver", headers=staff,
                           checks=CHECKS)
