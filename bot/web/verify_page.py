"""§33 verification on the web: ``GET /v/<number>`` (and the QR code's signed form
``/v/<number>?s=<signature>``), ``GET /v`` (a form), ``POST /v/file`` (a PDF upload).

The same answers as the bot's (``bot.handlers.public.verify`` / ``verify_file`` render them),
in Kazakh or Russian (``?lang=``, else the browser's ``Accept-Language``) with a link to the
other language; plain HTML and CSS for a phone, no JavaScript; the holder's full name only
behind a correctly signed link or a genuine file. The rate limit is the bot's "verify" bucket
(10 per minute), per client address (``request.remote``: behind a proxy, configure it to pass
the client's address, or every visitor shares one budget).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, cast
from urllib.parse import urlencode

from aiogram_i18n import I18nContext
from aiohttp import web

from bot.runtime.container import Services
from bot.runtime.limits import Limiter, MemoryLimiter
from bot.runtime.middlewares.rate_limit import DEFAULT_RATES
from bot.ui.formatting import local_today
from bot.ui.markup import attribute, escape
from domain.certificate_numbers import deep_link_payload, parse_certificate_number
from domain.services.file_verification import MAX_FILE_BYTES, verify_file
from domain.services.verification import verify_number, verify_signed_number

__all__ = ["VERIFY_LIMITER", "add_verification_routes", "page_language"]


@dataclass
class PageBudget:
    """The page's rate limiter (the bot's "verify" rate, per client address)."""

    limiter: Limiter


VERIFY_LIMITER = web.AppKey("biliktilik_verify_limiter", PageBudget)

LANGS = ("kk", "ru")
ServicesGetter = Callable[[], Services | None]
UsernameGetter = Callable[[], Awaitable[str]]

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;
background:#f4f6f8;color:#1b1f24;font-size:17px;line-height:1.5}
main{max-width:40rem;margin:0 auto;padding:1rem}
header{display:flex;justify-content:space-between;align-items:baseline;gap:1rem}
h1{font-size:1.35rem;margin:.5rem 0}
.org{color:#4a5561;font-size:.95rem;margin:0}
.answer{white-space:pre-line;background:#fff;border-radius:12px;padding:1rem;
margin:1rem 0;border:1px solid #d5dbe1;overflow-wrap:anywhere}
form{background:#fff;border-radius:12px;padding:1rem;margin:1rem 0;border:1px solid #d5dbe1}
label{display:block;font-weight:600;margin-bottom:.4rem}
input[type=text],input[type=file]{width:100%;box-sizing:border-box;font-size:1rem;
padding:.6rem;border:1px solid #9aa5b1;border-radius:8px;margin-bottom:.6rem}
button,.button{display:inline-block;font-size:1rem;padding:.6rem 1rem;border-radius:8px;
border:0;background:#1f6feb;color:#fff;text-decoration:none}
a{color:#1f6feb}
"""


def page_language(request: web.Request) -> str:
    """``?lang=kk|ru`` first, then the first of kk/ru the browser asks for; Russian when it
    asks for neither (the language most visitors from outside Kazakh schools read)."""
    asked = request.query.get("lang", "")
    if asked in LANGS:
        return asked
    for part in request.headers.get("Accept-Language", "").split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in LANGS:
            return code
    return "ru"


class _Texts:
    """What the bot's renderers ask of ``I18nContext``: ``get`` and ``locale``."""

    def __init__(self, services: Services, lang: str) -> None:
        self._core = services.i18n_core
        self.locale = lang

    def get(self, key: str, /, **kwargs: Any) -> str:
        return str(self._core.get(key, self.locale, **kwargs))


def _page(
    texts: _Texts,
    services: Services,
    request: web.Request,
    answer: str | None,
    telegram_url: str,
    number: str = "",
    status: int = 200,
) -> web.Response:
    """The whole page; ``answer`` is already escaped by the i18n layer (values escaped)."""
    lang = texts.locale
    other = "ru" if lang == "kk" else "kk"
    query = {k: v for k, v in request.query.items() if k != "lang"}
    query["lang"] = other
    switch = f"{request.path}?{urlencode(query)}" if request.method == "GET" else f"/v?lang={other}"
    settings = services.settings
    organization = settings.organization_name_kk if lang == "kk" else settings.organization_name_ru
    answer_html = f'<section class="answer" id="answer">{answer}</section>' if answer else ""
    telegram = (
        f'<p><a class="button" href="{attribute(telegram_url)}">'
        f"{texts.get('web-verify-open-telegram')}</a></p>"
        if telegram_url
        else ""
    )
    body = f"""<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{texts.get("web-verify-title")}</title><style>{_CSS}</style></head>
<body><main>
<header><h1>{texts.get("web-verify-title")}</h1>
<a href="{attribute(switch)}" hreflang="{other}" id="switch">{texts.get("web-verify-switch")}</a>
</header>
<p class="org">{escape(organization)}</p>
{answer_html}
{telegram}
<form method="get" action="/v"><input type="hidden" name="lang" value="{lang}">
<label for="number">{texts.get("web-verify-number-label")}</label>
<input type="text" id="number" name="number" value="{attribute(number)}" autocomplete="off"
 inputmode="text" placeholder="{attribute(settings.certificate_prefix)}-2026-000123">
<button type="submit">{texts.get("web-verify-number-button")}</button></form>
<form method="post" action="/v/file?lang={lang}" enctype="multipart/form-data">
<label for="file">{texts.get("web-verify-file-label")}</label>
<input type="file" id="file" name="file" accept="application/pdf,.pdf">
<button type="submit">{texts.get("web-verify-file-button")}</button></form>
<p>{texts.get("web-verify-lead")}</p>
</main></body></html>"""
    return web.Response(
        text=body,
        status=status,
        content_type="text/html",
        headers={
            "Content-Language": lang,
            "Vary": "Accept-Language",
            "Cache-Control": "no-store",
            "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
            "form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer",
        },
    )


