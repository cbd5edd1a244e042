"""Hypothesis strategies for hostile updates: any Unicode text, wrong content types, forged
callback data built from every ``CallbackData`` prefix, commands with random arguments."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aiogram.filters.callback_data import CallbackData
from aiogram.types import (
    Audio,
    Contact,
    Document,
    Location,
    PhotoSize,
    Sticker,
    Video,
    VideoNote,
    Voice,
)
from hypothesis import strategies as st

from bot.ui.i18n import create_core
from tests.fuzz.discovery import all_commands, all_states, callback_factories

FACTORIES = callback_factories()
STATES = [None, *all_states()]
COMMANDS = sorted(all_commands() | {"mydata", "start", "unknowncmd"})
MENU_KEYS = ("menu-cohorts", "menu-my-courses", "menu-profile", "menu-requests",
             "menu-support", "menu-verify", "menu-language", "menu-help", "menu-trainer",
             "menu-admin")  # fmt: skip


def _menu_labels() -> list[str]:
    core = create_core()
    labels: list[str] = []
    for lang in ("kk", "ru"):
        for key in MENU_KEYS:
            try:
                labels.append(core.get(key, lang))
            except Exception:  # a key another engineer has not added yet
                continue
    return labels


MENU_LABELS = _menu_labels()

# Text that looks almost right to some step: numbers, dates, IIN-like digits, phone numbers,
# certificate numbers, HTML that must be escaped, control characters, right-to-left marks.
TRICKY = st.sampled_from([
    "0", "-1", "101", "99999999999999999999", "1e9", "NaN", "01.12.2026", "31.02.2026",
    "2026-12-01", "29.02.2027", "880101400123", "000000000000", "+77011234567", "87011234567",
    "ORL-2026-000001", "ORL-2026-999999", "<b>", "</i>&amp;<a href='x'>", "&#0;", "a&b<c>d",
    "\u202e\u200b", "\x00\x07", " ", "\n\n", "ИИН", "да", "иә", "нет", "жоқ", "skip",
    "/cancel", "/start v_", "/start c_1", "❌", "⬅️", "Ә" * 4096, "<" * 4096, "&" * 4096,
])  # fmt: skip
# "<", ">" and "&" inside ordinary text, and strings at and over Telegram's limits: drawn
# into every text field an update carries (message text, command arguments, captions, file
# names, contact and user names), so a value substituted into HTML unescaped or a reply that
# outgrows 4,096 / 1,024 characters is found (issue 16, item 10).
MARKUP = st.sampled_from(
    ["<", ">", "&", "<b>", "</i>", "<a href='x'>", "&amp;", "&lt;", "a <3 b", "<i>Злой", "&#0;"]
)


def hostile(max_size: int) -> st.SearchStrategy[str]:
    """Any text of at most ``max_size`` characters with markup characters mixed in, or a
    long run of them."""
    mixed = st.builds(
        lambda head, markup, tail: (head + markup + tail)[:max_size],
        st.text(max_size=40),
        MARKUP,
        st.text(max_size=40),
    )
    long = st.builds(
        lambda unit, size: (unit * max_size)[:size],
        st.sampled_from(["<", ">", "&", "Ә<", "&amp;", "a <b> & c "]),
        st.integers(max(1, max_size // 2), max_size),
    )
    return st.one_of(mixed, long, st.text(max_size=max_size)).filter(bool)


TEXT = st.one_of(
    st.text(min_size=1, max_size=4096),
    hostile(4096),
    st.text(alphabet=st.characters(max_codepoint=0x4FF), min_size=1, max_size=60),
    TRICKY,
    st.sampled_from(MENU_LABELS) if MENU_LABELS else TRICKY,
).filter(lambda s: bool(s))


def _int_ids(ids: list[int]) -> st.SearchStrategy[int]:
    return (
        st.one_of(st.sampled_from(ids), st.integers(-(2**31), 2**63), st.integers(0, 50))
        if ids
        else st.integers(-(2**31), 2**63)
    )


def forged_callback(ids: dict[str, list[int]]) -> st.SearchStrategy[str]:
    """``prefix:field:field`` with random or other people's values, kept within Telegram's
    64 bytes (Telegram never delivers longer callback data)."""
    everything = sorted({i for group in ids.values() for i in group})

    @st.composite
    def build(draw: Any) -> str:
        factory: type[CallbackData] = draw(st.sampled_from(FACTORIES))
        parts = [factory.__prefix__]  # type: ignore[attr-defined]
        for name, info in factory.model_fields.items():
            kind = info.annotation
            if kind is int:
                key = name.removesuffix("_id")
                value: Any = draw(_int_ids(ids.get(key, everything)))
            elif kind is bool:
                value = draw(st.sampled_from(["1", "0", "", "2", "true"]))
            else:
                value = draw(
                    st.one_of(
                        st.sampled_from(
                            [
                                "yes",
                                "no",
                                "back",
                                "cancel",
                                "confirm",
                                "save",
                                "open",
                                "list",
                                "new",
                                "edit",
                                "delete",
                                "approve",
                                "reject",
                                "kk",
                                "ru",
                                "panel",
                                "trainer",
                                "admin",
                                "issue",
                                "stop",
                                "next",
                                "prev",
                                "skip",
                                "",
                                "x",
                            ]
                        ),
                        st.text(max_size=8).filter(lambda s: ":" not in s),
                    )
                )
            parts.append(str(value))
        if draw(st.booleans()) and draw(st.booleans()):
            parts.append(draw(st.text(max_size=5)))  # an extra field
        data = ":".join(parts)
        return data.encode()[:64].decode(errors="ignore") or parts[0]

    random_data = st.text(min_size=1, max_size=64).filter(lambda s: 1 <= len(s.encode()) <= 64)
    return st.one_of(build(), build(), build(), random_data)


def command_text() -> st.SearchStrategy[str]:
    return st.builds(
        lambda name, args: f"/{name}" + (f" {args}" if args else ""),
        st.sampled_from(COMMANDS),
        st.one_of(st.just(""), TRICKY, st.text(max_size=200), hostile(200)),
    )


def _photo() -> list[PhotoSize]:
    return [PhotoSize(file_id="ph1", file_unique_id="ph1", width=90, height=90)]


CONTENT = st.one_of(
    st.just(
        {
            "sticker": Sticker(
                file_id="st1",
                file_unique_id="st1",
                type="regular",
                width=512,
                height=512,
                is_animated=False,
                is_video=False,
            )
        }
    ),
    st.just({"voice": Voice(file_id="vo1", file_unique_id="vo1", duration=3)}),
    st.just({"audio": Audio(file_id="au1", file_unique_id="au1", duration=3)}),
    st.just({"video": Video(file_id="vi1", file_unique_id="vi1", width=1, height=1, duration=1)}),
    st.just({"video_note": VideoNote(file_id="vn1", file_unique_id="vn1", length=1, duration=1)}),
    st.builds(
        lambda la, lo: {"location": Location(latitude=la, longitude=lo)},
        st.floats(-90, 90),
        st.floats(-180, 180),
    ),
    st.builds(
        lambda caption: {"photo": _photo(), "caption": caption},
        st.one_of(st.none(), st.text(min_size=1, max_size=1024), hostile(1024)),
    ),
    st.builds(
        lambda name, size, mime: {
            "document": Document(
                file_id="doc-fuzz",
                file_unique_id="doc-fuzz",
                file_name=name,
                file_size=size,
                mime_type=mime,
            )
        },
        st.one_of(
            st.none(),
            st.sampled_from(
                ["list.xlsx", "scores.csv", "a.exe", "x.pdf", "macro.xlsm", ".xlsx", "файл.XLSX"]
            ),
            st.text(max_size=40),
            hostile(255).map(lambda name: name + ".xlsx"),
        ),
        st.one_of(st.none(), st.integers(0, 2**40)),
        st.one_of(
            st.none(), st.sampled_from(["application/pdf", "text/csv", "application/octet-stream"])
        ),
    ),
)


def contact(owner_ids: list[int]) -> st.SearchStrategy[dict[str, Any]]:
    return st.builds(
        lambda phone, owner, name: {
            "contact": Contact(phone_number=phone, first_name=name, user_id=owner)
        },
        st.one_of(
            st.sampled_from(["+77011234567", "77011234567", "+1 555 0100", ""]),
            st.text(max_size=20),
            hostile(20),
        ),
        st.one_of(st.none(), st.sampled_from(owner_ids), st.integers(1, 2**40)),
        st.one_of(st.just("Бөтен"), hostile(64)),
    )


@dataclass(frozen=True)
class Step:
    """One hostile update: who sends it, where, in which form state, and what."""

    actor: str  # a key of World.users, or "newcomer"
    newcomer_id: int
    in_group: bool
    state: str | None
    kind: str  # text | command | content | callback | edited
    payload: Any
    newcomer_name: str = "Жаңа"  # Telegram's first name: 1–64 characters


def steps(
    ids: dict[str, list[int]], actors: list[str], owner_ids: list[int], group_share: bool = True
) -> st.SearchStrategy[Step]:
    payloads = st.one_of(
        st.tuples(st.just("text"), TEXT),
        st.tuples(st.just("command"), command_text()),
        st.tuples(st.just("content"), st.one_of(CONTENT, contact(owner_ids))),
        st.tuples(st.just("callback"), forged_callback(ids)),
        st.tuples(st.just("edited"), TEXT),
    )
    return st.builds(
        lambda actor, newcomer, group, state, payload, name: Step(
            actor, newcomer, group, state.state if state else None, payload[0], payload[1], name
        ),
        st.sampled_from(actors),
        st.integers(1_000_000, 2_000_000),
        st.booleans() if group_share else st.just(False),
        st.sampled_from(STATES),
        payloads,
        st.one_of(st.just("Жаңа"), hostile(64)),
    )
