"""CI: does the built wheel, installed without the source tree, work?

    python .ci/wheel_smoke.py --wheel dist/biliktilik-….whl --venv /tmp/…/venv --checkout .

1. The wheel holds every file git tracks under bot/, domain/, storage/ and locales/ (the Fluent
   files as bot/locales/), and nothing else besides its metadata.
2. `bot` imports from the venv's site-packages, not from a checkout.
3. `biliktilik sandbox` (from the venv, run in an empty temporary directory, PYTHONPATH unset)
   serves its page and static files and answers /start, then the language choice, in Kazakh and
   in Russian with the real texts.

Standard library only; the sandbox is stopped whatever happens. Exit status 0 when all is well.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import zipfile
from pathlib import Path
from typing import Any

SHIPPED = ("bot", "domain", "storage", "locales")
CHOOSER = "Тілді таңдаңыз / Выберите язык"  # start-choose-language, the same in both
#: language → the user, and what the bot says when they press its button under /start's
#: chooser (as in tests/bot/test_start_and_language.py): the button's answer (language-saved),
#: then the main menu's greeting.
PEOPLE = {
    "kk": (5001, "Айгүл", "Тіл сақталды: қазақ тілі", "Басты мәзір. Сәлеметсіз бе, Айгүл!"),
    "ru": (5002, "Иван", "Язык сохранён: русский.", "Главное меню. Здравствуйте, Иван!"),
}
MESSAGE_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)+")  # what an untranslated text looks like
DEADLINE_SECONDS = 60  # for everything, the sandbox's start and stop included


class SmokeError(Exception):
    pass


def check_contents(wheel: Path, checkout: Path) -> None:
    try:
        listed = subprocess.run(
            ["git", "-C", str(checkout), "ls-files", "-z", *SHIPPED],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split("\0")
        tracked = {name for name in listed if name}
    except (OSError, subprocess.CalledProcessError):  # not a git checkout: what is on disk
        tracked = {
            path.relative_to(checkout).as_posix()
            for top in SHIPPED
            for path in (checkout / top).rglob("*")
            if path.is_file() and "__pycache__" not in path.parts
        }
    expected = {f"bot/{name}" if name.startswith("locales/") else name for name in tracked}
    with zipfile.ZipFile(wheel) as archive:
        shipped = {
            name
            for name in archive.namelist()
            if not name.endswith("/") and ".dist-info/" not in name
        }
    missing, extra = sorted(expected - shipped), sorted(shipped - expected)
    if missing or extra:
        raise SmokeError(
            f"{wheel.name}: missing {missing or 'nothing'}; extra {extra or 'nothing'} (package"
            " data patterns are in pyproject.toml, the package list in setup.py)"
        )
    if not any(name.startswith("bot/locales/kk/") for name in shipped) or not any(
        name.startswith("bot/locales/ru/") for name in shipped
    ):
        raise SmokeError(f"{wheel.name}: no Fluent files under bot/locales/kk and bot/locales/ru")
    print(f"wheel: {len(shipped)} files, the same as the checkout's {', '.join(SHIPPED)}")


def clean_env() -> dict[str, str]:
    return {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}


def check_import(venv: Path, cwd: Path) -> None:
    found = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import bot.ui.i18n as i; print(i.__file__)"],
        cwd=cwd,
        env=clean_env(),
        capture_output=True,
        text=True,
    )
    if found.returncode != 0:
        raise SmokeError(f"bot.ui.i18n does not import: {found.stderr.strip()[-2000:]}")
    where = found.stdout.strip()
    if not Path(where).resolve().is_relative_to(venv.resolve()):
        raise SmokeError(f"bot is imported from {where}, not from the venv {venv}")
    print(f"bot.ui.i18n imports from {where}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Sandbox:
    def __init__(self, base: str) -> None:
        self.base = base

    def call(self, method: str, path: str, body: Any = None, timeout: float = 15) -> Any:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method)
        request.add_header("Content-Type", "application/json")
        with urllib.request.urlopen(request, timeout=timeout) as response:
            raw = response.read()
        return json.loads(raw) if response.headers.get_content_type() == "application/json" else raw

    def messages(self, user_id: int, after: int, wait: float) -> list[dict[str, Any]]:
        path = f"/sandbox/api/users/{user_id}/messages?after={after}&wait={wait}"
        return list(self.call("GET", path, timeout=wait + 10))

    def bot_says(self, user_id: int, after: int, texts: list[str]) -> list[dict[str, Any]]:
        """The bot's messages after `after` until every one of `texts` has begun one of them."""
        seen: list[dict[str, Any]] = []
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            for message in self.messages(user_id, after, wait=5):
                after = max(after, int(message["message_id"]))
                seen.append(message)
                text = message.get("text") or message.get("caption") or ""
                if MESSAGE_ID.fullmatch(text.strip()):
                    raise SmokeError(f"user {user_id}: untranslated message id {text!r}")
            said = [m.get("text") or "" for m in seen]
            if all(any(s.startswith(text) for s in said) for text in texts):
                return seen
        said = [m.get("text") for m in seen]
        raise SmokeError(f"user {user_id}: expected messages starting {texts}, the bot said {said}")