def add_verification_routes(
    app: web.Application,
    services: ServicesGetter,
    bot_username: UsernameGetter,
    limiter: Limiter | None = None,
) -> None:
    """Serve the verification page on ``app`` (the webhook server's, or the sandbox's)."""
    from bot.handlers.public.verify import render_verification
    from bot.handlers.public.verify_file import render_file_verification

    app[VERIFY_LIMITER] = PageBudget(limiter or MemoryLimiter())
    rate = DEFAULT_RATES["verify"]

    async def prepared(request: web.Request) -> tuple[Services, _Texts] | web.Response:
        current = services()
        if current is None:
            return web.Response(status=503, text="starting")
        texts = _Texts(current, page_language(request))
        verdict = await request.app[VERIFY_LIMITER].limiter.hit(
            f"web-verify:{request.remote or '?'}", rate
        )
        if not verdict.allowed:
            message = texts.get("web-verify-too-many", seconds=verdict.wait_seconds)
            response = _page(texts, current, request, message, "", status=429)
            response.headers["Retry-After"] = str(verdict.wait_seconds)
            return response
        return current, texts

    async def telegram_link(number: str | None, signed: bool, secret: bytes) -> str:
        try:
            username = (await bot_username()).removeprefix("@")
            if not username.replace("_", "").isalnum() or not username.isascii():
                return ""
        except Exception:  # the bot's name is a courtesy link; the page works without it
            return ""
        if not username:
            return ""
        parsed = parse_certificate_number(number or "")
        if parsed is not None and signed:
            return f"https://t.me/{username}?start={deep_link_payload(parsed, secret)}"
        return f"https://t.me/{username}"

    async def form(request: web.Request) -> web.Response:
        number = request.query.get("number", "").strip()
        if number:  # a number that does not parse reads "not found" like an unknown one
            parsed = parse_certificate_number(number)
            target = parsed.format() if parsed else "-"
            raise web.HTTPSeeOther(f"/v/{target}?lang={page_language(request)}")
        current = services()
        if current is None:
            return web.Response(status=503, text="starting")
        texts = _Texts(current, page_language(request))
        link = await telegram_link(None, False, current.settings.cert_secret_bytes)
        return _page(texts, current, request, None, link)

    async def by_number(request: web.Request) -> web.Response:
        ready = await prepared(request)
        if isinstance(ready, web.Response):
            return ready
        current, texts = ready
        settings = current.settings
        number = request.match_info["number"]
        today = local_today(current.clock, settings)
        signature = request.query.get("s")
        if signature is not None:
            result = await verify_signed_number(
                current.uow_factory,
                number,
                signature,
                settings.cert_secret_bytes,
                today,
                current.clock(),
            )
        else:
            result = await verify_number(current.uow_factory, number, today, current.clock(), "web")
        example = f"{settings.certificate_prefix}-{today.year}-000123"
        answer = render_verification(result, cast(I18nContext, texts), example)
        signed = signature is not None and not result.forged
        link = await telegram_link(number, signed, settings.cert_secret_bytes)
        status = 404 if result.certificate is None else 200
        return _page(texts, current, request, answer, link, number, status)

    async def by_file(request: web.Request) -> web.Response:
        ready = await prepared(request)
        if isinstance(ready, web.Response):
            return ready
        current, texts = ready
        content = b""
        if (request.content_length or 0) > MAX_FILE_BYTES + 65_536:
            return _page(texts, current, request, texts.get("verification-file-too-big"), "")
        if request.content_type == "multipart/form-data":
            reader = await request.multipart()
            async for part in reader:
                if getattr(part, "name", None) == "file":
                    content = await part.read(decode=False)  # type: ignore[union-attr]
                    break
                if len(content) > MAX_FILE_BYTES:
                    break
        if len(content) > MAX_FILE_BYTES:
            return _page(texts, current, request, texts.get("verification-file-too-big"), "")
        if not content.startswith(b"%PDF"):
            return _page(texts, current, request, texts.get("verification-file-not-pdf"), "")
        from bot.authenticity.file_check import inspect_pdf
        from bot.authenticity.signing import load_signer

        signer = await load_signer(current.uow_factory, current.settings)
        text, signature = await inspect_pdf(content, signer)
        today = local_today(current.clock, current.settings)
        result = await verify_file(
            current.uow_factory, content, text, signature, today, current.clock()
        )
        answer = render_file_verification(result, cast(I18nContext, texts))
        return _page(texts, current, request, answer, "")

    app.router.add_get("/v", form)
    app.router.add_get("/v/", form)
    app.router.add_get("/v/{number}", by_number)
    app.router.add_post("/v/file", by_file)
