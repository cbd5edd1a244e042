"""The Russian messages read as one text: one term per concept, legal citations as "п. 23
Правил", no doubled period after a long date ("1 декабря 2026 г."), and a final punctuation mark
after every full sentence.

Messages are rendered through the real Fluent bundle with sample arguments, so what is checked
is what a person reads, not the source with its placeables.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from babel.dates import format_date
from fluent.syntax import ast
from fluent.syntax.visitor import Visitor

from bot.ui.i18n import create_core
from tests.test_locales import RU, placeholders

CORE = create_core()

#: Arguments the code fills with a Babel long date, which in Russian already ends with "г.".
LONG_DATE = format_date(date(2026, 12, 1), format="long", locale="ru_RU")
DATE_ARGUMENTS = {
    "commission_date",
    "consent_at",
    "date",
    "deadline",
    "ends",
    "issued",
    "revoked",
    "since",
    "starts",
    "starts_on",
    "until",
    "valid_until",
}
NUMBER_ARGUMENTS = {
    "already",
    "answered",
    "attended",
    "count",
    "created",
    "done",
    "enrolled",
    "failed",
    "hours",
    "id",
    "length",
    "max",
    "min",
    "percent",
    "remaining",
    "seats",
    "total",
}


def sample_arguments(key: str) -> dict[str, object]:
    arguments: dict[str, object] = {}
    for name in placeholders(RU[key]):
        if name in DATE_ARGUMENTS:
            arguments[name] = LONG_DATE
        elif name in NUMBER_ARGUMENTS:
            arguments[name] = 5
        else:
            arguments[name] = "Текст"
    return arguments


def rendered(key: str) -> str:
    return CORE.get(key, "ru", **sample_arguments(key))


def static_text(message: ast.Message) -> str:
    """Every piece of literal text of the message, all variants included."""
    parts: list[str] = []

    class Collector(Visitor):
        def visit_TextElement(self, node: ast.TextElement) -> None:
            parts.append(node.value)

        def visit_StringLiteral(self, node: ast.StringLiteral) -> None:
            parts.append(node.value)

    Collector().visit(message)
    return " ".join(parts)


RU_TEXT = {key: static_text(message) for key, message in RU.items()}


# --- one term per concept -------------------------------------------------------------------

#: A word that names a concept with another term than the chosen one, and why not.
FORBIDDEN_WORDS = {
    # agreement: §24 says "договор (соглашение)"; the glossary and every screen say "договор"
    "соглашени": "agreement is «договор»",
    # button
    "клавиш": "button is «кнопка»",
    # check-in
    "чекин": "check-in is «отметка»",
    "чек-ин": "check-in is «отметка»",
    "регистрация на занятии": "check-in is «отметка»",
    # reject is «отклонить»/«отклонение», cancel is «отменить»/«отмена»; «отказ» mixes them up
    "отказ": "reject is «отклонить», its noun «отклонение»",
}

#: Where a forbidden word is right, and why.
TERM_EXCEPTIONS: dict[tuple[str, str], str] = {}

#: Schedule is «расписание»; «график» only where the agreement quotes §24.1 word for word.
SCHEDULE_QUOTES = {"agreement-condition-follow-plan-and-schedule"}

#: §31 requests (re-assessment, transfer, interrupted course) are «заявка»; a course application
#: is «заявление»; post-course support questions are «обращение» (admin) / «вопрос» (teacher).
REQUEST_KEYS = re.compile(
    r"^(requests?-|results-requests?-|results-decision-|menu-requests$|cmd-request_queue$)"
)
APPLICATION_KEYS = re.compile(
    r"^(apply-|application-|admin-application|admin-applications|mycourses-application|"
    r"courses-apply|admin-cohort-action-applications$)"
)


@pytest.mark.parametrize("key", sorted(RU))
def test_one_term_per_concept(key: str) -> None:
    text = RU_TEXT[key].lower()
    for word, why in FORBIDDEN_WORDS.items():
        if word in text and (key, word) not in TERM_EXCEPTIONS:
            pytest.fail(f"{key}: «{word}» — {why}")
    if key not in SCHEDULE_QUOTES:
        assert "график" not in text, f"{key}: schedule is «расписание»"
    if REQUEST_KEYS.match(key):
        assert "заявлени" not in text, f"{key}: a §31 request is «заявка», not «заявление»"
        assert "обращени" not in text, f"{key}: «обращение» is a post-course support question"
    if APPLICATION_KEYS.match(key):
        assert "заявк" not in text, f"{key}: a course application is «заявление»"
    if key.endswith("-reject") or key == "admin-deletion-decline":
        assert "отклон" in text, f"{key}: a reject button says «Отклонить»"
    if key.endswith(("-cancel", "-cancelled")):
        assert "отклон" not in text, f"{key}: cancelling is «отменить», not «отклонить»"


def test_the_two_lists_of_a_teacher_have_distinct_names() -> None:
    applications, requests = rendered("mycourses-applications"), rendered("requests-mine-header")
    assert "заявления на курсы" in applications.lower()
    assert "заявки" in requests.lower()
    assert rendered("menu-requests").endswith("Заявки")
    assert "Заявки" in rendered("results-requests-title")


# --- citations and punctuation --------------------------------------------------------------


@pytest.mark.parametrize("key", sorted(RU))
def test_no_paragraph_sign_and_no_doubled_period(key: str) -> None:
    text = rendered(key)
    assert "§" not in text, f"{key}: cite as «п. 31 Правил», not «§»: {text!r}"
    assert not re.search(r"(?<!\.)\.\.(?!\.)", text), f"{key}: doubled period: {text!r}"
    assert ". ." not in text, f"{key}: doubled period: {text!r}"


#: Keys whose texts are labels, not sentences: buttons, menu items, commands, list items, table
#: columns, words put into other messages.
LABEL_KEYS = re.compile(
    r"(^(menu|cmd|form|sheet-column|sheet-reason|results-nobd-column|results-column|"
    r"rule-citation)-)"
    r"|(^(admin-area|admin-cohort-action|admin-role-grant|admin-role-revoke|results-outcome|"
    r"results-shortfall|agreement-condition|screens-mydata|screens-file)-)"
    r"|(^(mycourses-read-agreement|mycourses-resend|results-enter-reassessment)$)"
    r"|(-label-)|(-(summary|confirm)$)"  # the form kit's summaries: titles, labels, buttons
    r"|(-(btn|button|nav|kind|status|format|lang|languages|duration|bucket|chart|grade|reason)-)"
    r"|(-(new|done|approve|reject|decline|cancel|back|keep|save|answer|delete|accept|yes|no|"
    r"name-trainer|name-admin|button|confirm-button|file-kk|file-ru|file-name|title|axis|caption|"
    r"sheet|page|summary|confirm|another)$)"
)

#: Full-sentence keys that end without a period on purpose.
NO_FINAL_MARK = {
    "progress-line": "a progress counter, edited in place",
    "certificates-issue-progress": "a progress counter, edited in place",
    "start-choose-language": "bilingual prompt shown before a language is chosen",
    "courses-header": "a heading: «Открытые потоки (страница 1 из 3)»",
    "requests-mine-header": "a heading over the list of requests",
    "mycourses-applications": "a heading over the list of applications",
    "admin-schedule-line": "one line of a list: «1. 1 декабря, 09:00 — 4 ак. ч, ауд. 204»",
    "trainer-roster-row": "one line of a list",
    "sheet-error-line": "one line of a list of errors",
}

#: A message may end with something the person typed (a reason, a question), which brings its
#: own punctuation or none.
FREE_TEXT_ARGUMENTS = {"reason", "note", "question", "answer", "text", "modules"}

FINAL_MARKS = (".", "!", "?", ":", "…", ";")


def last_line(text: str) -> str:
    without_tags = re.sub(r"<[^>]+>", "", text)
    lines = [line.strip() for line in without_tags.strip().splitlines() if line.strip()]
    return lines[-1] if lines else ""


def is_sentence(key: str, text: str) -> bool:
    """A message is a full sentence when it is not a label and its last line has a verb-sized
    amount of words (four or more) and no "Label: value" shape."""
    if LABEL_KEYS.search(key) or key in NO_FINAL_MARK:
        return False
    line = last_line(text)
    if re.match(r"^[•\-]|^[^:.!?]{1,40}: ", line):  # list items and "Курс: X" fields
        return False
    if re.search(r"/[a-z_]+( \S+)?$", line):  # ends with a command to tap: "…заново: /courses"
        return False
    elements = RU[key].value.elements if RU[key].value else []
    last = elements[-1] if elements else None
    if (
        isinstance(last, ast.Placeable)
        and isinstance(last.expression, ast.VariableReference)
        and last.expression.id.name in FREE_TEXT_ARGUMENTS
    ):
        return False
    return len(line.split()) >= 4


@pytest.mark.parametrize("key", sorted(RU))
def test_full_sentences_end_with_a_punctuation_mark(key: str) -> None:
    text = rendered(key)
    if is_sentence(key, text):
        assert last_line(text).endswith(FINAL_MARKS), f"{key}: no final mark: {text!r}"


def test_plural_agreement_after_numbers() -> None:
    def roster(total: int) -> str:
        return CORE.get("trainer-roster-title", "ru", cohort="A", when="B", total=total)

    assert "1 занятие." in roster(1) and "3 занятия." in roster(3) and "5 занятий." in roster(5)
    attendance = CORE.get("mycourses-attendance", "ru", attended=1, total=1, percent=100)
    assert "1 из 1 занятия (100 %)." in attendance
    for total, words in ((21, "из 21 занятия"), (12, "из 12 занятий"), (3, "из 3 занятий")):
        assert words in CORE.get("mycourses-attendance", "ru", attended=1, total=total, percent=5)


def test_names_stand_where_no_declension_is_needed() -> None:
    """A name of Kazakh origin may not decline in Russian: it stands after a colon or as the
    subject, never in an oblique case ("отмечаете Айгүл", "у Айгүл", "слушателю Айгүл")."""
    ask = CORE.get("trainer-mark-ask-reason", "ru", name="Айгүл Сәрсенова")
    assert ask.startswith("Отметка вручную: Айгүл Сәрсенова.")
    sent = CORE.get("results-answer-sent", "ru", name="Айгүл Сәрсенова")
    assert sent == "Ответ отправлен. Слушатель: Айгүл Сәрсенова."
    expel = CORE.get(
        "results-expel-confirm",
        "ru",
        name="Айгүл",
        reason="x",
        order="1",
        commission="2",
        commission_date=LONG_DATE,
    )
    assert "Слушатель: <b>Айгүл</b>" in expel


def test_decimal_hours_follow_the_locale() -> None:
    arguments = dict.fromkeys(
        ("months", "total", "consultation", "publication", "community", "answered", "share"), 1
    )
    ru = CORE.get("results-effectiveness", "ru", since=LONG_DATE, median=0.5, **arguments)
    kk = CORE.get("results-effectiveness", "kk", since=LONG_DATE, median=0.5, **arguments)
    assert "0,5 ч" in ru and "0,5 сағ" in kk
