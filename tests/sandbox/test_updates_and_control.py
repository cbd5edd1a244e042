"""Long polling with offsets, the webhook, uploads and downloads, and the control API shapes."""

from __future__ import annotations

import asyncio
import time

import aiohttp
from aiohttp import web
from aiohttp.test_utils import TestServer

from tests.sandbox.conftest import TOKEN, Sandbox


async def test_long_polling_waits_and_offsets_confirm(sandbox: Sandbox) -> None:
    await sandbox.user(start=False)
    started = time.monotonic()
    assert await sandbox.ok("getUpdates", timeout=0.3) == []
    assert time.monotonic() - started >= 0.25

    async def later() -> None:
        await asyncio.sleep(0.2)
        await sandbox.control("POST", "/users/42/messages", json={"text": "сәлем"})

    task = asyncio.create_task(later())
    started = time.monotonic()
    updates = await sandbox.ok("getUpdates", timeout=5)
    await task
    assert time.monotonic() - started < 2
    assert updates[0]["message"]["text"] == "сәлем" and updates[0]["update_id"] == 1
    assert updates[0]["message"]["chat"] == {"id": 42, "type": "private", "first_name": "Айгүл"}
    for text in ("a", "b", "c"):
        await sandbox.control("POST", "/users/42/messages", json={"text": text})
    again = await sandbox.ok("getUpdates")
    assert [u["update_id"] for u in again] == [1, 2, 3, 4]  # nothing confirmed yet
    limited = await sandbox.ok("getUpdates", offset=2, limit=2)
    assert [u["message"]["text"] for u in limited] == ["a", "b"]
    assert [u["update_id"] for u in await sandbox.ok("getUpdates", offset=-1)] == [4]
    assert await sandbox.ok("getUpdates", offset=5) == []


async def test_allowed_updates_filter(sandbox: Sandbox) -> None:
    chat = await sandbox.user()
    sent = await sandbox.ok("sendMessage", chat_id=chat, text="?", reply_markup={
        "inline_keyboard": [[{"text": "A", "callback_data": "a"}]]})  # fmt: skip
    await sandbox.control("POST", f"/users/{chat}/callbacks",
                          json={"message_id": sent["message_id"], "data": "a"})  # fmt: skip
    only = await sandbox.ok("getUpdates", allowed_updates=["callback_query"])
    assert [list(u)[1] for u in only] == ["callback_query"]


async def test_second_poller_conflicts(sandbox: Sandbox) -> None:
    first = asyncio.create_task(sandbox.call("getUpdates", timeout=3))
    await asyncio.sleep(0.1)
    assert await sandbox.ok("getUpdates", timeout=0) == []
    status, body = await first
    assert status == 409 and "terminated by other getUpdates request" in body["description"]


async def test_webhook_receives_updates_with_secret(sandbox: Sandbox) -> None:
    received: list[tuple[str | None, dict[str, object]]] = []

    async def hook(request: web.Request) -> web.Response:
        received.append((request.headers.get("X-Telegram-Bot-Api-Secret-Token"),
                         await request.json()))  # fmt: skip
        update = await request.json()
        chat = update["message"]["chat"]["id"]
        return web.json_response({"method": "sendMessage", "chat_id": chat, "text": "ответ"})

    app = web.Application()
    app.router.add_post("/hook", hook)
    receiver = TestServer(app, host="127.0.0.1")
    await receiver.start_server()
    try:
        url = str(receiver.make_url("/hook"))
        assert await sandbox.ok("setWebhook", url=url, secret_token="s3cret_-")
        info = await sandbox.ok("getWebhookInfo")
        assert info["url"] == url and info["pending_update_count"] == 0
        status, body = await sandbox.call("getUpdates")
        assert status == 409 and "webhook is active" in body["description"]
        await sandbox.user()
        for _ in range(50):
            if received and sandbox.emulator.delivered[42]:
                break
            await asyncio.sleep(0.05)
        assert received[0][0] == "s3cret_-" and received[0][1]["message"]["text"] == "/start"
        messages = await sandbox.control("GET", "/users/42/messages")
        assert messages[0]["text"] == "ответ"  # the method in the webhook's answer was run
        assert await sandbox.ok("deleteWebhook")
        assert (await sandbox.ok("getWebhookInfo"))["url"] == ""
    finally:
        await receiver.close()


