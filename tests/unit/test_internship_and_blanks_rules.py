"""Boundaries of the rules behind issue 14 items 1, 9, 13: §30 internship (reference upload,
App. 6 issue), §29 (2025) security blanks (series/number, ranges), the "№" of typed numbers,
the holder's sex from the IIN, the grading scales of App. 4."""

from __future__ import annotations

from datetime import date

import pytest

from domain.blanks import MAX_BATCH, BlankRef, parse_blank, parse_blank_range
from domain.courses import CourseKind
from domain.document_numbers import normalize_document_number
from domain.documents import holder_gender
from domain.grading import GradingScale, grades_of, is_grade_of, scale_of
from domain.iin import Sex, make_iin, sex_from_iin
from domain.internship import (
    InternshipRefusal,
    Memorandum,
    ReferenceStatus,
    internship_certificate_refusal,
    reference_upload_refusal,
)
from domain.model import EnrollmentStatus
from domain.services.internship import memorandum_line

INTERN = CourseKind.INTERNSHIP
ENROLLED = EnrollmentStatus.ENROLLED


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("№ 03-15/2214", "03-15/2214"),
        ("№03-15/2214", "03-15/2214"),
        ("№ № 45-к", "45-к"),
        ("N 12", "12"),
        ("No. 12", "12"),
        ("#7", "7"),
        ("  45-к  ", "45-к"),
        ("NK-12", "NK-12"),  # letters of the number itself stay
        ("12 № 3", "12 № 3"),  # a sign inside the number is the admin's
        ("№", ""),
    ],
)
def test_a_typed_number_loses_the_forms_own_sign(typed: str, number: str) -> None:
    assert normalize_document_number(typed) == number


@pytest.mark.parametrize(
    ("typed", "blank"),
    [
        ("АА 0001234", BlankRef("АА", "0001234")),
        ("аа№0001234", BlankRef("АА", "0001234")),
        ("AA-0001234", BlankRef("AA", "0001234")),
        ("ҚЖ № 000777", BlankRef("ҚЖ", "000777")),
        ("А 123", BlankRef("А", "123")),
    ],
)
def test_blank_series_and_number(typed: str, blank: BlankRef) -> None:
    assert parse_blank(typed) == blank


@pytest.mark.parametrize("typed", ["0001234", "АА 12", "ААААА 0001234", "АА 0001234567890", ""])
def test_not_a_blank(typed: str) -> None:
    assert parse_blank(typed) is None


def test_a_range_keeps_the_width_and_both_ends() -> None:
    blanks = parse_blank_range("АА 0000998-0001001")
    assert blanks is not None
    assert [b.number for b in blanks] == ["0000998", "0000999", "0001000", "0001001"]
    assert parse_blank_range("АА 0001000–0001000") == [BlankRef("АА", "0001000")]


def test_a_range_at_most_max_batch_and_not_reversed() -> None:
    last_ok = f"АА 000001-{MAX_BATCH:06d}"
    too_long = f"АА 000001-{MAX_BATCH + 1:06d}"
    assert len(parse_blank_range(last_ok) or []) == MAX_BATCH
    assert parse_blank_range(too_long) is None
    assert parse_blank_range("АА 0001001-0001000") is None


def test_the_sex_from_the_iin_chooses_the_russian_verb() -> None:
    male = make_iin(date(1985, 3, 4), Sex.MALE, 105)
    female = make_iin(date(2001, 3, 4), Sex.FEMALE, 105)
    assert sex_from_iin(male) is Sex.MALE and holder_gender(male) == "m"
    assert sex_from_iin(female) is Sex.FEMALE and holder_gender(female) == "f"
    assert holder_gender(None) is None and holder_gender("123") is None
    assert holder_gender("850304" + "7" + "00000") is None  # 7 is no century digit


def test_reference_upload_boundaries() -> None:
    assert reference_upload_refusal(INTERN, ENROLLED, False, False) is None
    assert reference_upload_refusal(INTERN, EnrollmentStatus.COMPLETED, False, False) is None
    assert reference_upload_refusal(CourseKind.SHORT, ENROLLED, False, False) is (
        InternshipRefusal.NOT_INTERNSHIP
    )
    for gone in (EnrollmentStatus.EXPELLED, EnrollmentStatus.TRANSFERRED):
        assert (
            reference_upload_refusal(INTERN, gone, False, False) is InternshipRefusal.NOT_ENROLLED
        )
    assert reference_upload_refusal(INTERN, ENROLLED, True, False) is (
        InternshipRefusal.ALREADY_ISSUED
    )
    assert reference_upload_refusal(INTERN, ENROLLED, False, True) is InternshipRefusal.PENDING


def test_app_6_needs_a_pending_reference_and_the_memorandum() -> None:
    pending = ReferenceStatus.PENDING
    assert internship_certificate_refusal(INTERN, ENROLLED, pending, False, True) is None
    assert internship_certificate_refusal(INTERN, ENROLLED, pending, False, False) is (
        InternshipRefusal.NO_MEMORANDUM
    )
    for decided in (ReferenceStatus.ACCEPTED, ReferenceStatus.REJECTED):
        assert internship_certificate_refusal(INTERN, ENROLLED, decided, False, True) is (
            InternshipRefusal.NOT_PENDING
        )
    assert internship_certificate_refusal(INTERN, ENROLLED, pending, True, True) is (
        InternshipRefusal.ALREADY_ISSUED
    )
    assert internship_certificate_refusal(CourseKind.LONG, ENROLLED, pending, False, True) is (
        InternshipRefusal.NOT_INTERNSHIP
    )
    expelled = EnrollmentStatus.EXPELLED
    assert internship_certificate_refusal(INTERN, expelled, pending, False, True) is (
        InternshipRefusal.NOT_ENROLLED
    )


def test_the_memorandum_as_app_6_cites_it() -> None:
    memo = Memorandum(1, "12/2026", date(2026, 9, 1), "ТОО «А»")
    assert memorandum_line(memo, "ru") == "№ 12/2026 от 01.09.2026"
    assert memorandum_line(memo, "kk") == "01.09.2026 № 12/2026"


def test_grading_scales() -> None:
    assert grades_of(GradingScale.FIVE_POINT) == ("5", "4", "3", "2")
    assert grades_of("pass_fail") == ("passed", "failed")
    assert scale_of("unknown") is GradingScale.PASS_FAIL
    assert is_grade_of("five_point", "5") and not is_grade_of("five_point", "6")
    assert not is_grade_of("pass_fail", "5")
