"""Every refusal Telegram makes that the emulator copies, with Telegram's words."""

from __future__ import annotations

import pytest

from tests.sandbox.conftest import Sandbox


def bad(description: str) -> dict[str, object]:
    return {"ok": False, "error_code": 400, "description": f"Bad Request: {description}"}


async def test_empty_text_is_refused(sandbox: Sandbox) -> None:
    chat = await sandbox.user()
    for text in ("", "   ", "<b></b>"):
        status, body = await sandbox.call("sendMessage", chat_id=chat, text=text, parse_mode="HTML")
        assert (status, body) == (400, bad("message text is empty"))
    assert await sandbox.call("sendMessage", chat_id=chat) == (400, bad("message text is empty"))


async def test_length_counts_after_entity_parsing(sandbox: Sandbox) -> None:
    chat = await sandbox.user()
    fits = "<b>" + "а" * 4096 + "</b>"
    result = await sandbox.ok("sendMessage", chat_id=chat, text=fits, parse_mode="HTML")
    assert len(result["text"]) == 4096
    assert result["entities"] == [{"offset": 0, "length": 4096, "type": "bold"}]
    status, body = await sandbox.call("sendMessage", chat_id=chat, text="ә" * 4097)
    assert (status, body) == (400, bad("message is too long"))


async def test_caption_limit(sandbox: Sandbox) -> None:
    chat = await sandbox.user()
    stored = sandbox.emulator.store_file(b"%PDF-1.4", "document", "a.pdf", "application/pdf")
    status, body = await sandbox.call(
        "sendDocument", chat_id=chat, document=stored.file_id, caption="x" * 1025
    )
    assert (status, body) == (400, bad("message caption is too long"))
    result = await sandbox.ok("sendDocument", chat_id=chat, document=stored.file_id,
                              caption="x" * 1024)  # fmt: skip
    assert result["document"]["file_name"] == "a.pdf"


@pytest.mark.parametrize(
    ("html", "error"),
    [
        ("<div>x</div>", 'Unsupported start tag "div" at byte offset 0'),
        ("Сәлем <p>", 'Unsupported start tag "p" at byte offset 11'),
        ("a < b", 'Unsupported start tag "" at byte offset 2'),
        ("x</b>", "Unexpected end tag at byte offset 1"),
        ("<b>x</i>", 'Unmatched end tag at byte offset 4, expected "</b>", found "</i>"'),
        ("<b>x", 'Can\'t find end tag corresponding to start tag "b"'),
        ("<span>x</span>", 'Tag "span" must have class "tg-spoiler" at byte offset 0'),
        ("<b", "Unclosed start tag at byte offset 0"),
    ],
)
async def test_malformed_html(sandbox: Sandbox, html: str, error: str) -> None:
    chat = await sandbox.user()
    status, body = await sandbox.call("sendMessage", chat_id=chat, text=html, parse_mode="HTML")
    assert (status, body) == (400, bad(f"can't parse entities: {error}"))


async def test_supported_html(sandbox: Sandbox) -> None:
    chat = await sandbox.user()
    html = (
        "<b>Қ</b> <strong>b</strong> <i>i</i> <em>e</em> <u>u</u> <ins>n</ins> <s>s</s> "
        '<strike>k</strike> <del>d</del> <span class="tg-spoiler">p</span> '
        '<tg-spoiler>q</tg-spoiler> <a href="https://e.kz/?a=1&amp;b=2">a</a> <code>c</code> '
        '<pre><code class="language-python">x</code></pre> <blockquote expandable>z</blockquote> '
        '<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji> &lt;&gt;&amp;&quot;&#1241;&#x4e2d;'
    )
    result = await sandbox.ok("sendMessage", chat_id=chat, text=html, parse_mode="HTML")
    assert result["text"].endswith('👍 <>&"ә中')
    types = [e["type"] for e in result["entities"]]
    assert types == [
        "bold", "bold", "italic", "italic", "underline", "underline", "strikethrough",
        "strikethrough", "strikethrough", "spoiler", "spoiler", "text_link", "code", "pre",
        "expandable_blockquote", "custom_emoji",
    ]  # fmt: skip
    link = next(e for e in result["entities"] if e["type"] == "text_link")
    assert link["url"] == "https://e.kz/?a=1&b=2"
    assert next(e for e in result["entities"] if e["type"] == "pre")["language"] == "python"


async def test_utf16_offsets(sandbox: Sandbox) -> None:
    chat = await sandbox.user()
    result = await sandbox.ok("sendMessage", chat_id=chat, text="😀 <b>ok</b>", parse_mode="HTML")
    assert result["entities"] == [{"offset": 3, "length": 2, "type": "bold"}]


@pytest.mark.parametrize("data", ["", "я" * 33])
async def test_callback_data_limits(sandbox: Sandbox, data: str) -> None:
    chat = await sandbox.user()
    markup = {"inline_keyboard": [[{"text": "ok", "callback_data": data}]]}
    status, body = await sandbox.call("sendMessage", chat_id=chat, text="x", reply_markup=markup)
    assert (status, body) == (400, bad("BUTTON_DATA_INVALID"))


async def test_callback_data_of_64_bytes_is_fine(sandbox: Sandbox) -> None:
    chat = await sandbox.user()
    markup = {"inline_keyboard": [[{"text": "ok", "callback_data": "я" * 32}]]}
    await sandbox.ok("sendMessage", chat_id=chat, text="x", reply_markup=markup)


