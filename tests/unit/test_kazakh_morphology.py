"""Kazakh endings: the expected forms are written out by hand, as a Kazakh reader checks them.

Every table row lists the forms in the order of the Kazakh case paradigm: ілік (genitive),
барыс (dative), табыс (accusative), жатыс (locative), шығыс (ablative), көмектес
(instrumental), then the 3rd-person possessive where a row has it.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from domain.kazakh import (
    KAZAKH_MONTHS,
    Case,
    inflect_number,
    inflect_word,
    kazakh_date,
    last_spoken_word,
)

SIX_CASES = (
    Case.GENITIVE,
    Case.DATIVE,
    Case.ACCUSATIVE,
    Case.LOCATIVE,
    Case.ABLATIVE,
    Case.INSTRUMENTAL,
)
WITH_POSSESSIVE = (*SIX_CASES, Case.POSSESSIVE)

# The ending is chosen by the last word of the number read aloud (the middle column).
# value, as written, last spoken word, endings: gen dat acc loc abl instr poss
NUMBERS: list[tuple[int, str, str, str]] = [
    (0, "0", "нөл", "дің ге ді де ден мен і"),
    (1, "1", "бір", "дің ге ді де ден мен і"),
    (2, "2", "екі", "нің ге ні де ден мен сі"),
    (3, "3", "үш", "тің ке ті те тен пен і"),
    (4, "4", "төрт", "тің ке ті те тен пен і"),
    (5, "5", "бес", "тің ке ті те тен пен і"),
    (6, "6", "алты", "ның ға ны да дан мен сы"),
    (7, "7", "жеті", "нің ге ні де ден мен сі"),
    (8, "8", "сегіз", "дің ге ді де ден бен і"),
    (9, "9", "тоғыз", "дың ға ды да дан бен ы"),
    (10, "10", "он", "ның ға ды да нан мен ы"),
    (20, "20", "жиырма", "ның ға ны да дан мен сы"),
    (30, "30", "отыз", "дың ға ды да дан бен ы"),
    (40, "40", "қырық", "тың қа ты та тан пен ы"),
    (50, "50", "елу", "дің ге ді де ден мен і"),
    (60, "60", "алпыс", "тың қа ты та тан пен ы"),
    (70, "70", "жетпіс", "тің ке ті те тен пен і"),
    (80, "80", "сексен", "нің ге ді де нен мен і"),
    (90, "90", "тоқсан", "ның ға ды да нан мен ы"),
    (100, "100", "жүз", "дің ге ді де ден бен і"),
    (200, "200", "жүз", "дің ге ді де ден бен і"),
    (1_000, "1 000", "мың", "ның ға ды да нан мен ы"),
    (1_001, "1 001", "бір", "дің ге ді де ден мен і"),
    (2_500, "2 500", "жүз", "дің ге ді де ден бен і"),
    (10_000, "10 000", "мың", "ның ға ды да нан мен ы"),
    (100_000, "100 000", "мың", "ның ға ды да нан мен ы"),
    (1_000_000, "1 000 000", "миллион", "ның ға ды да нан мен ы"),
    (1_000_001, "1 000 001", "бір", "дің ге ді де ден мен і"),
    (1_000_000_000, "1 000 000 000", "миллиард", "тың қа ты та тан пен ы"),
    # a few more: the units decide, else the tens, else жүз, else the scale word
    (11, "11", "бір", "дің ге ді де ден мен і"),
    (12, "12", "екі", "нің ге ні де ден мен сі"),
    (16, "16", "алты", "ның ға ны да дан мен сы"),
    (25, "25", "бес", "тің ке ті те тен пен і"),
    (36, "36", "алты", "ның ға ны да дан мен сы"),
    (99, "99", "тоғыз", "дың ға ды да дан бен ы"),
    (101, "101", "бір", "дің ге ді де ден мен і"),
    (110, "110", "он", "ның ға ды да нан мен ы"),
    (140, "140", "қырық", "тың қа ты та тан пен ы"),
    (1_040, "1 040", "қырық", "тың қа ты та тан пен ы"),
    (1_500_000, "1 500 000", "мың", "ның ға ды да нан мен ы"),
    (2_000_000, "2 000 000", "миллион", "ның ға ды да нан мен ы"),
    (3_000_000_000, "3 000 000 000", "миллиард", "тың қа ты та тан пен ы"),
]


def number_cases() -> list[tuple[int, str, Case, str]]:
    rows = []
    for value, written, _word, endings in NUMBERS:
        for case, ending in zip(WITH_POSSESSIVE, endings.split(), strict=True):
            rows.append((value, written, case, f"{written}-{ending}"))
    return rows


@pytest.mark.parametrize(("value", "written", "case", "expected"), number_cases())
def test_number_ending_follows_its_last_spoken_word(
    value: int, written: str, case: Case, expected: str
) -> None:
    assert inflect_number(value, case) == expected
    assert inflect_number(written, case) == expected


@pytest.mark.parametrize(("value", "written", "word"), [row[:3] for row in NUMBERS])
def test_last_spoken_word(value: int, written: str, word: str) -> None:
    assert last_spoken_word(value) == word
    assert last_spoken_word(written) == word


def test_the_examples_in_the_brief() -> None:
    assert [inflect_number(n, Case.GENITIVE) for n in (6, 3, 40, 1000, 5, 100, 2)] == [
        "6-ның",
        "3-тің",
        "40-тың",
        "1 000-ның",
        "5-тің",
        "100-дің",
        "2-нің",
    ]
    assert [inflect_number(n, Case.LOCATIVE) for n in (3, 6, 40, 1000, 10, 20)] == [
        "3-те",
        "6-да",
        "40-та",
        "1 000-да",
        "10-да",
        "20-да",
    ]
    assert [inflect_number(n, Case.ABLATIVE) for n in (10, 1000, 7, 3, 20, 40, 100, 50)] == [
        "10-нан",
        "1 000-нан",
        "7-ден",
        "3-тен",
        "20-дан",
        "40-тан",
        "100-ден",
        "50-ден",
    ]
    assert [inflect_number(n, Case.INSTRUMENTAL) for n in (1, 40, 8, 100, 7)] == [
        "1-мен",
        "40-пен",
        "8-бен",
        "100-бен",
        "7-мен",
    ]


# A decimal is read «нөл бүтін оннан бес»: the fractional digits give the last word.
@pytest.mark.parametrize(
    ("written", "word", "dative", "genitive"),
    [
        ("0,5", "бес", "0,5-ке", "0,5-тің"),
        ("2,75", "бес", "2,75-ке", "2,75-тің"),
        ("3,4", "төрт", "3,4-ке", "3,4-тің"),
        ("12,6", "алты", "12,6-ға", "12,6-ның"),
        ("0,50", "елу", "0,50-ге", "0,50-дің"),
        ("1,0", "нөл", "1,0-ге", "1,0-дің"),
        ("1 234,5", "бес", "1 234,5-ке", "1 234,5-тің"),
        ("7.5", "бес", "7.5-ке", "7.5-тің"),
    ],
)
def test_decimal_ending_follows_the_fraction(
    written: str, word: str, dative: str, genitive: str
) -> None:
    assert last_spoken_word(written) == word
    assert inflect_number(written, Case.DATIVE) == dative
    assert inflect_number(written, Case.GENITIVE) == genitive


def test_percent_is_read_paiyz() -> None:
    # «сексен пайыз»: пайыз ends in з after a back vowel
    assert [inflect_number("80 %", case) for case in WITH_POSSESSIVE] == [
        "80 %-дың",
        "80 %-ға",
        "80 %-ды",
        "80 %-да",
        "80 %-дан",
        "80 %-бен",
        "80 %-ы",
    ]
    assert inflect_number("5%", Case.DATIVE) == "5%-ға"


def test_formatting_of_the_number_is_kept() -> None:
    # babel's Kazakh number format separates thousands with a no-break space
    assert inflect_number("1\u00a0000", Case.DATIVE) == "1\u00a0000-ға"
    assert inflect_number("1\u202f000\u202f000", Case.LOCATIVE) == "1\u202f000\u202f000-да"
    assert inflect_number(" 1000 ", Case.DATIVE) == "1000-ға"
    assert inflect_number(-3, Case.DATIVE) == "-3-ке"
    assert inflect_number("\u221240", Case.DATIVE) == "\u221240-қа"
    assert inflect_number(-1000, Case.ABLATIVE) == "-1 000-нан"


@pytest.mark.parametrize("text", ["", "abc", "5 желтоқсан", "1,2,3", "1 00", "--5"])
def test_inflect_number_refuses_what_is_not_a_number(text: str) -> None:
    with pytest.raises(ValueError):
        inflect_number(text, Case.DATIVE)


# month, then its forms: gen dat acc loc abl instr
MONTHS: list[tuple[str, str]] = [
    ("қаңтар", "қаңтардың қаңтарға қаңтарды қаңтарда қаңтардан қаңтармен"),
    ("ақпан", "ақпанның ақпанға ақпанды ақпанда ақпаннан ақпанмен"),
    ("наурыз", "наурыздың наурызға наурызды наурызда наурыздан наурызбен"),
    ("сәуір", "сәуірдің сәуірге сәуірді сәуірде сәуірден сәуірмен"),
    ("мамыр", "мамырдың мамырға мамырды мамырда мамырдан мамырмен"),
    ("маусым", "маусымның маусымға маусымды маусымда маусымнан маусыммен"),
    ("шілде", "шілденің шілдеге шілдені шілдеде шілдеден шілдемен"),
    ("тамыз", "тамыздың тамызға тамызды тамызда тамыздан тамызбен"),
    ("қыркүйек", "қыркүйектің қыркүйекке қыркүйекті қыркүйекте қыркүйектен қыркүйекпен"),
    ("қазан", "қазанның қазанға қазанды қазанда қазаннан қазанмен"),
    ("қараша", "қарашаның қарашаға қарашаны қарашада қарашадан қарашамен"),
    ("желтоқсан", "желтоқсанның желтоқсанға желтоқсанды желтоқсанда желтоқсаннан желтоқсанмен"),
]


def test_the_months_are_the_kazakh_ones_in_order() -> None:
    assert tuple(month for month, _ in MONTHS) == KAZAKH_MONTHS


def month_cases() -> list[tuple[int, Case, str]]:
    rows = []
    for number, (_month, forms) in enumerate(MONTHS, start=1):
        for case, form in zip(SIX_CASES, forms.split(), strict=True):
            rows.append((number, case, form))
    return rows


@pytest.mark.parametrize(("month", "case", "form"), month_cases())
def test_date_takes_the_ending_on_its_month(month: int, case: Case, form: str) -> None:
    day = date(2026, month, 5)
    assert kazakh_date(day, case, with_year=False) == f"5 {form}"
    assert kazakh_date(day, case) == f"2026 жылғы 5 {form}"
    assert inflect_word(f"5 {KAZAKH_MONTHS[month - 1]}", case) == f"5 {form}"
    assert inflect_word(f"2026 жылғы 5 {KAZAKH_MONTHS[month - 1]}", case) == (
        f"2026 жылғы 5 {form}"
    )


def test_kazakh_date_without_a_case() -> None:
    assert kazakh_date(date(2026, 12, 5)) == "2026 жылғы 5 желтоқсан"
    assert kazakh_date(date(2026, 1, 31), with_year=False) == "31 қаңтар"
    assert kazakh_date(date(2025, 9, 1), Case.ABLATIVE) == "2025 жылғы 1 қыркүйектен"


# word, then its forms: gen dat acc loc abl instr poss
WORDS: list[tuple[str, str]] = [
    ("Айгүл", "Айгүлдің Айгүлге Айгүлді Айгүлде Айгүлден Айгүлмен Айгүлі"),
    ("Серік", "Серіктің Серікке Серікті Серікте Серіктен Серікпен Серігі"),
    ("Алматы", "Алматының Алматыға Алматыны Алматыда Алматыдан Алматымен Алматысы"),
    ("Ерлан", "Ерланның Ерланға Ерланды Ерланда Ерланнан Ерланмен Ерланы"),
    ("Әсем", "Әсемнің Әсемге Әсемді Әсемде Әсемнен Әсеммен Әсемі"),
    ("Дана", "Дананың Данаға Дананы Данада Данадан Данамен Данасы"),
    ("Нұрлан", "Нұрланның Нұрланға Нұрланды Нұрланда Нұрланнан Нұрланмен Нұрланы"),
    ("Бақыт", "Бақыттың Бақытқа Бақытты Бақытта Бақыттан Бақытпен Бақыты"),
    ("Жұлдыз", "Жұлдыздың Жұлдызға Жұлдызды Жұлдызда Жұлдыздан Жұлдызбен Жұлдызы"),
    ("Мұрат", "Мұраттың Мұратқа Мұратты Мұратта Мұраттан Мұратпен Мұраты"),
    ("курс", "курстың курсқа курсты курста курстан курспен курсы"),
    ("сабақ", "сабақтың сабаққа сабақты сабақта сабақтан сабақпен сабағы"),
    ("тест", "тесттің тестке тестті тестте тесттен тестпен тесті"),
    ("кітап", "кітаптың кітапқа кітапты кітапта кітаптан кітаппен кітабы"),
    ("сұрақ", "сұрақтың сұраққа сұрақты сұрақта сұрақтан сұрақпен сұрағы"),
    ("жауап", "жауаптың жауапқа жауапты жауапта жауаптан жауаппен жауабы"),
    ("Қазақстан", "Қазақстанның Қазақстанға Қазақстанды Қазақстанда Қазақстаннан Қазақстанмен"),
    ("Әлия", "Әлияның Әлияға Әлияны Әлияда Әлиядан Әлиямен Әлиясы"),
    # у after a vowel or at the end is the semivowel [w]: a sonorant, harmony from before it
    ("тау", "таудың тауға тауды тауда таудан таумен тауы"),
    ("Ару", "Арудың Аруға Аруды Аруда Арудан Арумен Аруы"),
    ("су", "судың суға суды суда судан сумен суы"),
    # у between consonants is the vowel [u] of a borrowed name: back
    ("Тимур", "Тимурдың Тимурға Тимурды Тимурда Тимурдан Тимурмен"),
    # final и ends in й: a sonorant
    ("Әли", "Әлидің Әлиге Әлиді Әлиде Әлиден Әлимен"),
    # Russian names: й, final б в г д pronounced voiceless, final ь softens
    ("Андрей", "Андрейдің Андрейге Андрейді Андрейде Андрейден Андреймен"),
    ("Олег", "Олегтің Олегке Олегті Олегте Олегтен Олегпен"),
    ("Петров", "Петровтың Петровқа Петровты Петровта Петровтан Петровпен"),
    ("клуб", "клубтың клубқа клубты клубта клубтан клубпен клубы"),
    ("Игорь", "Игорьдің Игорьге Игорьді Игорьде Игорьден Игорьмен"),
    ("медаль", "медальдің медальге медальді медальде медальден медальмен медалі"),
    # the spelling rules for borrowed words: -ог follows its vowel, -нк/-рк/-кл are front
    ("педагог", "педагогтың педагогқа педагогты педагогта педагогтан педагогпен педагогы"),
    ("банк", "банктің банкке банкті банкте банктен банкпен банкі"),
    ("цикл", "циклдің циклге циклді циклде циклден циклмен циклі"),
    (
        "Нұр-Сұлтан",
        "Нұр-Сұлтанның Нұр-Сұлтанға Нұр-Сұлтанды Нұр-Сұлтанда Нұр-Сұлтаннан Нұр-Сұлтанмен",
    ),
    # Latin letters, abbreviations and quotes: the ending after a hyphen
    ("Erlan", "Erlan-ның Erlan-ға Erlan-ды Erlan-да Erlan-нан Erlan-мен"),
    ("Serik", "Serik-тің Serik-ке Serik-ті Serik-те Serik-тен Serik-пен"),
    ("Aidana", "Aidana-ның Aidana-ға Aidana-ны Aidana-да Aidana-дан Aidana-мен"),
    ("АҚШ", "АҚШ-тың АҚШ-қа АҚШ-ты АҚШ-та АҚШ-тан АҚШ-пен"),
    ("ҚазҰУ", "ҚазҰУ-дың ҚазҰУ-ға ҚазҰУ-ды ҚазҰУ-да ҚазҰУ-дан ҚазҰУ-мен"),
    (
        "«Болашақ»",
        "«Болашақ»-тың «Болашақ»-қа «Болашақ»-ты «Болашақ»-та «Болашақ»-тан «Болашақ»-пен",
    ),
    # no vowel to go by: read as ending in a back vowel
    ("ТМД", "ТМД-ның ТМД-ға ТМД-ны ТМД-да ТМД-дан ТМД-мен ТМД-сы"),
]


def word_cases() -> list[tuple[str, Case, str]]:
    rows = []
    for word, forms in WORDS:
        for case, form in zip(WITH_POSSESSIVE, forms.split(), strict=False):
            rows.append((word, case, form))
    return rows


@pytest.mark.parametrize(("word", "case", "form"), word_cases())
def test_word_takes_the_ending(word: str, case: Case, form: str) -> None:
    assert inflect_word(word, case) == form


@pytest.mark.parametrize(
    ("word", "form"),
    [
        ("көк", "көгі"),  # native monosyllable: к voiced
        ("кубок", "кубогы"),  # borrowed, two syllables: voiced too
        ("тип", "типі"),  # borrowed monosyllable: kept
        ("парк", "паркі"),
    ],
)
def test_possessive_voicing(word: str, form: str) -> None:
    assert inflect_word(word, Case.POSSESSIVE) == form


def test_phrase_takes_the_ending_on_its_last_word() -> None:
    assert inflect_word("Ахметова Айгүл", Case.DATIVE) == "Ахметова Айгүлге"
    assert inflect_word("Нұрланов", Case.GENITIVE) == "Нұрлановтың"
    assert inflect_word("Серік  Нұрланова", Case.DATIVE) == "Серік  Нұрлановаға"
    assert inflect_word("курс 2", Case.LOCATIVE) == "курс 2-де"
    assert inflect_word("тест 1 000", Case.DATIVE) == "тест 1 000-ға"


# A patronymic is a possessive form (Серікқызы "Serik's daughter"): the cases take -н-.
@pytest.mark.parametrize(
    ("name", "forms"),
    [
        (
            "Ахметова Айгүл Серікқызы",
            "Серікқызының Серікқызына Серікқызын Серікқызында Серікқызынан Серікқызымен",
        ),
        (
            "Ерлан Нұрланұлы",
            "Нұрланұлының Нұрланұлына Нұрланұлын Нұрланұлында Нұрланұлынан Нұрланұлымен",
        ),
    ],
)
def test_full_name_ending_in_a_patronymic(name: str, forms: str) -> None:
    head = name.rpartition(" ")[0]
    for case, form in zip(SIX_CASES, forms.split(), strict=True):
        assert inflect_word(name, case) == f"{head} {form}"
    assert inflect_word(name, Case.POSSESSIVE) == name


def test_word_is_normalised_to_composed_letters() -> None:
    decomposed = "Андрей".replace("й", "и\u0306")
    assert inflect_word(decomposed, Case.DATIVE) == "Андрейге"


@pytest.mark.parametrize("blank", ["", "   "])
def test_blank_word_is_refused(blank: str) -> None:
    with pytest.raises(ValueError):
        inflect_word(blank, Case.DATIVE)


def test_case_names_are_the_ones_messages_pass() -> None:
    assert Case("dative") is Case.DATIVE
    assert [case.value for case in Case] == [
        "genitive",
        "dative",
        "accusative",
        "locative",
        "ablative",
        "instrumental",
        "possessive",
    ]


# An independent reading of a number, whole, group by group (not digit by digit as the module).
_UNITS = ["", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз"]
_TENS = ["", "он", "жиырма", "отыз", "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан"]


def spell(number: int) -> str:
    """The number in Kazakh words: 2 500 → «екі мың бес жүз»."""
    if number == 0:
        return "нөл"
    words: list[str] = []
    for power, scale in reversed(list(enumerate(["", "мың", "миллион", "миллиард"]))):
        group = number // 1000**power % 1000
        if not group:
            continue
        hundreds, tens, units = group // 100, group // 10 % 10, group % 10
        if hundreds:
            words += [_UNITS[hundreds], "жүз"] if hundreds > 1 else ["жүз"]
        words += [_TENS[tens]] if tens else []
        words += [_UNITS[units]] if units else []
        words += [scale] if scale else []
    return " ".join(words)


def test_spell_reads_numbers_as_a_kazakh_reader_does() -> None:
    assert spell(2_500) == "екі мың бес жүз"
    assert spell(1_001) == "бір мың бір"
    assert spell(1_500_000) == "бір миллион бес жүз мың"
    assert spell(47) == "қырық жеті"


@given(st.integers(min_value=0, max_value=10**9), st.sampled_from(list(Case)))
def test_number_takes_the_ending_of_its_spelled_last_word(number: int, case: Case) -> None:
    last_word = spell(number).split()[-1]
    # sliced, not stripped: the possessive voices the stem (қырық → қырығы), a digit does not
    word_ending = inflect_word(last_word, case)[len(last_word) :]
    written = f"{number:,}".replace(",", " ")
    assert last_spoken_word(number) == last_word
    assert inflect_number(number, case) == f"{written}-{word_ending}"


@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(list(Case)))
def test_ending_does_not_depend_on_how_the_number_is_written(number: int, case: Case) -> None:
    ending = inflect_number(number, case).rpartition("-")[2]
    for written in (str(number), f"{number:,}".replace(",", "\u00a0")):
        assert inflect_number(written, case) == f"{written}-{ending}"


@given(
    st.text(alphabet="аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя", min_size=1, max_size=12),
    st.sampled_from(list(Case)),
)
def test_a_kazakh_word_keeps_its_letters_and_takes_a_known_ending(word: str, case: Case) -> None:
    endings = {
        Case.GENITIVE: {"ның", "нің", "дың", "дің", "тың", "тің"},
        Case.DATIVE: {"ға", "ге", "қа", "ке"},
        Case.ACCUSATIVE: {"ны", "ні", "ды", "ді", "ты", "ті"},
        Case.LOCATIVE: {"да", "де", "та", "те"},
        Case.ABLATIVE: {"дан", "ден", "тан", "тен", "нан", "нен"},
        Case.INSTRUMENTAL: {"мен", "бен", "пен"},
        Case.POSSESSIVE: {"ы", "і", "сы", "сі"},
    }[case]
    assume(not word.endswith(("ұлы", "қызы")))  # patronymics take the -н- forms
    form = inflect_word(word, case)
    if case is Case.POSSESSIVE:
        return  # the stem may change (сабақ → сабағы, медаль → медалі)
    assert form.startswith(word)
    assert form[len(word) :].removeprefix("-") in endings
