"""CI cannot run Docker: read the Dockerfile and compose file and check them against settings."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from bot.config import Settings
from bot.runtime.retry import FLOOD_WAIT_BUDGET_SECONDS

DOCKER = Path(__file__).resolve().parent.parent / "docker"


def dockerfile_instructions() -> list[tuple[str, str]]:
    text = (DOCKER / "Dockerfile").read_text().replace("\\\n", " ")
    lines = [line.strip() for line in text.splitlines()]
    return [
        (line.split(None, 1)[0].upper(), line.split(None, 1)[1] if " " in line else "")
        for line in lines
        if line and not line.startswith("#")
    ]


def test_image_is_slim_runs_as_non_root_and_migrates_on_start() -> None:
    instructions = dockerfile_instructions()
    base = next(arg for op, arg in instructions if op == "FROM")
    assert base.startswith("python:3.11-slim")
    users = [arg for op, arg in instructions if op == "USER"]
    assert users and users[-1] not in {"root", "0"}
    cmd = next(arg for op, arg in reversed(instructions) if op == "CMD")
    assert "biliktilik migrate" in cmd and "biliktilik run --webhook" in cmd
    assert cmd.index("migrate") < cmd.index("run --webhook")
    assert any(op == "HEALTHCHECK" and "/healthz" in arg for op, arg in instructions)
    copied = " ".join(arg for op, arg in instructions if op == "COPY")
    for package in ("bot", "domain", "storage", "locales"):
        assert f"./{package}" in copied


def test_compose_runs_bot_postgres_and_redis_with_health_checks() -> None:
    compose = yaml.safe_load((DOCKER / "compose.yaml").read_text())
    services = compose["services"]
    assert set(services) == {"bot", "postgres", "redis"}
    for name in ("postgres", "redis"):
        assert "healthcheck" in services[name]
        assert services["bot"]["depends_on"][name]["condition"] == "service_healthy"
    volumes = set(compose["volumes"])
    assert {"postgres-data", "redis-data", "bot-data"} <= volumes
    # a graceful stop waits for sends Telegram is answering (up to the ~20 s flood budget)
    grace = services["bot"]["stop_grace_period"]
    assert grace.endswith("s") and int(grace[:-1]) > FLOOD_WAIT_BUDGET_SECONDS


def test_compose_environment_matches_the_settings() -> None:
    compose = yaml.safe_load((DOCKER / "compose.yaml").read_text())
    environment = compose["services"]["bot"]["environment"]
    known = {name.upper() for name in Settings.model_fields}
    assert set(environment) <= known, set(environment) - known
    assert environment["DATABASE_URL"].startswith("postgresql+asyncpg://")
    assert environment["REDIS_URL"].startswith("redis://redis:6379")
    postgres = compose["services"]["postgres"]["environment"]
    assert f"@postgres:5432/{postgres['POSTGRES_DB']}" in environment["DATABASE_URL"]
    assert environment["WEBHOOK_PORT"] == "8080"
    assert "8080:8080" in compose["services"]["bot"]["ports"]
    interpolated = {
        name.lower(): re.sub(r"\$\{[A-Z_]+:-([^}]*)\}", r"\1", value)
        for name, value in environment.items()
    }
    settings = Settings(_env_file=None, **{k: v for k, v in interpolated.items() if v})
    assert settings.database_url == (
        "postgresql+asyncpg://biliktilik:biliktilik@postgres:5432/biliktilik"
    )
    assert settings.redis_url == "redis://redis:6379/0"
