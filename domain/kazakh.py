"""Kazakh case endings for words, names, numbers and dates.

A Kazakh ending is chosen by two things at the end of the stem as it is *pronounced*:

* vowel harmony: the last vowel is back (а о ұ ы) or front (ә е ө ү і), and the ending takes a
  back or a front vowel to match (``Алматыға``, ``Айгүлге``);
* the final sound: a vowel, a nasal (м н ң), another sonorant (л р й у), a voiced consonant
  (ж з) or a voiceless one (к қ п с т ф х һ ц ч ш щ).

A number written in digits is pronounced as its Kazakh numeral, so its ending follows the last
word of that numeral (``40`` is read «қырық» → ``40-қа``; ``1 000`` is «мың» → ``1 000-ға``) and
is joined with a hyphen, as Kazakh spelling does after digits and abbreviations.

The letters that need a decision, and the choice made here:

* ``у`` and ``ю`` (= й + у) at the end of a word, or next to a vowel, are the semivowel [w]: the
  ending treats them as a sonorant and takes the harmony of the vowel before them (``тау`` →
  ``тауға``, ``таудың``; ``елу`` → ``елуге``). With no vowel before them (``су``) they are back.
  Between consonants (``курс``, ``Тимур``) ``у`` is the vowel [u] of a borrowed word: back.
* ``и`` is read [ɪj]/[ɯj], a vowel closed by й: at the end it is a sonorant like й (``Әли`` →
  ``Әлидің``, ``Әлиді``), and for harmony it counts as front, as in the Russian words and names
  where it is usually the last vowel (``Дамир`` → ``Дамирге``, ``лимит`` → ``лимитке``). The
  few native or Arabic words whose и is back (``ми``, ``тарих``) come out front: write them out.
* Russian letters: е and э are front; ё, я (= й + а) and о are back; a final ь softens the word,
  so the ending is front (``Игорь`` → ``Игорьге``), and ь/ъ are otherwise silent.
* A borrowed word ending in рк, рг, лк, нк, кс or кл takes front endings whatever its vowel
  (``банк`` → ``банкке``, ``парк`` → ``паркі``); after a vowel the к/г follows it
  (``педагог`` → ``педагогқа``, ``педагогтың``).
* б в г ғ д never end a Kazakh word; at the end of a borrowed word or name they are pronounced
  п ф к қ т, so the ending is the voiceless one (``Олег`` → ``Олегке``, ``Петров`` →
  ``Петровтың``, ``миллиард`` → ``миллиардқа``). ж and з stay voiced (``жүзге``).
* A word in Latin letters keeps its spelling and takes the ending after a hyphen, as Kazakh
  texts write ``Google-ға`` (``Erlan-ға``); a, o, u, y, ı, ū are back and ä, e, i, ö, ü front
  (``y`` is the ``ы`` of passport transliteration: ``Bakyt``). Latin ``u`` stands for ұ, ү and
  у alike, so ``Aigul`` (Айгүл) comes out back: prefer the Cyrillic spelling of a name.
* An abbreviation (two capitals in a row: ``ҚазҰУ``, ``АҚШ``) and a word ending in a quote or
  bracket take the ending after a hyphen (``АҚШ-қа``, ``«Болашақ»-қа``). A word with no vowel
  to go by (``ТМД``) is read as if it ended in a back vowel (``ТМД-ға``, ``ТМД-ның``), the form
  most often written after such abbreviations; where that reads wrong, rephrase the message
  so that the word needs no ending.

A full name ending in a patronymic (``Әлия Серікқызы``) is already possessive, so its cases
take the -н- forms (``Серікқызына``, ``Серікқызын``, ``Серікқызында``, ``Серікқызынан``).

The 3rd-person possessive ending (``-ы/-і``, ``-сы/-сі``) is offered with the cases because
messages need it (``сабағы``, ``курсы``); a final к/қ/п after a vowel is voiced before it
(``сабақ`` → ``сабағы``, ``кітап`` → ``кітабы``) except in a borrowed monosyllable (``тип`` →
``типі``), which is recognised by its letters.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from datetime import date
from enum import Enum, StrEnum

__all__ = [
    "KAZAKH_MONTHS",
    "Case",
    "inflect_number",
    "inflect_word",
    "kazakh_date",
    "last_spoken_word",
]


class Case(StrEnum):
    """The ending to attach. Its value is the name a Fluent message passes (``case: "dative"``).

    POSSESSIVE is not a case but the 3rd-person possessive ending (``курсы``): it is chosen by
    the same sounds and messages need it in the same places."""

    GENITIVE = "genitive"  # ілік септік: -ның/-нің, -дың/-дің, -тың/-тің
    DATIVE = "dative"  # барыс септік: -ға/-ге, -қа/-ке
    ACCUSATIVE = "accusative"  # табыс септік: -ны/-ні, -ды/-ді, -ты/-ті
    LOCATIVE = "locative"  # жатыс септік: -да/-де, -та/-те
    ABLATIVE = "ablative"  # шығыс септік: -дан/-ден, -нан/-нен, -тан/-тен
    INSTRUMENTAL = "instrumental"  # көмектес септік: -мен, -бен, -пен (no vowel harmony)
    POSSESSIVE = "possessive"  # тәуелдік, 3rd person: -ы/-і, -сы/-сі


KAZAKH_MONTHS: tuple[str, ...] = (
    "қаңтар",
    "ақпан",
    "наурыз",
    "сәуір",
    "мамыр",
    "маусым",
    "шілде",
    "тамыз",
    "қыркүйек",
    "қазан",
    "қараша",
    "желтоқсан",
)


class _Sound(Enum):
    """The class of a stem's final sound, which decides the ending's first consonant."""

    VOWEL = "vowel"
    NASAL = "nasal"  # м н ң
    SONORANT = "sonorant"  # л р й у (and и, ю: they end in й, у)
    VOICED = "voiced"  # ж з
    VOICELESS = "voiceless"  # к қ п с т ф х һ ц ч ш щ, and б в г ғ д pronounced devoiced


# (back, front) forms of each ending, by the final sound.
_ENDINGS: dict[Case, dict[_Sound, tuple[str, str]]] = {
    Case.GENITIVE: {
        _Sound.VOWEL: ("ның", "нің"),
        _Sound.NASAL: ("ның", "нің"),
        _Sound.SONORANT: ("дың", "дің"),
        _Sound.VOICED: ("дың", "дің"),
        _Sound.VOICELESS: ("тың", "тің"),
    },
    Case.DATIVE: {
        _Sound.VOWEL: ("ға", "ге"),
        _Sound.NASAL: ("ға", "ге"),
        _Sound.SONORANT: ("ға", "ге"),
        _Sound.VOICED: ("ға", "ге"),
        _Sound.VOICELESS: ("қа", "ке"),
    },
    Case.ACCUSATIVE: {
        _Sound.VOWEL: ("ны", "ні"),
        _Sound.NASAL: ("ды", "ді"),
        _Sound.SONORANT: ("ды", "ді"),
        _Sound.VOICED: ("ды", "ді"),
        _Sound.VOICELESS: ("ты", "ті"),
    },
    Case.LOCATIVE: {
        _Sound.VOWEL: ("да", "де"),
        _Sound.NASAL: ("да", "де"),
        _Sound.SONORANT: ("да", "де"),
        _Sound.VOICED: ("да", "де"),
        _Sound.VOICELESS: ("та", "те"),
    },
    Case.ABLATIVE: {
        _Sound.VOWEL: ("дан", "ден"),
        _Sound.NASAL: ("нан", "нен"),
        _Sound.SONORANT: ("дан", "ден"),
        _Sound.VOICED: ("дан", "ден"),
        _Sound.VOICELESS: ("тан", "тен"),
    },
    Case.INSTRUMENTAL: {
        _Sound.VOWEL: ("мен", "мен"),
        _Sound.NASAL: ("мен", "мен"),
        _Sound.SONORANT: ("мен", "мен"),
        _Sound.VOICED: ("бен", "бен"),
        _Sound.VOICELESS: ("пен", "пен"),
    },
    Case.POSSESSIVE: {
        _Sound.VOWEL: ("сы", "сі"),
        _Sound.NASAL: ("ы", "і"),
        _Sound.SONORANT: ("ы", "і"),
        _Sound.VOICED: ("ы", "і"),
        _Sound.VOICELESS: ("ы", "і"),
    },
}

# Letters whose harmony is certain, Cyrillic and Latin.
_BACK_VOWELS = frozenset("аоұыяё" + "aouıūy")
_FRONT_VOWELS = frozenset("әеөүіэи" + "äeiöü")
# у and ю are a vowel between consonants, a semivowel elsewhere.
_SEMIVOWELS = frozenset("ую")
_VOWEL_LETTERS = _BACK_VOWELS | _FRONT_VOWELS | _SEMIVOWELS

_SOUND_OF_LETTER: dict[str, _Sound] = {
    **dict.fromkeys("аәеёоөұүыіэя" + "aäeioöuüıūy", _Sound.VOWEL),
    **dict.fromkeys("мнң" + "mn", _Sound.NASAL),
    **dict.fromkeys("лрйуюи" + "lrw", _Sound.SONORANT),
    **dict.fromkeys("жз" + "zj", _Sound.VOICED),
    **dict.fromkeys("кқпстфхһцчшщбвгғд" + "bcdfghkpqstvxçşğ", _Sound.VOICELESS),
}
# Possessive voicing of a final voiceless stop: сабақ → сабағы, кітап → кітабы.
_VOICED_BEFORE_VOWEL = {"к": "г", "қ": "ғ", "п": "б"}
_RUSSIAN_ONLY = frozenset("вфцчщъьэёюя")
# Borrowed words ending in these clusters take front endings whatever their vowel (the
# spelling rules' банк → банкке, парк → паркі, хирург → хирургтің, бокс → бокске, цикл →
# циклге), where педагог, блок, кубок with a vowel before к/г follow their vowel.
_FRONT_CLUSTER = re.compile(r"(?:[рлн][кг]|к[сл])$")

# A patronymic (Серікұлы "Serik's son", Серікқызы "Serik's daughter") is itself a possessive
# form, and after the 3rd-person possessive the cases take their pronominal -н- forms:
# Серікқызына, Серікұлын, Серікұлында. Both end in a back vowel; they take no 2nd possessive.
_PATRONYMIC_ENDINGS = ("ұлы", "қызы")
_AFTER_POSSESSIVE: dict[Case, str] = {
    Case.GENITIVE: "ның",
    Case.DATIVE: "на",
    Case.ACCUSATIVE: "н",
    Case.LOCATIVE: "нда",
    Case.ABLATIVE: "нан",
    Case.INSTRUMENTAL: "мен",
    Case.POSSESSIVE: "",
}

_UNITS = ("нөл", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз")
_TENS = ("", "он", "жиырма", "отыз", "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан")
# 10**3, 10**6, ...; every larger scale word also ends in «-ллион», as миллион.
_SCALES = ("мың", "миллион", "миллиард", "триллион", "квадриллион", "квинтиллион")
_PERCENT = "пайыз"

_GROUP_SPACE = " \u00a0\u202f\u2009"  # space, no-break space (babel's kk), narrow, thin
_NUMBER = re.compile(
    rf"(?P<integer>\d{{1,3}}(?:[{_GROUP_SPACE}]\d{{3}})+|\d+)"
    r"(?:[,.](?P<fraction>\d+))?"
    rf"(?P<percent>[{_GROUP_SPACE}]?%)?"
)
_SIGNED_NUMBER = re.compile(rf"[-\u2212]?{_NUMBER.pattern}")
_TRAILING_NUMBER = re.compile(rf"{_NUMBER.pattern}$")


def inflect_word(word: str, case: Case) -> str:
    """``word`` with the ending of ``case``: ``inflect_word("Алматы", Case.DATIVE)`` →
    ``"Алматыға"``. In a phrase the ending goes on the last word (``"5 желтоқсан"`` →
    ``"5 желтоқсанға"``); a phrase ending in digits is inflected as a number (see
    :func:`inflect_number`). Raises ValueError for an empty or blank ``word``."""
    text = unicodedata.normalize("NFC", word).strip()
    if not text:
        raise ValueError("nothing to inflect")
    if _TRAILING_NUMBER.search(text):
        return _inflect_trailing_number(text, case)
    token = re.split(r"\s", text)[-1]
    head = text[: len(text) - len(token)]
    return head + _inflect_token(token, case)


def inflect_number(value: int | str, case: Case) -> str:
    """A number in digits with the ending of ``case`` after a hyphen, chosen by the last word
    of the number read aloud in Kazakh: ``inflect_number(40, Case.DATIVE)`` → ``"40-қа"``
    (қырық), ``inflect_number(1000, Case.ABLATIVE)`` → ``"1 000-нан"`` (мың).

    An int is written with a space between thousands (``"1 000"``). A string is kept as it is
    formatted (spaces or no-break spaces between thousands, a decimal comma or point, a final
    ``%``, read «пайыз»); raises ValueError if it is not such a number."""
    if isinstance(value, int):
        text = _group_thousands(value)
    else:
        text = unicodedata.normalize("NFC", value).strip()
        if not _SIGNED_NUMBER.fullmatch(text):
            raise ValueError(f"not a number in digits: {value!r}")
    return _inflect_trailing_number(text, case)


def last_spoken_word(value: int | str) -> str:
    """The last word of a number read aloud in Kazakh, which decides its ending: 1 001 is «бір
    мың бір» → ``"бір"``, 2 500 → ``"жүз"``, 1 000 000 → ``"миллион"``. A decimal is read
    «нөл бүтін оннан бес», so its fractional digits, read as a whole number, give the last word
    (``"0,5"`` → ``"бес"``, ``"2,50"`` → ``"елу"``); a final ``%`` is «пайыз». The sign («минус»
    comes first) does not matter."""
    if isinstance(value, int):
        return _last_word_of_integer(abs(value))
    text = unicodedata.normalize("NFC", value).strip()
    match = _SIGNED_NUMBER.fullmatch(text)
    if match is None:
        raise ValueError(f"not a number in digits: {value!r}")
    return _last_word_of_match(match)


def kazakh_date(day: date, case: Case | None = None, with_year: bool = True) -> str:
    """``day`` in the official Kazakh style, «2026 жылғы 5 желтоқсан» (or «5 желтоқсан»
    without the year), the ending of ``case`` on the month name, the last word:
    ``kazakh_date(date(2026, 12, 5), Case.LOCATIVE)`` → ``"2026 жылғы 5 желтоқсанда"``."""
    month = KAZAKH_MONTHS[day.month - 1]
    if case is not None:
        month = inflect_word(month, case)
    text = f"{day.day} {month}"
    return f"{day.year} жылғы {text}" if with_year else text


def _inflect_trailing_number(text: str, case: Case) -> str:
    match = _TRAILING_NUMBER.search(text)
    assert match is not None  # callers checked
    word = _last_word_of_match(match)
    return f"{text}-{_ending(word, case)}"


def _last_word_of_match(match: re.Match[str]) -> str:
    if match.group("percent"):
        return _PERCENT
    fraction = match.group("fraction")
    if fraction is not None:
        return _last_word_of_integer(int(fraction))
    return _last_word_of_integer(int(re.sub(rf"[{_GROUP_SPACE}]", "", match.group("integer"))))


def _last_word_of_integer(number: int) -> str:
    """The units, else the tens, else «жүз»; a whole number of thousands ends with the scale
    word of its lowest non-zero group (5 000 «бес мың», 1 500 000 «... бес жүз мың»)."""
    if number == 0:
        return _UNITS[0]
    if number % 10:
        return _UNITS[number % 10]
    if number % 100:
        return _TENS[number // 10 % 10]
    if number % 1000:
        return "жүз"
    scale = 0
    while number % 1000 == 0:
        number //= 1000
        scale += 1
    return _SCALES[min(scale, len(_SCALES)) - 1]


def _group_thousands(number: int) -> str:
    return f"{number:,}".replace(",", " ")


def _inflect_token(token: str, case: Case) -> str:
    """``token`` and its ending as written: joined to a Cyrillic word; after a hyphen for a
    Latin word, an abbreviation (two capitals in a row: ``ҚазҰУ``, ``ТМД``), a word with no
    vowel to read it by, or a token ending in a quote or bracket (``«Болашақ»-қа``)."""
    letters = "".join(c for c in token if c.isalpha()).lower()
    abbreviation = any(a.isupper() and b.isupper() for a, b in itertools.pairwise(token))
    written_on = _is_cyrillic(token[-1]) and not abbreviation and _is_front(letters) is not None
    if not written_on:
        return f"{token}-{_ending(letters, case)}"
    if letters.endswith(_PATRONYMIC_ENDINGS):
        return token + _AFTER_POSSESSIVE[case]
    if case is Case.POSSESSIVE:
        token = _possessive_stem(token)
    return token + _ending(letters, case)


def _ending(letters: str, case: Case) -> str:
    """The ending of ``case`` after a word spelt with ``letters`` (lower case, letters only)."""
    front = _is_front(letters)
    if front is None:  # no vowel to go by: read as ending in a back vowel
        return _ENDINGS[case][_Sound.VOWEL][0]
    sound = _final_sound(letters.rstrip("ьъ"))
    return _ENDINGS[case][sound][1 if front else 0]


def _possessive_stem(token: str) -> str:
    """The stem before the possessive vowel. A final ь gives way to it (``медаль`` →
    ``медалі``). A final к/қ/п after a vowel is voiced, in native and borrowed words alike
    (``сабақ`` → ``сабағы``, ``кітап`` → ``кітабы``, ``кубок`` → ``кубогы``), except in a
    borrowed monosyllable: one with a letter Kazakh words do not have, or и/у as its vowel
    (``тип`` → ``типі``, ``суп`` → ``супы``)."""
    if token.endswith("ь"):
        return token[:-1]
    lowered = token.lower()
    last = lowered[-1]
    if last not in _VOICED_BEFORE_VOWEL or len(lowered) < 2 or lowered[-2] not in _VOWEL_LETTERS:
        return token
    vowels = [c for c in lowered if c in _VOWEL_LETTERS]
    borrowed_monosyllable = len(vowels) == 1 and (
        vowels[0] in "иу" or any(c in _RUSSIAN_ONLY for c in lowered)
    )
    if borrowed_monosyllable:
        return token
    voiced = _VOICED_BEFORE_VOWEL[last]
    return token[:-1] + (voiced.upper() if token[-1].isupper() else voiced)


def _is_front(letters: str) -> bool | None:
    """Harmony from the last vowel that decides it (see the module notes on у, ю, и, ь);
    None when the word has no vowel letter."""
    if letters.endswith("ь") or _FRONT_CLUSTER.search(letters):
        return True
    fallback: bool | None = None
    for index in range(len(letters) - 1, -1, -1):
        char = letters[index]
        if char in _FRONT_VOWELS:
            return True
        if char in _BACK_VOWELS:
            return False
        if char in _SEMIVOWELS:
            before = letters[index - 1] if index > 0 else ""
            after = letters[index + 1] if index + 1 < len(letters) else ""
            if after and before not in _VOWEL_LETTERS and after not in _VOWEL_LETTERS:
                return False  # курс, Тимур: the vowel [u] of a borrowed word
            fallback = False  # су, ту: with no other vowel the semivowel is read back
    return fallback


def _final_sound(stem: str) -> _Sound:
    if stem.endswith("ng"):
        return _Sound.NASAL
    last = stem[-1] if stem else ""
    return _SOUND_OF_LETTER.get(last, _Sound.VOWEL)


def _is_cyrillic(char: str) -> bool:
    return "\u0400" <= char <= "\u04ff" and char.isalpha()
