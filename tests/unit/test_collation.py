"""Item 12: Kazakh and Russian alphabetical order of names (domain.collation)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from domain.collation import KAZAKH_ALPHABET, RUSSIAN_ALPHABET, name_sort_key, sorted_by_name

KK_LETTERS = "А Ә Б В Г Ғ Д Е Ё Ж З И Й К Қ Л М Н Ң О Ө П Р С Т У Ұ Ү Ф Х Һ Ц Ч Ш Щ Ъ Ы І Ь Э Ю Я"


def by(lang: str, names: list[str]) -> list[str]:
    return sorted_by_name(names, lambda n: n, lang)  # type: ignore[arg-type]


def test_the_kazakh_alphabet_is_the_one_of_the_issue() -> None:
    assert KK_LETTERS.replace(" ", "") == KAZAKH_ALPHABET
    assert len(KAZAKH_ALPHABET) == 42
    shuffled = sorted(KAZAKH_ALPHABET)  # code point order: Ә, Қ, Ұ, Ө … after Я
    assert by("kk", shuffled) == list(KAZAKH_ALPHABET)


def test_kazakh_names_no_longer_sort_last() -> None:
    names = ["Ұлан Серік", "Әлия Нұрланова", "Қайрат Омаров", "Өмірзақ Ысқақ", "Бекзат Алиев",
             "Ахмет Байтұрсынов", "Яна Ким", "Іңкәр Сейіт", "Ыбырай Алтынсарин"]  # fmt: skip
    assert by("kk", names) == [
        "Ахмет Байтұрсынов",
        "Әлия Нұрланова",
        "Бекзат Алиев",
        "Қайрат Омаров",
        "Өмірзақ Ысқақ",
        "Ұлан Серік",
        "Ыбырай Алтынсарин",
        "Іңкәр Сейіт",
        "Яна Ким",
    ]


def test_russian_order_puts_kazakh_letters_after_their_base_letter() -> None:
    names = ["Ярослав", "Іңкәр", "Игорь", "Йомкин", "Әлия", "Борис", "Ёлкин", "Егоров", "Жанна"]
    assert by("ru", names) == ["Әлия", "Борис", "Егоров", "Ёлкин", "Жанна", "Игорь", "Іңкәр",
                               "Йомкин", "Ярослав"]  # fmt: skip
    # in Kazakh І is the 39th letter, after Ы
    assert by("kk", ["Іңкәр", "Игорь", "Ыбырай"]) == ["Игорь", "Ыбырай", "Іңкәр"]
    assert by("ru", list(reversed(RUSSIAN_ALPHABET))) == list(RUSSIAN_ALPHABET)


def test_case_spaces_and_prefixes() -> None:
    assert by("kk", ["Кимова Анна", "ким Олег", "Ким Анна"]) == [
        "Ким Анна",
        "ким Олег",
        "Кимова Анна",
    ]
    assert by("ru", ["Абай", "абай"]) == ["Абай", "абай"]  # ties broken by the text, stable
    assert by("ru", ["Smith", "Иванов", "1-й"]) == ["1-й", "Иванов", "Smith"]


names = st.text(alphabet=KAZAKH_ALPHABET + KAZAKH_ALPHABET.lower() + " -", max_size=12)


@given(st.lists(names, max_size=20), st.sampled_from(["kk", "ru"]))
def test_sorting_is_a_permutation_and_idempotent(items: list[str], lang: str) -> None:
    once = by(lang, items)
    assert sorted(once) == sorted(items)
    assert by(lang, once) == once


@given(names, names, st.sampled_from(["kk", "ru"]))
def test_the_order_is_total_and_case_blind_at_the_first_level(a: str, b: str, lang: str) -> None:
    ka, kb = name_sort_key(a, lang), name_sort_key(b, lang)  # type: ignore[arg-type]
    assert (ka < kb) + (kb < ka) + (ka == kb) == 1
    assert name_sort_key(a.upper(), lang)[0] == ka[0]  # type: ignore[arg-type]


@given(st.sampled_from(list(KAZAKH_ALPHABET)), st.sampled_from(list(KAZAKH_ALPHABET)))
def test_single_letters_follow_the_kazakh_alphabet(a: str, b: str) -> None:
    expected = KAZAKH_ALPHABET.index(a) < KAZAKH_ALPHABET.index(b)
    assert (name_sort_key(a, "kk") < name_sort_key(b, "kk")) == expected
