"""Issue 17.3: the verification web page served by the sandbox, in headless Chromium at a
phone's size (390×844), in Kazakh and Russian: valid (signed QR link, full name), revoked and
replaced, unknown, forged signature; with JavaScript disabled too, the PDF upload included."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from bot.dev.sandbox.client import SandboxClient
from bot.dev.sandbox.runner import Sandbox
from bot.runtime.limits import MemoryLimiter
from bot.web.verify_page import VERIFY_LIMITER
from domain.certificate_numbers import parse_certificate_number, sign_certificate_number
from tests.e2e.verification_world import HOLDER, issue_one, revoke_and_reissue

pytestmark = [pytest.mark.e2e, pytest.mark.browser]
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
PHONE = {"width": 390, "height": 844}
MASKED = "Н. Ә. С."

if not CHROMIUM.exists():
    if os.environ.get("BILIKTILIK_REQUIRE_BROWSER") == "1":
        pytest.fail("BILIKTILIK_REQUIRE_BROWSER=1 but /usr/bin/chromium is absent", pytrace=False)
    pytest.skip("/usr/bin/chromium is absent (apt-get install chromium)", allow_module_level=True)


def signed(sandbox: Sandbox, number: str) -> str:
    parsed = parse_certificate_number(number)
    assert parsed is not None
    return sign_certificate_number(parsed, sandbox.services.settings.cert_secret_bytes)


async def answer_of(page: Any) -> str:
    return str(await page.inner_text("#answer"))


async def test_the_page_on_a_phone_in_kk_and_ru_with_and_without_javascript(
    sandbox: Sandbox, client: SandboxClient, tmp_path: Path
) -> None:
    from playwright.async_api import async_playwright

    issued = await issue_one(sandbox, language="kk")
    old = issued.certificate.number
    new = await revoke_and_reissue(sandbox, old)
    current = new.certificate.number
    base = sandbox.url
    ARTIFACTS.mkdir(exist_ok=True)

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            for javascript in (True, False):
                for lang in ("kk", "ru"):
                    context = await browser.new_context(
                        viewport=PHONE,
                        is_mobile=True,
                        java_script_enabled=javascript,
                        extra_http_headers={"Accept-Language": f"{lang},en;q=0.5"},
                    )
                    page = await context.new_page()
                    sandbox.runner.app[VERIFY_LIMITER].limiter = MemoryLimiter()  # a fresh minute
                    await check_language(page, base, lang, sandbox, old, current, javascript)
                    await context.close()
            # JavaScript off: the upload form works (issue 17.1 on the web)
            context = await browser.new_context(viewport=PHONE, java_script_enabled=False)
            page = await context.new_page()
            sandbox.runner.app[VERIFY_LIMITER].limiter = MemoryLimiter()
            await page.goto(f"{base}/v?lang=ru")
            pdf = tmp_path / "certificate.pdf"
            pdf.write_bytes(new.pdf)
            await page.set_input_files("#file", str(pdf))
            await page.click("form[enctype] button")
            text = await answer_of(page)
            assert text.startswith("✅ Это подлинный файл: сертификат № ")
            assert f"Владелец: {HOLDER}" in text
            await page.screenshot(path=str(ARTIFACTS / "verify-page-file-ru.png"), full_page=True)
            # the typed-number form, without JavaScript too
            await page.goto(f"{base}/v?lang=kk")
            await page.fill("#number", old.lower().replace("-", " "))
            await page.click("form[method=get] button")
            assert page.url.startswith(f"{base}/v/{old}")
            assert "⛔ Сертификат" in await answer_of(page)
            await context.close()
        finally:
            await browser.close()


async def check_language(
    page: Any, base: str, lang: str, sandbox: Sandbox, old: str, current: str, js: bool
) -> None:
    suffix = f"{lang}-{'js' if js else 'nojs'}"
    ru = lang == "ru"
    # valid, through the QR code's signed link: the full name
    response = await page.goto(f"{base}/v/{current}?s={signed(sandbox, current)}")
    assert response.status == 200
    assert await page.get_attribute("html", "lang") == lang
    text = await answer_of(page)
    assert text.startswith("✅ Сертификат действителен." if ru else "✅ Сертификат жарамды.")
    assert f"{'Владелец' if ru else 'Иесі'}: {HOLDER}" in text
    telegram = await page.get_attribute("a.button", "href")
    assert telegram is not None and telegram.startswith("https://t.me/")
    assert f"v_{current}_" in telegram
    if js:  # readable on a phone: nothing wider than the screen
        width = await page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"]
    await page.screenshot(path=str(ARTIFACTS / f"verify-page-valid-{suffix}.png"), full_page=True)

    # revoked and replaced, by number: the name masked
    await page.goto(f"{base}/v/{old}")
    text = await answer_of(page)
    if ru:
        assert text.startswith("⛔ Сертификат отозван")
        assert f"Вместо него выдан сертификат № {current}." in text
        assert f"Владелец: {MASKED}" in text
    else:
        assert "кері қайтарып алынған." in text
        assert f"Оның орнына № {current} сертификат берілген." in text
        assert f"Иесі: {MASKED}" in text
    assert HOLDER not in text
    await page.screenshot(path=str(ARTIFACTS / f"verify-page-revoked-{suffix}.png"))

    # unknown number
    response = await page.goto(f"{base}/v/{current[:-6]}999999")
    assert response.status == 404
    text = await answer_of(page)
    assert text.startswith(
        "Сертификат с таким номером не найден." if ru else "Мұндай нөмірлі сертификат табылмады."
    )

    # a forged signature: nothing about the certificate, not even whether it exists
    response = await page.goto(f"{base}/v/{current}?s=AAAAAAAAAAAA")
    text = await answer_of(page)
    assert text.startswith("⚠️ Эта ссылка не подлинная" if ru else "⚠️ Бұл сілтеме түпнұсқа емес")
    assert HOLDER not in text and MASKED not in text
    await page.screenshot(path=str(ARTIFACTS / f"verify-page-forged-{suffix}.png"))

    # the switch to the other language keeps the page
    await page.click("#switch")
    other = "kk" if ru else "ru"
    assert await page.get_attribute("html", "lang") == other
    assert "lang=" + other in page.url and "s=AAAAAAAAAAAA" in page.url


async def test_the_page_has_the_bots_limit_per_client_address(
    sandbox: Sandbox, client: SandboxClient
) -> None:
    """Ten look-ups a minute from one address, then 429 with the wait in the page's language."""
    sandbox.runner.app[VERIFY_LIMITER].limiter = MemoryLimiter()
    url = f"{sandbox.url}/v/BLK-2026-000123"
    statuses = []
    for _ in range(10):
        async with client.http.get(url, headers={"Accept-Language": "kk"}) as response:
            statuses.append(response.status)
    assert statuses == [404] * 10
    async with client.http.get(url, headers={"Accept-Language": "kk"}) as response:
        assert response.status == 429
        assert int(response.headers["Retry-After"]) >= 1
        page = await response.text()
    assert "Минутына 10 тексеруден артық болмайды." in page
    assert "<script" not in page


