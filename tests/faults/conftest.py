"""Fault-injection fixtures: a private copy of the small index and its store, which a test may
break at will. The end-to-end stack (``running_stack``) comes from tests/conftest.py."""

from __future__ import annotations

import pytest

from core.settings import Settings
from ops.stack import copy_published_state
from tests.conftest import make_settings


@pytest.fixture
def fault_settings(tmp_path, small_index_settings) -> Settings:
    """Settings over a private copy of the small index and the store it was built from."""
    settings = make_settings(tmp_path / "var")
    copy_published_state(settings.paths.var_dir, small_index_settings.paths.var_dir)
    return settings