async def test_multipart_upload_and_downloads(sandbox: Sandbox) -> None:
    chat = await sandbox.user()
    form = aiohttp.FormData()
    form.add_field("chat_id", str(chat))
    form.add_field("caption", "Сертификат")
    form.add_field("document", b"%PDF-1.7 data", filename="cert.pdf",
                   content_type="application/pdf")  # fmt: skip
    async with sandbox.http.post(f"{sandbox.base}/bot{TOKEN}/sendDocument", data=form) as response:
        message = (await response.json())["result"]
    document = message["document"]
    assert set(document) == {"file_id", "file_unique_id", "file_name", "mime_type", "file_size"}
    assert (document["file_name"], document["mime_type"], document["file_size"]) == (
        "cert.pdf", "application/pdf", 13,
    )  # fmt: skip
    file = await sandbox.ok("getFile", file_id=document["file_id"])
    async with sandbox.http.get(f"{sandbox.base}/file/bot{TOKEN}/{file['file_path']}") as response:
        assert await response.read() == b"%PDF-1.7 data"
    view = (await sandbox.control("GET", f"/users/{chat}/messages"))[-1]
    assert view["document"]["file_name"] == "cert.pdf" and view["caption"] == "Сертификат"
    async with sandbox.http.get(sandbox.base + view["document"]["url"]) as response:
        assert response.content_type == "application/pdf"
        assert await response.read() == b"%PDF-1.7 data"
    status, body = await sandbox.call("sendDocument", chat_id=chat, document="nonsense")
    assert (status, body["description"]) == (
        400, "Bad Request: wrong file identifier/HTTP URL specified",
    )  # fmt: skip
    calls = await sandbox.control("GET", "/calls?method=sendDocument")
    assert calls[0]["params"]["document"] == {"file_name": "cert.pdf", "size": 13}


async def test_user_uploads_contact_location_group_and_edit(sandbox: Sandbox) -> None:
    chat = await sandbox.user()
    form = aiohttp.FormData()
    form.add_field("document", b"scan", filename="diploma.pdf", content_type="application/pdf")
    form.add_field("caption", "Диплом")
    async with sandbox.http.post(f"{sandbox.base}/sandbox/api/users/{chat}/messages",
                                 data=form) as response:  # fmt: skip
        sent = await response.json()
    assert set(sent) == {"update_id", "message_id", "chat_id"}
    await sandbox.control(
        "POST",
        f"/users/{chat}/messages",
        json={"contact": {"phone_number": "+77010000042", "first_name": "Айгүл", "user_id": chat}},
    )
    await sandbox.control("POST", f"/users/{chat}/messages",
                          json={"location": {"latitude": 51.1, "longitude": 71.4}})  # fmt: skip
    group = await sandbox.control("POST", f"/users/{chat}/messages",
                                  json={"text": "/help@biliktilik_sandbox_bot", "chat_id": -100500,
                                        "chat_title": "Курс 1"})  # fmt: skip
    await sandbox.control("PATCH", f"/users/{chat}/messages/{sent['message_id'] - 1}",
                          json={"text": "/start again"})  # fmt: skip
    updates = await sandbox.ok("getUpdates")
    document = updates[1]["message"]["document"]
    assert document["file_name"] == "diploma.pdf" and updates[1]["message"]["caption"] == "Диплом"
    file = await sandbox.ok("getFile", file_id=document["file_id"])
    async with sandbox.http.get(f"{sandbox.base}/file/bot{TOKEN}/{file['file_path']}") as response:
        assert await response.read() == b"scan"
    assert updates[2]["message"]["contact"]["user_id"] == chat
    assert updates[3]["message"]["location"] == {"latitude": 51.1, "longitude": 71.4}
    in_group = updates[4]["message"]
    assert in_group["chat"] == {"id": -100500, "type": "supergroup", "title": "Курс 1"}
    assert in_group["entities"][0] == {"type": "bot_command", "offset": 0, "length": 28}
    assert group["chat_id"] == -100500
    assert updates[5]["edited_message"]["text"] == "/start again"
    await sandbox.ok("sendMessage", chat_id=-100500, text="группаға")
    in_chat = await sandbox.control("GET", f"/users/{chat}/messages?chat_id=-100500")
    assert [m["text"] for m in in_chat] == ["группаға"]


