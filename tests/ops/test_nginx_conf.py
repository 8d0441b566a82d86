"""`make run-scaled`'s nginx is docker-compose's, moved to loopback (ops/scaled.py)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from ops.infra import COMPOSE_NGINX, ScaledPorts, loopback_balancer, nginx_conf

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def _directives(text: str) -> list[str]:
    """The compose file's directives other than where it listens and what it proxies to."""
    lines = [line.split("#")[0].strip() for line in text.splitlines()]
    return [line for line in lines if line and not line.startswith(("listen", "server "))]


def test_every_compose_directive_reaches_the_scaled_config(tmp_path):
    generated = nginx_conf(tmp_path, ScaledPorts())
    for path in COMPOSE_NGINX:
        for directive in _directives(path.read_text(encoding="utf-8")):
            assert directive in generated, (path.name, directive)
    ports = ScaledPorts()
    for port in (ports.gateway_1, ports.gateway_2, ports.rasa_1, ports.rasa_2):
        assert f"server 127.0.0.1:{port} " in generated
    assert f"listen 127.0.0.1:{ports.front};" in generated
    assert f"listen 127.0.0.1:{ports.rasa_lb};" in generated
    assert "gateway-1:8000" not in generated and "rasa-1:5005" not in generated


def test_a_compose_file_of_another_shape_is_refused():
    with pytest.raises(ValueError, match="expected shape"):
        loopback_balancer("upstream a {\n    server a:1;\n}\n", [1, 2], 9)


@pytest.mark.skipif(not Path(NGINX).is_file(), reason="nginx is installed by make scaled-deps")
def test_nginx_accepts_the_generated_config(tmp_path):
    (tmp_path / "nginx").mkdir()
    conf = tmp_path / "nginx" / "nginx.conf"
    conf.write_text(nginx_conf(tmp_path, ScaledPorts()), encoding="utf-8")
    checked = subprocess.run([NGINX, "-t", "-c", str(conf), "-e", "stderr"],
                             capture_output=True, text=True, timeout=60)
    assert checked.returncode == 0, checked.stderr
