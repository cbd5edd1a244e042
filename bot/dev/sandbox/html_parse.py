"""Telegram's `parse_mode=HTML`: the tag subset, its error texts and UTF-16 entity offsets.

Follows TDLib's `parse_html` (td/telegram/MessageEntity.cpp) byte by byte, so the
"at byte offset N" in an error is the offset in the UTF-8 encoded text, as Telegram reports it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.dev.sandbox.errors import ApiError, bad_request

SUPPORTED_TAGS = frozenset(
    {
        "a", "b", "strong", "i", "em", "s", "strike", "del", "u", "ins",
        "tg-spoiler", "tg-emoji", "span", "pre", "code", "blockquote",
    }
)  # fmt: skip
SIMPLE_TYPES = {
    "b": "bold", "strong": "bold", "i": "italic", "em": "italic",
    "s": "strikethrough", "strike": "strikethrough", "del": "strikethrough",
    "u": "underline", "ins": "underline", "tg-spoiler": "spoiler", "span": "spoiler",
}  # fmt: skip
NAMED_ENTITIES = {b"lt": "<", b"gt": ">", b"amp": "&", b"quot": '"'}
SPACES = b" \t\r\n\f\v"


@dataclass
class _Open:
    tag: str
    argument: str
    utf16_offset: int
    expandable: bool = False


def _parse_error(text: str) -> ApiError:
    return bad_request(f"can't parse entities: {text}")


def _decode_entity(data: bytes, i: int) -> tuple[str | None, int]:
    """`&...;` at `i` → (character, index after it), or (None, i) when it is not an entity."""
    end = data.find(b";", i + 1, i + 12)
    if end < 0:
        return None, i
    body = data[i + 1 : end]
    if body in NAMED_ENTITIES:
        return NAMED_ENTITIES[body], end + 1
    try:
        if body[:2] in (b"#x", b"#X"):
            code = int(body[2:], 16)
        elif body[:1] == b"#" and body[1:].isdigit():
            code = int(body[1:])
        else:
            return None, i
    except ValueError:
        return None, i
    if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return None, i
    return chr(code), end + 1


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def parse_html(text: str) -> tuple[str, list[dict[str, Any]]]:
    """Telegram HTML → (plain text, entities); raises ApiError with Telegram's texts."""
    data = text.encode("utf-8")
    size = len(data)

    def at(index: int) -> int:
        return data[index] if index < size else 0

    def is_space(byte: int) -> bool:
        return byte != 0 and byte in SPACES

    out: list[str] = []
    utf16 = 0
    stack: list[_Open] = []
    entities: list[dict[str, Any]] = []
    i = 0
    while i < size:
        c = data[i]
        if c == 0x26:  # &
            char, after = _decode_entity(data, i)
            if char is not None:
                out.append(char)
                utf16 += _utf16_len(char)
                i = after
                continue
        if c != 0x3C:  # <
            start = i
            i += 1
            while i < size and data[i] not in (0x26, 0x3C):
                i += 1
            chunk = data[start:i].decode("utf-8")
            out.append(chunk)
            utf16 += _utf16_len(chunk)
            continue
        begin = i
        i += 1
        if at(i) != 0x2F:  # start tag
            while at(i) and not is_space(at(i)) and at(i) != 0x3E:
                i += 1
            tag = data[begin + 1 : i].decode("utf-8", "replace").lower()
            if tag not in SUPPORTED_TAGS:
                raise _parse_error(f'Unsupported start tag "{tag}" at byte offset {begin}')
            if at(i) == 0:
                raise _parse_error(f"Unclosed start tag at byte offset {begin}")
            opened = _Open(tag, "", utf16)
            i = _read_attributes(data, i, begin, opened, at, is_space)
            if tag == "span" and opened.argument != "spoiler":
                raise _parse_error(
                    f'Tag "span" must have class "tg-spoiler" at byte offset {begin}'
                )
            stack.append(opened)
            i += 1  # past '>'
            continue
        if not stack:
            raise _parse_error(f"Unexpected end tag at byte offset {begin}")
        while at(i) and not is_space(at(i)) and at(i) != 0x3E:
            i += 1
        end_name = data[begin + 2 : i].decode("utf-8", "replace").lower()
        while is_space(at(i)):
            i += 1
        if at(i) != 0x3E:
            raise _parse_error(f"Unclosed end tag at byte offset {begin}")
        i += 1
        opened = stack.pop()
        if end_name and end_name != opened.tag:
            raise _parse_error(
                f"Unmatched end tag at byte offset {begin}, expected "
                f'"</{opened.tag}>", found "</{end_name}>"'
            )
        if utf16 > opened.utf16_offset:
            _close_entity(opened, utf16 - opened.utf16_offset, entities, stack)
    if stack:
        raise _parse_error(f'Can\'t find end tag corresponding to start tag "{stack[-1].tag}"')
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return "".join(out), entities