async def test_the_webhook_server_serves_the_page(tmp_path: Path) -> None:
    """`biliktilik run --webhook` as deployed: the page is on the same port as the webhook."""
    import aiohttp

    from storage.migrate import upgrade_database
    from tests.e2e.processes import STARTUP_SECONDS, BotProcess, emulator_only, until
    from tests.e2e.test_stop_mid_send import _free_port

    database_url = f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}"
    await upgrade_database(database_url)
    async with emulator_only() as sandbox:
        port = _free_port()
        bot = BotProcess(
            sandbox,
            database_url,
            tmp_path,
            WEBHOOK_URL=f"http://127.0.0.1:{port}/webhook",
            WEBHOOK_HOST="127.0.0.1",
            WEBHOOK_PORT=str(port),
        ).start("run", "--webhook")
        pages: dict[str, tuple[int, str]] = {}
        try:
            async with aiohttp.ClientSession() as http:

                async def fetch(path: str, lang: str) -> bool:
                    try:
                        async with http.get(
                            f"http://127.0.0.1:{port}{path}", headers={"Accept-Language": lang}
                        ) as response:
                            pages[path] = (response.status, await response.text())
                            return True
                    except aiohttp.ClientError:
                        return False

                async def up() -> bool:
                    return await fetch("/v", "kk")

                await until(up, STARTUP_SECONDS, "the webhook server")
                await fetch("/v/BLK-2026-000404", "ru")
        finally:
            bot.stop()
    status, page = pages["/v"]
    assert status == 200 and '<html lang="kk">' in page and "Құжатты тексеру" in page
    assert '<input type="file"' in page and "<script" not in page
    status, page = pages["/v/BLK-2026-000404"]
    assert status == 404 and "Сертификат с таким номером не найден." in page
