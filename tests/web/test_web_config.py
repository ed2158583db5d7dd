"""The settings of ``claimmap serve``: file, environment and options; private reads; the hint."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from webdata import start_server, stop_server

from claimmap.errors import ConfigError
from claimmap.web.config import INSTALL_HINT, TOKEN_ENV, load_config


def test_environment_token_wins_over_the_file_and_options_over_both(tmp_path: Path) -> None:
    path = tmp_path / "claimmap.toml"
    path.write_text('[web]\napi_token = "from-file"\ndb = "file.db"\nprivate_reads = true\n')
    assert load_config(path, env={}).api_token == "from-file"
    config = load_config(path, env={TOKEN_ENV: "from-env"}, db="option.db")
    assert config.api_token == "from-env"
    assert config.db == "option.db"
    assert config.private_reads is True
    assert load_config(path, env={}, db=None).db == "file.db"


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("[web]\nprivate_reads = 'sometimes'\n", "private_reads"),
        ("[web]\ncolour = 'red'\n", "colour"),
        ("[web]\nmaps = 'maps/'\n", "maps and regions go together"),
        ("[web\n", "not TOML"),
    ],
)
def test_a_bad_config_file_is_an_error_naming_the_file_and_the_field(
    tmp_path: Path, text: str, says: str
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text)
    with pytest.raises(ConfigError) as caught:
        load_config(path, env={})
    assert str(path) in str(caught.value)
    assert says in str(caught.value)


def test_serve_without_the_web_extra_says_how_to_install_it_in_one_line(tmp_path: Path) -> None:
    # A sitecustomize that makes fastapi unimportable, as on an install without the extra.
    (tmp_path / "sitecustomize.py").write_text(
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'fastapi':\n"
        "            raise ImportError('blocked for the test')\n"
        "sys.meta_path.insert(0, Block())\n"
    )
    done = subprocess.run(
        [sys.executable, "-m", "claimmap", "serve", "--db", str(tmp_path / "x.db")],
        env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1
    assert INSTALL_HINT in lines[0]
    assert "fastapi" in lines[0]
    assert not (tmp_path / "x.db").exists()


@pytest.fixture(scope="module")
def private_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server whose config file sets the token and makes reads need it, in two workers.

    The workers are started by uvicorn from an import string and get the settings
    through the environment: the token and private reads must reach both.
    """
    folder = tmp_path_factory.mktemp("private")
    config = folder / "claimmap.toml"
    config.write_text('[web]\napi_token = "file-token"\nprivate_reads = true\n')
    process, url = start_server(
        folder / "private.db",
        cache=folder,
        args=["--config", str(config), "--workers", "2"],
        env={},
    )
    yield url
    stop_server(process)


def test_private_reads_need_the_token_from_the_config_file(private_server: str) -> None:
    # Several connections, each of which either worker may take.
    for _ in range(4):
        with httpx.Client(base_url=private_server, timeout=30) as http:
            refused = http.get("/api/claims")
            assert refused.status_code == 401
            assert refused.json()["error"]["code"] == "unauthorized"
            page = http.get("/claims")
            assert page.status_code == 401
            assert "text/html" in page.headers["content-type"]
            ok = http.get("/api/claims", headers={"Authorization": "Bearer file-token"})
            assert ok.status_code == 200
            assert ok.json()["total"] == 0


def test_a_worker_without_the_settings_in_its_environment_is_a_config_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from claimmap.web.app import CONFIG_ENV, app_from_environment

    monkeypatch.delenv(CONFIG_ENV, raising=False)
    with pytest.raises(ConfigError, match=CONFIG_ENV):
        app_from_environment()
    monkeypatch.setenv(CONFIG_ENV, '{"db": "x.db", "colour": "red"}')
    with pytest.raises(ConfigError, match="colour"):
        app_from_environment()


def test_without_a_token_configured_writes_are_refused_and_reads_are_open(
    tmp_path: Path,
) -> None:
    process, url = start_server(tmp_path / "open.db", cache=tmp_path, args=[], env={TOKEN_ENV: ""})
    try:
        with httpx.Client(base_url=url, timeout=30) as http:
            refused = http.post(
                "/api/articles", json={"text": "x"}, headers={"Authorization": "Bearer x"}
            )
            assert refused.status_code == 403
            assert refused.json()["error"]["code"] == "writes-disabled"
            assert http.get("/api/claims").status_code == 200
    finally:
        stop_server(process)