async def test_inline_button_needs_exactly_one_action(sandbox: Sandbox) -> None:
    chat = await sandbox.user()
    bare = {"inline_keyboard": [[{"text": "no action"}]]}
    status, body = await sandbox.call("sendMessage", chat_id=chat, text="x", reply_markup=bare)
    assert status == 400
    assert body["description"] == (
        "Bad Request: can't parse inline keyboard button: "
        "Text buttons are unallowed in the inline keyboard"
    )
    two = {"inline_keyboard": [[{"text": "t", "callback_data": "a", "url": "https://e.kz"}]]}
    status, body = await sandbox.call("sendMessage", chat_id=chat, text="x", reply_markup=two)
    assert status == 400 and "exactly one of the optional fields" in body["description"]


async def test_bad_url_button(sandbox: Sandbox) -> None:
    chat = await sandbox.user()
    markup = {"inline_keyboard": [[{"text": "t", "url": "not a url"}]]}
    status, body = await sandbox.call("sendMessage", chat_id=chat, text="x", reply_markup=markup)
    assert status == 400 and "Wrong HTTP URL" in body["description"]


async def test_reply_keyboards_are_accepted(sandbox: Sandbox) -> None:
    chat = await sandbox.user()
    keyboard = {
        "keyboard": [["Қазақша", {"text": "Русский"}], [{"text": "📞", "request_contact": True}]],
        "resize_keyboard": True,
        "one_time_keyboard": True,
    }
    for markup in (keyboard, {"remove_keyboard": True}, {"force_reply": True}):
        result = await sandbox.ok("sendMessage", chat_id=chat, text="x", reply_markup=markup)
        assert "reply_markup" not in result  # Telegram echoes inline keyboards only
    messages = await sandbox.control("GET", f"/users/{chat}/messages")
    assert messages[-3]["reply_markup"] == keyboard


async def test_not_modified(sandbox: Sandbox) -> None:
    chat = await sandbox.user()
    markup = {"inline_keyboard": [[{"text": "a", "callback_data": "a"}]]}
    sent = await sandbox.ok("sendMessage", chat_id=chat, text="<b>x</b>", parse_mode="HTML",
                            reply_markup=markup)  # fmt: skip
    same = {"chat_id": chat, "message_id": sent["message_id"], "reply_markup": markup}
    status, body = await sandbox.call("editMessageText", text="<b>x</b>", parse_mode="HTML", **same)
    assert status == 400
    assert body["description"].startswith("Bad Request: message is not modified: ")
    status, body = await sandbox.call("editMessageReplyMarkup", **same)
    assert status == 400 and "message is not modified" in body["description"]
    edited = await sandbox.ok("editMessageText", text="x", **same)  # bold is gone: modified
    assert edited["text"] == "x" and "entities" not in edited and "edit_date" in edited


async def test_missing_chat_and_message(sandbox: Sandbox) -> None:
    chat = await sandbox.user()
    assert await sandbox.call("sendMessage", chat_id=999, text="x") == (400, bad("chat not found"))
    assert await sandbox.call("sendMessage", chat_id="@nobody", text="x") == (
        400, bad("chat not found"),
    )  # fmt: skip
    status, body = await sandbox.call("editMessageText", chat_id=chat, message_id=77, text="y")
    assert (status, body) == (400, bad("message to edit not found"))
    status, body = await sandbox.call("deleteMessage", chat_id=chat, message_id=77)
    assert (status, body) == (400, bad("message to delete not found"))


async def test_user_who_never_started_or_blocked(sandbox: Sandbox) -> None:
    quiet = await sandbox.user(7, start=False)
    status, body = await sandbox.call("sendMessage", chat_id=quiet, text="x")
    assert (status, body) == (403, {"ok": False, "error_code": 403,
                                    "description": "Forbidden: bot can't initiate conversation "
                                                   "with a user"})  # fmt: skip
    chat = await sandbox.user(8)
    await sandbox.control("POST", f"/users/{chat}/block", json={})
    status, body = await sandbox.call("sendMessage", chat_id=chat, text="x")
    assert (status, body["description"]) == (403, "Forbidden: bot was blocked by the user")
    await sandbox.control("POST", f"/users/{chat}/messages", json={"text": "/start"})
    await sandbox.ok("sendMessage", chat_id=chat, text="back again")


async def test_unknown_method_and_token(sandbox: Sandbox) -> None:
    assert await sandbox.call("sendTelepathy", chat_id=1) == (
        404, {"ok": False, "error_code": 404, "description": "Not Found"},
    )  # fmt: skip
    async with sandbox.http.get(f"{sandbox.base}/botnonsense/getMe") as response:
        assert response.status == 401
        assert (await response.json())["description"] == "Unauthorized"


async def test_bad_parse_mode_and_chat_action(sandbox: Sandbox) -> None:
    chat = await sandbox.user()
    status, body = await sandbox.call("sendMessage", chat_id=chat, text="x", parse_mode="BBCode")
    assert (status, body) == (400, bad("unsupported parse_mode"))
    status, body = await sandbox.call("sendChatAction", chat_id=chat, action="dancing")
    assert (status, body) == (400, bad("wrong parameter action in request"))
    assert await sandbox.ok("sendChatAction", chat_id=chat, action="typing") is True
