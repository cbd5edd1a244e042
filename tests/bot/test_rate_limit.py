"""The throttle (issue 16, items 6 and 8) through the real dispatcher: a flooding user gets
exactly one translated "wait N seconds" per window, then silence — never the apology — and the
next window answers again; the production rates stay within what Telegram delivers to a chat."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiogram.methods import AnswerCallbackQuery, SendMessage

from bot.dev.testing import Harness, make_user, texts
from bot.runtime.app import create_dispatcher
from bot.runtime.container import Services
from bot.runtime.limits import MemoryLimiter, Rate
from bot.runtime.middlewares.rate_limit import DEFAULT_RATES, RateLimitMiddleware
from tests.conftest import FakeClock

FLOODER = 700_001
OTHER = 700_002
APOLOGY_RU = "Извините, что-то пошло не так"


@pytest.fixture
async def strict(services: Services, clock: FakeClock) -> AsyncIterator[Harness]:
    """The dispatcher with the production rates, windows counted on the test's clock."""
    from storage.fsm import DatabaseFsmStorage

    limiter = RateLimitMiddleware(
        DEFAULT_RATES, limiter=MemoryLimiter(clock=lambda: clock().timestamp())
    )
    storage = DatabaseFsmStorage(services.session_factory, services.clock)
    dispatcher = create_dispatcher(services, storage=storage, rate_limit=limiter)
    await dispatcher.emit_startup(bot=None, dispatcher=dispatcher)
    h = Harness.create(dispatcher)
    yield h
    await dispatcher.emit_shutdown(bot=h.bot, dispatcher=dispatcher)


def test_the_default_rate_is_what_telegram_delivers_to_a_chat() -> None:
    rate = DEFAULT_RATES["default"]
    assert rate.max_rate / rate.period_seconds <= 1.0  # ~1 message per second per chat
    assert rate.max_rate <= 5  # a short burst, not 30


async def test_a_flood_gets_one_wait_answer_per_window_then_silence(
    strict: Harness, clock: FakeClock
) -> None:
    ru = make_user(FLOODER, "ru")
    clock.advance(seconds=2)  # 2 s into a 5-second window: 3 seconds left
    answers = [texts(await strict.send(ru, "/help")) for _ in range(20)]
    assert all(answers[:5])  # the burst is answered
    assert answers[5] == [
        "Слишком много сообщений подряд. Подождите 3 секунды и повторите: до тех пор я не отвечаю."
    ]
    assert answers[6:] == [[]] * 14  # silence for the rest of the window
    everything = [t for a in answers for t in a]
    assert not any(APOLOGY_RU in t for t in everything)
    # another user is not affected
    assert texts(await strict.send(make_user(OTHER, "ru"), "/help"))
    # the next window: answered again, and a new flood is told once again
    clock.advance(seconds=3)
    again = [texts(await strict.send(ru, "/help")) for _ in range(7)]
    assert all(again[:5]) and again[6] == []
    assert again[5] == [
        "Слишком много сообщений подряд. Подождите 5 секунд и повторите: до тех пор я не отвечаю."
    ]


async def test_the_wait_answer_in_kazakh_and_taps_are_silenced(
    strict: Harness, clock: FakeClock
) -> None:
    kk = make_user(FLOODER, "kk")
    for _ in range(5):
        await strict.send(kk, "/help")
    assert texts(await strict.send(kk, "/help")) == [
        "Хабарлама тым көп. 5 секунд күтіп, қайталаңыз: оған дейін жауап бермеймін."
    ]
    # a button tap in the same window: the spinner stops, nothing is said
    requests = await strict.press(kk, "menu:home")
    assert [type(r) for r in requests] == [AnswerCallbackQuery]
    assert texts(requests) == []


async def test_a_failing_wait_answer_does_not_set_off_the_apology(
    strict: Harness, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from aiogram.exceptions import TelegramRetryAfter

    ru = make_user(FLOODER, "ru")
    for _ in range(5):
        await strict.send(ru, "/help")
    session = strict.session
    original = session.__class__.__call__
    attempted: list[str] = []

    async def flood(self: object, bot: object, method: object, timeout: object = None) -> object:  # noqa: ASYNC109
        if isinstance(method, SendMessage):
            attempted.append(method.text)
            raise TelegramRetryAfter(method=method, message="Too Many Requests", retry_after=3)
        return await original(self, bot, method, timeout)  # type: ignore[arg-type]

    monkeypatch.setattr(session.__class__, "__call__", flood)
    await strict.send(ru, "/help")
    monkeypatch.undo()
    assert len(attempted) == 1 and attempted[0].startswith("Слишком много")  # no apology after
    assert texts(await strict.send(ru, "/help")) == []  # still the same window: silent


async def test_memory_limiter_counts_per_key_and_forgets_old_keys() -> None:
    now = [100.0]
    limiter = MemoryLimiter(clock=lambda: now[0], max_keys=2)
    rate = Rate(2, 10)
    verdicts = [await limiter.hit("a", rate) for _ in range(4)]
    assert [v.allowed for v in verdicts] == [True, True, False, False]
    assert [v.first_refusal for v in verdicts] == [False, False, True, False]
    assert verdicts[2].wait_seconds == 10
    assert (await limiter.hit("b", rate)).allowed
    await limiter.hit("c", rate)  # "a" is the least recently seen: forgotten
    assert (await limiter.hit("a", rate)).allowed
    now[0] = 110.0
    assert (await limiter.hit("b", rate)).allowed  # a new window


def test_the_default_bucket_comes_from_the_settings(services: Services) -> None:
    from bot.runtime.middlewares.rate_limit import rates_from

    assert rates_from(services.settings)["default"] == Rate(5, 5.0)
    raised = services.settings.model_copy(update={"throttle_messages": 1000, "throttle_seconds": 1})
    assert rates_from(raised) == {"default": Rate(1000, 1), "verify": DEFAULT_RATES["verify"]}
