"""The console script and the settings contract."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import NO_TOKEN_HINT, main
from bot.config import WEAK_SECRET_HINT, Settings, SettingsError, load_settings

SUBCOMMANDS = ("run", "sandbox", "migrate", "demo-data", "render", "bench", "backup")


def run_cli(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "DATABASE_", "CERT_"))
    }
    clean.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        capture_output=True,
        text=True,
        env=clean,
        cwd=cwd,
        timeout=60,
    )


def test_help_lists_every_subcommand() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    for name in SUBCOMMANDS:
        assert name in result.stdout


def test_run_without_token_prints_one_line_and_exits_2(tmp_path: Path) -> None:
    result = run_cli("run", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == NO_TOKEN_HINT
    assert "BOT_TOKEN" in result.stderr and "biliktilik sandbox" in result.stderr


def test_malformed_setting_names_the_variable(tmp_path: Path) -> None:
    result = run_cli("run", env={"ADMIN_IDS": "12,abc", "BOT_TOKEN": "1:x"}, cwd=tmp_path)
    assert result.returncode == 2
    assert "ADMIN_IDS" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("variable", "value", "expected"),
    [
        ("TIMEZONE", "Mars/Olympus", "TIMEZONE: unknown time zone"),
        ("CERTIFICATE_PREFIX", "О1", "CERTIFICATE_PREFIX: must be 2–10 Latin letters"),
        ("DATABASE_URL", "mysql://x", "DATABASE_URL: must start with"),
        ("WEBHOOK_PORT", "eighty", "WEBHOOK_PORT"),
    ],
)
def test_each_malformed_setting_is_explained(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str, expected: str
) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(SettingsError) as error:
        load_settings(_env_file=None)
    assert expected in str(error.value)


def test_settings_defaults_and_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ADMIN_IDS", "11, 22;33")
    monkeypatch.setenv("EXTRA_HOLIDAYS", "2026-12-17,2026-03-24")
    monkeypatch.setenv("EXTRA_WORKING_DAYS", "2026-11-21")
    settings = load_settings(_env_file=None)
    assert settings.admin_ids == [11, 22, 33]
    assert settings.database_url == "sqlite+aiosqlite:///./data/biliktilik.db"
    assert settings.timezone == "Asia/Almaty"
    assert str(settings.tz) == "Asia/Almaty"
    assert [d.isoformat() for d in settings.extra_holidays] == ["2026-12-17", "2026-03-24"]
    assert [d.isoformat() for d in settings.extra_working_days] == ["2026-11-21"]


def test_env_example_lists_every_setting() -> None:
    from bot.config import Settings

    example = (Path(__file__).resolve().parent.parent / ".env.example").read_text()
    for name in Settings.model_fields:
        assert f"{name.upper()}=" in example, name


def test_main_returns_2_for_missing_token(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("BOT_TOKEN", raising=False)
    assert main(["run"]) == 2
    assert capsys.readouterr().err.strip() == NO_TOKEN_HINT


@pytest.mark.parametrize(
    ("kind", "expected"),
    [("certificate", "СЕРТИФИКАТ"), ("reference", "Әлия Серікқызы"), ("order", "БҰЙРЫҚ")],
)
def test_render_writes_a_sample_pdf_with_the_overrides(
    tmp_path: Path, kind: str, expected: str
) -> None:
    from pypdf import PdfReader

    out = tmp_path / f"{kind}.pdf"
    result = run_cli(
        "render",
        kind,
        "--out",
        str(out),
        "--lang",
        "kk",
        "--name",
        "Әлия Серікқызы",
        "--topic",
        "Жасанды интеллект",
        "--hours",
        "48",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    assert expected in text
    if kind == "certificate":
        assert "Әлия Серікқызы" in text and "48" in text and "Жасанды интеллект" in text


def test_bench_refuses_an_unknown_section_instead_of_running_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "bench.json"
    assert main(["bench", "--only", "updates", "--out", str(out)]) == 2
    printed = capsys.readouterr().out
    assert "unknown section(s): updates" in printed and "updates_handled" in printed
    assert not out.exists()


@pytest.mark.parametrize(
    "secret",
    [None, "change-me-in-production", "", "short-but-not-32-bytes", "x" * 31],
    ids=["missing", "placeholder", "empty", "short", "31-bytes"],
)
def test_run_refuses_a_weak_cert_secret_with_one_line(tmp_path: Path, secret: str | None) -> None:
    env = {"BOT_TOKEN": "1:x"}
    if secret is not None:
        env["CERT_SECRET"] = secret
    result = run_cli("run", env=env, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == WEAK_SECRET_HINT
    assert "secrets.token_hex(32)" in result.stderr and "Traceback" not in result.stderr


def test_a_32_byte_secret_is_enough() -> None:
    settings = Settings(_env_file=None, cert_secret="k" * 32)
    assert not settings.cert_secret_is_weak
    # bytes, not letters: a Cyrillic letter is two bytes in UTF-8
    assert Settings(_env_file=None, cert_secret="ключ" * 3).cert_secret_is_weak  # 24 bytes
    assert not Settings(_env_file=None, cert_secret="ключ" * 4).cert_secret_is_weak  # 32 bytes


def test_the_example_settings_hold_no_usable_secret() -> None:
    example = (Path(__file__).resolve().parent.parent / ".env.example").read_text()
    assert "CERT_SECRET=\n" in example


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_render_previews_the_configured_organization_head_logo_and_prefix(
    tmp_path: Path, lang: str
) -> None:
    """Item 16: the preview shows what the bot will print, not the fictional sample centre."""
    from PIL import Image
    from pypdf import PdfReader

    logo = tmp_path / "logo.png"
    Image.new("RGB", (64, 64), (200, 30, 30)).save(logo)
    out = tmp_path / "certificate.pdf"
    env = {
        "ORGANIZATION_NAME_KK": "«Шұғыла» біліктілікті арттыру орталығы",
        "ORGANIZATION_NAME_RU": "Центр повышения квалификации «Шугыла»",
        "HEAD_NAME": "Сәуле Маратқызы Өтегенова",
        "LOGO_PATH": str(logo),
        "CERTIFICATE_PREFIX": "SHG",
    }
    result = run_cli(
        "render", "certificate", "--out", str(out), "--lang", lang, env=env, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    reader = PdfReader(out)
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "Шұғыла" in text and "Шугыла" in text
    assert "Өтегенова" in text
    assert "SHG-2026-000123" in text
    assert "Білім шыңы" not in text and "BLK-" not in text
    assert len(reader.pages[0].images) == 1  # the logo (the QR code is drawn as vectors)