def _read_attributes(data: bytes, i: int, begin: int, opened: _Open, at: Any, is_space: Any) -> int:
    """Reads `name="value"` pairs up to '>' and returns the index of that '>'."""
    tag = opened.tag
    while at(i) != 0x3E:
        while is_space(at(i)):
            i += 1
        if at(i) == 0x3E:
            break
        if at(i) == 0:
            raise _parse_error(f'Unclosed start tag "{tag}" at byte offset {begin}')
        name_start = i
        while at(i) and not is_space(at(i)) and at(i) not in (0x3D, 0x3E):
            i += 1
        name = data[name_start:i].decode("utf-8", "replace").lower()
        if not name:
            raise _parse_error(f'Empty attribute name in the tag "{tag}" at byte offset {begin}')
        while is_space(at(i)):
            i += 1
        if at(i) != 0x3D:  # '='
            if tag == "blockquote" and name == "expandable":
                opened.expandable = True
                continue
            raise _parse_error(
                f'Expected equal sign in declaration of an attribute of the tag "{tag}" '
                f"at byte offset {begin}"
            )
        i += 1
        while is_space(at(i)):
            i += 1
        if at(i) == 0:
            raise _parse_error(f'Unclosed start tag "{tag}" at byte offset {begin}')
        value, i = _read_value(data, i, at, is_space)
        if at(i) == 0:
            raise _parse_error(f"Unclosed start tag at byte offset {begin}")
        _apply_attribute(opened, name, value)
    return i


def _read_value(data: bytes, i: int, at: Any, is_space: Any) -> tuple[str, int]:
    if at(i) not in (0x22, 0x27):
        token_start = i
        while at(i) and ((chr(at(i)).isalnum() and at(i) < 0x80) or at(i) in (0x2E, 0x2D)):
            i += 1
        if not is_space(at(i)) and at(i) != 0x3E:
            raise _parse_error(f"Unexpected end of name token at byte offset {token_start}")
        return data[token_start:i].decode("ascii").lower(), i
    quote = at(i)
    i += 1
    parts: list[str] = []
    start = i
    while at(i) and at(i) != quote:
        if at(i) == 0x26:
            char, after = _decode_entity(data, i)
            if char is not None:
                parts.append(data[start:i].decode("utf-8", "replace") + char)
                i = start = after
                continue
        i += 1
    parts.append(data[start:i].decode("utf-8", "replace"))
    if at(i) == quote:
        i += 1
    return "".join(parts), i


def _apply_attribute(opened: _Open, name: str, value: str) -> None:
    tag = opened.tag
    if tag == "a" and name == "href":
        opened.argument = value
    elif tag == "code" and name == "class" and value.startswith("language-"):
        opened.argument = value[len("language-") :]
    elif tag == "span" and name == "class" and value.startswith("tg-"):
        opened.argument = value[len("tg-") :]
    elif tag == "tg-emoji" and name == "emoji-id":
        opened.argument = value
    elif tag == "blockquote" and name == "expandable":
        opened.expandable = True


def _close_entity(
    opened: _Open, length: int, entities: list[dict[str, Any]], stack: list[_Open]
) -> None:
    entity: dict[str, Any] = {"offset": opened.utf16_offset, "length": length}
    tag = opened.tag
    if tag in SIMPLE_TYPES:
        entity["type"] = SIMPLE_TYPES[tag]
    elif tag == "a":
        if not opened.argument:
            return
        if opened.argument.startswith("tg://user?id="):
            entity["type"] = "text_mention"
            entity["user"] = {"id": int(opened.argument.split("=", 1)[1] or 0)}
        else:
            entity["type"] = "text_link"
            entity["url"] = opened.argument
    elif tag == "tg-emoji":
        entity["type"] = "custom_emoji"
        entity["custom_emoji_id"] = opened.argument
    elif tag == "blockquote":
        entity["type"] = "expandable_blockquote" if opened.expandable else "blockquote"
    elif tag == "pre":
        entity["type"] = "pre"
        _merge_code_into_pre(entity, entities)
    elif tag == "code":
        parent = stack[-1] if stack else None
        entity["type"] = "code"
        if parent is not None and parent.tag == "pre" and opened.argument:
            entity["language"] = opened.argument
    entities.append(entity)


def _merge_code_into_pre(pre: dict[str, Any], entities: list[dict[str, Any]]) -> None:
    """`<pre><code class="language-x">…</code></pre>` is one `pre` entity with a language."""
    for entity in list(entities):
        if (
            entity["type"] == "code"
            and entity["offset"] == pre["offset"]
            and entity["length"] == pre["length"]
        ):
            if "language" in entity:
                pre["language"] = entity["language"]
            entities.remove(entity)