async def test_control_api_shapes(sandbox: Sandbox) -> None:
    created = await sandbox.control(
        "POST",
        "/users",
        json={
            "id": 9,
            "first_name": "Ольга",
            "last_name": "Ким",
            "username": "olga",
            "language_code": "ru",
        },
    )
    assert created == {"id": 9, "is_bot": False, "first_name": "Ольга", "last_name": "Ким",
                       "username": "olga", "language_code": "ru", "started": False,
                       "blocked": False}  # fmt: skip
    assert [u["id"] for u in await sandbox.control("GET", "/users")] == [9]
    await sandbox.control("POST", "/users/9/messages", json={"text": "/start"})
    markup = {"inline_keyboard": [[{"text": "Иә", "callback_data": "yes"}]]}
    sent = await sandbox.ok("sendMessage", chat_id=9, text="<b>Сұрақ</b>", parse_mode="HTML",
                            reply_markup=markup)  # fmt: skip
    await sandbox.ok("editMessageText", chat_id=9, message_id=sent["message_id"], text="Жаңа")
    [view] = await sandbox.control("GET", "/users/9/messages?after=1")
    assert view["message_id"] == 2 and view["from"] == "bot" and view["text"] == "Жаңа"
    assert view["edited"] is True and view["edits"][0]["text"] == "Сұрақ"
    assert view["edits"][0]["sent_text"] == "<b>Сұрақ</b>"
    assert view["edits"][0]["reply_markup"] == markup and view["reply_markup"] is None
    both = await sandbox.control("GET", "/users/9/messages?all=1")
    assert [m["from"] for m in both] == ["user", "bot"]
    assert await sandbox.control("GET", "/users/9/messages?after=2") == []
    waited = asyncio.create_task(sandbox.control("GET", "/users/9/messages?after=2&wait=5"))
    await asyncio.sleep(0.1)
    await sandbox.ok("sendMessage", chat_id=9, text="кейін")
    assert [m["text"] for m in await waited] == ["кейін"]
    tap = await sandbox.control("POST", "/users/9/callbacks",
                                json={"message_id": 2, "data": "yes", "wait": 0})  # fmt: skip
    assert set(tap) == {"update_id", "callback_query_id", "answer"} and tap["answer"] is None
    stats = await sandbox.control("GET", "/stats")
    assert stats["delivered"] == {"9": 2} and stats["by_method"]["sendMessage"] == 2
    async with sandbox.http.get(f"{sandbox.base}/sandbox/api/users/404/messages") as response:
        assert response.status == 404
    await sandbox.control("POST", "/reset")
    assert await sandbox.control("GET", "/users") == []
    assert await sandbox.control("GET", "/calls") == []


async def test_personas_are_created_and_listed(sandbox: Sandbox) -> None:
    from bot.dev.sandbox import Emulator, create_app

    emulator = Emulator()
    app = create_app(emulator)
    assert len(emulator.users) == 4 and app is not None
    async with sandbox.http.get(f"{sandbox.base}/") as response:
        assert response.status == 200 and "app.js" in await response.text()
    async with sandbox.http.get(f"{sandbox.base}/static/app.js") as response:
        assert ".innerHTML" not in await response.text()


async def test_send_photo_measures_the_image(sandbox: Sandbox) -> None:
    from io import BytesIO

    from PIL import Image

    chat = await sandbox.user()
    buffer = BytesIO()
    Image.new("RGB", (32, 20), "white").save(buffer, format="PNG")
    form = aiohttp.FormData()
    form.add_field("chat_id", str(chat))
    form.add_field("photo", buffer.getvalue(), filename="qr.png", content_type="image/png")
    async with sandbox.http.post(f"{sandbox.base}/bot{TOKEN}/sendPhoto", data=form) as response:
        [size] = (await response.json())["result"]["photo"]
    assert (size["width"], size["height"]) == (32, 20)
    status, body = await sandbox.call("sendDocument", chat_id=chat, document=size["file_id"])
    assert status == 400 and "can't use file of type Photo as Document" in body["description"]
    view = (await sandbox.control("GET", f"/users/{chat}/messages"))[-1]
    assert view["photo"]["url"].startswith("/sandbox/api/files/")