def wait_until_up(sandbox: Sandbox, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SmokeError(f"biliktilik sandbox exited with status {process.returncode}")
        try:
            sandbox.call("GET", "/sandbox/api/users", timeout=2)
            return
        except (urllib.error.URLError, OSError):
            time.sleep(0.3)
    raise SmokeError("biliktilik sandbox did not answer within 30 s")


def check_sandbox(sandbox: Sandbox) -> None:
    page = sandbox.call("GET", "/")
    if b"<html" not in page.lower():
        raise SmokeError("the sandbox page at / is not HTML")
    for name in ("app.js", "style.css"):
        sandbox.call("GET", f"/static/{name}")
    print("sandbox page and static files: served")
    for lang, (user_id, first_name, saved, menu) in PEOPLE.items():
        sandbox.call(
            "POST",
            "/sandbox/api/users",
            # Telegram in English: the bot asks the language (kk or ru from Telegram is taken
            # as it is, tests/bot/test_start_and_language.py)
            {"id": user_id, "first_name": first_name, "language_code": "en"},
        )
        sandbox.call("POST", f"/sandbox/api/users/{user_id}/messages", {"text": "/start"})
        said = sandbox.bot_says(user_id, 0, [CHOOSER])
        chooser = next(m for m in said if (m.get("text") or "").startswith(CHOOSER))
        buttons = [
            button.get("callback_data")
            for row in (chooser.get("reply_markup") or {}).get("inline_keyboard", [])
            for button in row
        ]
        if f"lang:{lang}" not in buttons:
            raise SmokeError(f"user {user_id}: no lang:{lang} button under {chooser.get('text')!r}")
        tapped = sandbox.call(
            "POST",
            f"/sandbox/api/users/{user_id}/callbacks",
            {"message_id": chooser["message_id"], "data": f"lang:{lang}", "wait": 10},
        )
        answer = (tapped.get("answer") or {}).get("text")
        if answer != saved:
            raise SmokeError(f"user {user_id}: lang:{lang} answered {answer!r}, not {saved!r}")
        sandbox.bot_says(user_id, int(chooser["message_id"]), [menu])
        print(f"{lang}: /start → {CHOOSER!r}; lang:{lang} → {saved!r}, {menu!r}")


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def overdue(signum: int, frame: object) -> None:
    raise SmokeError(f"not done within {DEADLINE_SECONDS} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", type=Path, required=True)
    parser.add_argument("--venv", type=Path, required=True, help="where the wheel is installed")
    parser.add_argument("--checkout", type=Path, required=True)
    args = parser.parse_args()
    # SIGTERM/SIGHUP (a cancelled CI job) must also reach the `finally` that stops the sandbox.
    for number in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(number, lambda signum, frame: sys.exit(128 + signum))
    signal.signal(signal.SIGALRM, overdue)
    signal.alarm(DEADLINE_SECONDS)
    started = time.monotonic()
    failure: Exception | None = None
    with tempfile.TemporaryDirectory(prefix="biliktilik-wheel-smoke-") as work:
        cwd = Path(work)
        log = (cwd / "sandbox.log").open("w+b")
        process: subprocess.Popen[bytes] | None = None
        try:
            check_contents(args.wheel.resolve(), args.checkout.resolve())
            check_import(args.venv, cwd)
            port = free_port()
            process = subprocess.Popen(
                [str(args.venv / "bin" / "biliktilik"), "sandbox", "--port", str(port)],
                cwd=cwd,
                env=clean_env(),
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            sandbox = Sandbox(f"http://127.0.0.1:{port}")
            wait_until_up(sandbox, process)
            check_sandbox(sandbox)
        except (SmokeError, urllib.error.URLError, OSError) as error:
            failure = error
        finally:
            # Nothing may interrupt the stop itself (bounded: terminate, then kill after 20 s).
            signal.alarm(0)
            for number in (signal.SIGTERM, signal.SIGHUP):
                signal.signal(number, signal.SIG_IGN)
            if process is not None:
                stop(process)
            log.seek(0)
            output = log.read().decode(errors="replace").splitlines()
            log.close()
    if failure is not None:
        print(f"wheel smoke check FAILED: {failure}", file=sys.stderr)
        if output:
            print("sandbox output:", *output[-30:], sep="\n  ", file=sys.stderr)
        return 1
    print(f"wheel smoke check passed in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
