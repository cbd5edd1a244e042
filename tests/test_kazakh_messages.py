"""The Kazakh messages: no case ending glued to a placeable, citations as Kazakhstan's legal texts
write them, and one term per concept.

A Kazakh case ending depends on the value (``40-қа`` but ``10-ға``, ``желтоқсанға`` but
``қыркүйекке``), so a message either lets ``KK($value, case: …)`` choose it or is phrased so that
the variable needs none. These tests read the Fluent syntax tree, not the rendered text, so they
hold for every value, not only the ones tried.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest
from fluent.syntax import FluentParser, ast
from fluent.syntax.visitor import Visitor

from bot.handlers.admin.courses import RULE_CITATIONS
from bot.ui.formatting import long_date
from bot.ui.i18n import LOCALES_PATH, create_core

CORE = create_core()
ROOT = Path(__file__).resolve().parents[1]

CYRILLIC = "а-яёәіңғүұқөһА-ЯЁӘІҢҒҮҰҚӨҺ"

# After a digit Kazakh writes an ordinal with a hyphen and the noun: «5-жол» (the 5th row),
# «2-бет». That is not a case ending on the number, so these nouns may follow «}-».
ORDINAL_NOUNS = ("жол", "бет", "тармақ", "қосымша")

# Postpositions that govern a case (дейін: dative, бастап/кейін/бері/соң/бұрын: ablative, қоса:
# accusative): after a bare placeable the case is missing whatever the value.
POSTPOSITIONS = ("дейін", "дейінгі", "бастап", "кейін", "бері", "соң", "бұрын", "қоса", "бойы")

# Arguments that carry a date (a Babel string such as «2026 ж. 5 желтоқсан» or a date): such a
# placeable, bare, may end a clause or stand after a colon, but no word may follow it, since in
# Kazakh the next word (a verb, a postposition) needs the date in some case.
DATE_ARGS = {
    "date",
    "until",
    "valid_until",
    "revoked",
    "since",
    "deadline",
    "completed",
    "issued",
    "starts",
    "ends",
    "starts_on",
    "commission_date",
    "at",
    "when",
    "opens",
}


def parse(lang: str) -> dict[str, ast.Message]:
    found: dict[str, ast.Message] = {}
    for path in sorted((LOCALES_PATH / lang).glob("*.ftl")):
        for entry in FluentParser().parse(path.read_text(encoding="utf-8")).body:
            if isinstance(entry, ast.Message):
                found[entry.id.name] = entry
    return found


KK, RU = parse("kk"), parse("ru")


def patterns(node: object) -> Iterator[ast.Pattern]:
    """Every pattern of a message: its value, its attributes, each variant of a selector."""
    found: list[ast.Pattern] = []

    class Collector(Visitor):
        def visit_Pattern(self, child: ast.Pattern) -> None:
            found.append(child)
            self.generic_visit(child)

    Collector().visit(node)
    return iter(found)


def text_of(node: object) -> str:
    """The literal text of a message, every variant included, placeables as «{}»."""
    parts: list[str] = []
    for pattern in patterns(node):
        for element in pattern.elements:
            parts.append(element.value if isinstance(element, ast.TextElement) else "{}")
        parts.append("\n")
    return "".join(parts)


def bare_variable(placeable: ast.Placeable) -> str | None:
    expression = placeable.expression
    return expression.id.name if isinstance(expression, ast.VariableReference) else None


def glued_endings(message: ast.Message) -> list[str]:
    """Each place where the text right after a placeable hard-codes what depends on its value."""
    problems: list[str] = []
    for pattern in patterns(message):
        for placeable, after in pairwise(pattern.elements):
            if not isinstance(placeable, ast.Placeable) or not isinstance(after, ast.TextElement):
                continue
            text, name = after.value, bare_variable(placeable)
            glued = re.match(rf"-?([{CYRILLIC}]+)", text)
            if glued and not (text.startswith("-") and glued.group(1).startswith(ORDINAL_NOUNS)):
                problems.append(f"ending glued to a placeable: }}{glued.group(0)}")
            if name is None:
                continue
            word = re.match(rf"[ \xa0]+([{CYRILLIC}]+)", text)
            if word and word.group(1) in POSTPOSITIONS:
                problems.append(f"postposition after bare ${name}: {word.group(1)}")
            elif word and name in DATE_ARGS:
                problems.append(f"a word after the bare date ${name}: {word.group(1)}")
    return problems


def message_from(source: str) -> ast.Message:
    entry = FluentParser().parse(source).body[0]
    assert isinstance(entry, ast.Message)
    return entry


# -- (1) no case ending after a placeable ---------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        "m = Сабаққа қатысу: { $total } сабақтың { $attended }-іне",
        "m = { $max }ға дейін",
        "m = 1-ден { $max }-ге дейін",
        "m = Жарамдылық мерзімі: { $until } дейін",
        "m = Келесісі — { $date } бастап.",
        "m = Сүйемелдеу { $date } қоса алғанға дейін қолжетімді.",
        "m = шарт { $date } қабылданды",
        "m = { $n ->\n    [one] { $n }-ші\n   *[other] жоқ\n}",
    ],
)
def test_the_check_catches_the_defects_the_readers_found(source: str) -> None:
    assert glued_endings(message_from(source))


@pytest.mark.parametrize(
    "source",
    [
        'm = 1-ден { KK($max, case: "dative") } дейінгі бүтін сан',
        'm = { KK($date, case: "locative") } қабылданды',
        "m = { $row }-жол: күні оқу мерзімінен тыс",
        "m = Бет: { $page } / { $pages }.",
        "m = Мерзімі: { $starts } — { $ends }",
        "m = { $count } сабаққа қатысу керек",
    ],
)
def test_the_check_lets_correct_phrasings_pass(source: str) -> None:
    assert glued_endings(message_from(source)) == []


def test_no_kazakh_message_glues_an_ending_to_a_placeable() -> None:
    problems = {key: found for key, message in KK.items() if (found := glued_endings(message))}
    assert problems == {}


def test_the_raw_source_has_no_ending_glued_to_a_placeable() -> None:
    """The same rule over the file text, so that no construct the tree walk misses slips by."""
    glued = re.compile(rf"\}}(-?)([{CYRILLIC}]+)")
    found = [
        f"{path.name}: {line.strip()}"
        for path in sorted((LOCALES_PATH / "kk").glob("*.ftl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if not line.startswith("#")
        for match in glued.finditer(line)
        if not (match.group(1) and match.group(2).startswith(ORDINAL_NOUNS))
    ]
    assert found == []


# -- (2) citations: no «§», no internal rule ids --------------------------------------------

INTERNAL_ID = re.compile(r"§|\babroad\b|\bApp\.\s*\d|\d+\.\d+-тармақ|Бұйрықтың \d+-тармағ")


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_no_user_text_cites_with_a_section_sign_or_an_internal_id(lang: str) -> None:
    messages = KK if lang == "kk" else RU
    found = {key: text_of(m) for key, m in messages.items() if INTERNAL_ID.search(text_of(m))}
    assert found == {}


def test_every_rule_id_the_domain_raises_has_a_citation_in_both_languages() -> None:
    source = (ROOT / "domain" / "courses.py").read_text(encoding="utf-8")
    raised = set(re.findall(r'CourseHoursError\(\s*"([^"]+)"', source))
    assert raised, "the pattern no longer finds the rule ids"
    assert raised <= set(RULE_CITATIONS)
    for key in RULE_CITATIONS.values():
        assert key in KK and key in RU
        for lang in ("kk", "ru"):
            assert not INTERNAL_ID.search(CORE.get(key, lang))


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("kk", "Қағидалардың 23-тармағы екінші бөлігінің 1) тармақшасы: шетелдегі қысқа"),
        ("ru", "Подпункт 1) части второй пункта 23 Правил: краткосрочный курс за рубежом"),
    ],
)
def test_the_abroad_rule_is_cited_not_named_by_its_id(lang: str, expected: str) -> None:
    from domain.courses import CourseHoursError, CourseKind, validate_course_hours

    with pytest.raises(CourseHoursError) as raised:
        validate_course_hours(CourseKind.ABROAD_SHORT, 20)
    citation = CORE.get(RULE_CITATIONS[raised.value.rule_id], lang)
    text = CORE.get(
        "admin-hours-abroad-short-range", lang, rule=citation, hours=20, min=36, max=108
    )
    assert text.startswith(expected)
    assert "§" not in text and "abroad" not in text


# -- rendering with several values ----------------------------------------------------------

MONTHS = {  # month: (dative, locative, ablative, accusative), as a Kazakh writes them
    1: ("қаңтарға", "қаңтарда", "қаңтардан", "қаңтарды"),
    2: ("ақпанға", "ақпанда", "ақпаннан", "ақпанды"),
    3: ("наурызға", "наурызда", "наурыздан", "наурызды"),
    4: ("сәуірге", "сәуірде", "сәуірден", "сәуірді"),
    5: ("мамырға", "мамырда", "мамырдан", "мамырды"),
    6: ("маусымға", "маусымда", "маусымнан", "маусымды"),
    7: ("шілдеге", "шілдеде", "шілдеден", "шілдені"),
    8: ("тамызға", "тамызда", "тамыздан", "тамызды"),
    9: ("қыркүйекке", "қыркүйекте", "қыркүйектен", "қыркүйекті"),
    10: ("қазанға", "қазанда", "қазаннан", "қазанды"),
    11: ("қарашаға", "қарашада", "қарашадан", "қарашаны"),
    12: ("желтоқсанға", "желтоқсанда", "желтоқсаннан", "желтоқсанды"),
}


def kk(key: str, **values: object) -> str:
    return CORE.get(key, "kk", **values)


@pytest.mark.parametrize("month", sorted(MONTHS))
def test_dates_take_the_case_their_postposition_or_verb_needs(month: int) -> None:
    dative, locative, ablative, accusative = MONTHS[month]
    day = long_date(date(2029, month, 5), "kk")  # «2029 ж. 5 желтоқсан», as the handlers pass it
    assert f"5 {dative} дейін жарамды" in kk(
        "mycourses-outcome-certificate", number="X", valid_until=day
    )
    assert f"Жарамдылық мерзімі: 2029\u202fж. 5 {dative} дейін" in kk(
        "certificates-verify-details",
        number="X",
        holder="Y",
        topic="Z",
        hours=72,
        organization="O",
        issued=day,
        until=day,
    )
    assert f"шарт 2029\u202fж. 5 {locative} қабылданды" in kk(
        "agreement-accepted", topic="T", date=day
    )
    assert f"Оқуға арналған шарт 2029\u202fж. 5 {locative} қабылданды" in kk(
        "mycourses-agreement-accepted", date=day
    )
    assert f"5 {locative} кері қайтарып алынды" in kk(
        "certificates-revoke-done", number="N", date=day
    )
    assert f"5 {locative} аяқталды" in kk("support-ended", topic="T", date=day)
    assert f"5 {ablative} бастап" in kk("requests-refused-reassessment-within-year", date=day)
    assert f"5 {accusative} қоса алғанда қолжетімді" in kk("support-open", topic="T", date=day)


@pytest.mark.parametrize(
    ("attended", "total"), [(0, 7), (1, 1), (2, 6), (6, 10), (10, 40), (40, 1000)]
)
def test_attendance_reads_without_a_case_on_the_numbers(attended: int, total: int) -> None:
    expected_total = f"{total:,}".replace(",", "\xa0")
    text = kk("mycourses-attendance", attended=attended, total=total, percent=5)
    assert text == (
        f"Қатысқан сабақтарыңыз: {attended}, барлық сабақ саны — {expected_total} (5 %)."
    )
    board = kk("trainer-board", topic="T", cohort="C", code="123456", count=attended, total=total)
    assert (
        f"Қатысуы белгіленгендер: {attended}, ағындағы тыңдаушылар саны — {expected_total}" in board
    )
    assert "тыңдаушының" not in board


@pytest.mark.parametrize("page", [1, 2, 6, 10, 40])
def test_pages_are_numbered_without_a_case(page: int) -> None:
    assert kk("admin-unreachable-page", page=page, pages=40) == f"Бет: {page} / 40."
    assert f"(бет: {page} / 40)" in kk("courses-header", page=page, pages=40)


@pytest.mark.parametrize(
    ("value", "ending"),
    [(1, "1-ге"), (2, "2-ге"), (6, "6-ға"), (10, "10-ға"), (40, "40-қа"), (1000, "1\xa0000-ға")],
)
def test_maximum_score_takes_the_dative_of_the_number(value: int, ending: str) -> None:
    assert f"1-ден {ending} дейінгі" in kk("admin-course-bad-max-score", max=value)


@pytest.mark.parametrize(
    ("key", "values", "expected"),
    [
        (
            "checkin-done",
            {"topic": "T", "when": "W", "attended": 3, "total": 7, "percent": 42},
            "✅ Қатысуыңыз белгіленді: T, W.",
        ),
        ("results-outcome-certificate", {}, "✅ сертификат беріледі"),
        (
            "admin-application-approved",
            {"id": 5},
            "Педагог ағынға келесі қабылдау туралы бұйрықпен қабылданады.",
        ),
        (
            "menu-text",
            {"name": "Айгүл"},
            "Басты мәзір. Сәлеметсіз бе, Айгүл! Қажетті бөлімді таңдаңыз.",
        ),
        ("profile-error-name-letters", {}, "цифрларсыз және таңбаларсыз"),
        (
            "certificates-issue-summary",
            {
                "cohort": "C",
                "certificates": 1,
                "references": 0,
                "skipped": 2,
                "not_assessed": 0,
                "expelled": 0,
            },
            "Құжаты бұрыннан бар (өткізіп жіберілді): 2",
        ),
    ],
)
def test_the_phrasings_the_readers_asked_for(
    key: str, values: dict[str, object], expected: str
) -> None:
    assert expected in kk(key, **values)


# -- (3) one term per concept ---------------------------------------------------------------

TEXTS = {key: text_of(message) for key, message in KK.items()}


def keys_with(pattern: str) -> list[str]:
    return sorted(key for key, text in TEXTS.items() if re.search(pattern, text, re.IGNORECASE))


def test_button_is_always_batyrma() -> None:
    assert keys_with("түйме") == []


def test_schedule_is_sabak_kestesi_and_a_spreadsheet_is_elektrondyk_keste() -> None:
    """«кесте» alone would be both the schedule and the table: it always has its qualifier."""
    bare = re.compile(r"(?<!сабақ )(?<!электрондық )\bкесте", re.IGNORECASE)
    assert sorted(key for key, text in TEXTS.items() if bare.search(text)) == []


def test_the_agreement_is_okuga_arnalgan_shart() -> None:
    assert keys_with(r"өту туралы келісім|шарт \(келісім\)|оқу шарты") == []
    agreement_keys = [key for key in TEXTS if "agreement" in key]
    assert agreement_keys
    assert [key for key in agreement_keys if "келісім" in TEXTS[key]] == []
    # «шарт» is the agreement: a condition or requirement is «талап».
    assert keys_with(r"қатысу шарты") == []


def test_an_application_is_otinish_and_a_request_is_surau() -> None:
    assert keys_with(r"өтінім|арыз|сұраныс") == []
    requests = [
        key
        for key in TEXTS
        if key.startswith(("support-", "results-consultation", "admin-deletions", "mydata-delet"))
    ]
    assert [key for key in requests if re.search("өтініш", TEXTS[key], re.IGNORECASE)] == []
    assert keys_with("жою туралы өтініш") == []


def test_check_in_is_katysudy_belgileu() -> None:
    assert keys_with(r"белгілен(у|ер|діңіз|іп қойғансыз)|тіркелу") == []


def test_cancel_is_bas_tartu_and_reject_is_kabyldamau() -> None:
    cancel_buttons = [
        "certificates-btn-cancel",
        "form-cancel",
        "results-cancel",
    ]
    reject_buttons = ["admin-application-reject", "admin-deletion-decline", "results-reject"]
    assert {kk(key).lstrip("✖️ ") for key in cancel_buttons} == {"Бас тарту"}
    assert {kk(key).lstrip("❌ ") for key in reject_buttons} == {"Қабылдамау"}
    reject = [key for key in TEXTS if re.search("reject|decline", key)]
    assert [key for key in reject if "бас тарт" in TEXTS[key].lower()] == []
    cancel = [key for key in TEXTS if "cancel" in key]
    assert [key for key in cancel if "қабылдама" in TEXTS[key].lower()] == []
