"""Action-server settings, from the environment (this venv has pydantic 1, so plain env)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class ActionConfig:
    gateway_url: str
    timeout_seconds: float


@cache
def get_config() -> ActionConfig:
    env = os.environ.get
    return ActionConfig(
        gateway_url=env("ACTIONS_GATEWAY_URL", "http://127.0.0.1:8000").rstrip("/"),
        timeout_seconds=float(env("ACTIONS_GATEWAY_TIMEOUT", "2.0")),
    )
