"""Realistic sample documents (fictional people) for ``biliktilik render``: the organization,
its head, logo and number prefix are the configured ones when the caller passes them (the CLI
does), the fictional ``ORGANIZATION`` otherwise."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from domain.documents import (
    AppendixDoc,
    ApplicationDoc,
    BasisLetter,
    CertificateDoc,
    EnrolledTeacher,
    EnrollmentOrderDoc,
    EnterpriseReference,
    InternshipCertificateDoc,
    Lang,
    ListeningReferenceDoc,
    ModuleLine,
    OrganizationInfo,
)
from domain.validity import certificate_valid_until

ORGANIZATION = OrganizationInfo(
    name_kk="«Білім шыңы» педагогтердің біліктілігін арттыру орталығы» ЖШС",
    name_ru="ТОО «Центр повышения квалификации педагогов «Білім шыңы»",
    head_name="Бауыржан Серікұлы Қайратов",
    city="Астана",
)
NAMES: dict[Lang, str] = {"kk": "Әлия Серікқызы Нұрланова", "ru": "Ольга Петровна Иванова"}
GENDERS = {"kk": "f", "ru": "f"}
TOPICS: dict[Lang, str] = {
    "kk": "Цифрлық сауаттылық және білім берудегі жасанды интеллект",
    "ru": "Цифровая грамотность и искусственный интеллект в образовании",
}
MODULES: dict[Lang, list[tuple[str, int, str]]] = {
    "kk": [
        ("Цифрлық білім беру ортасы және ақпараттық қауіпсіздік", 12, "өте жақсы"),
        ("Жасанды интеллект құралдарын сабақта қолдану", 24, "жақсы"),
        ("Қашықтықтан оқытудың әдістемесі", 18, "өте жақсы"),
        ("Оқушылардың цифрлық құзыреттілігін бағалау", 18, "сынақ"),
    ],
    "ru": [
        ("Цифровая образовательная среда и информационная безопасность", 12, "отлично"),
        ("Инструменты искусственного интеллекта на уроке", 24, "хорошо"),
        ("Методика дистанционного обучения", 18, "отлично"),
        ("Оценивание цифровой компетентности обучающихся", 18, "зачтено"),
    ],
}
NUMBER = "BLK-2026-000123"
ISSUED = date(2026, 11, 23)
COMPLETED = date(2026, 11, 20)
VERIFY_URL = "https://t.me/biliktilik_bot?start=v_BLK-2026-000123_3f9a1c7e5b2d"


def sample_certificate(
    lang: Lang = "kk", name: str | None = None, topic: str | None = None, hours: int | None = None
) -> CertificateDoc:
    return CertificateDoc(
        number=NUMBER,
        holder_full_name=name or NAMES[lang],
        topic=topic or TOPICS[lang],
        academic_hours=hours or 72,
        issued_on=ISSUED,
        valid_until=certificate_valid_until(COMPLETED, ISSUED),  # the bot's one §33 rule
        completed_on=COMPLETED,
        lang=lang,
        organization=ORGANIZATION,
        verification_url=VERIFY_URL,
        holder_gender="f" if name is None else None,
    )


def sample_appendix(
    lang: Lang = "kk", name: str | None = None, topic: str | None = None, hours: int | None = None
) -> AppendixDoc:
    modules = [ModuleLine(n, h, g) for n, h, g in MODULES[lang]]
    return AppendixDoc(
        certificate_number=NUMBER,
        holder_full_name=name or NAMES[lang],
        topic=topic or TOPICS[lang],
        lang=lang,
        organization=ORGANIZATION,
        modules=modules,
        total_hours=hours or sum(m.hours for m in modules),
        issued_on=ISSUED,
        holder_gender="f" if name is None else None,
    )


def sample_enterprise_reference(
    lang: Lang = "kk", name: str | None = None, hours: int | None = None
) -> EnterpriseReference:
    kk = lang == "kk"
    return EnterpriseReference(
        holder_full_name=name or ("Ержан Болатұлы Сәрсенбаев" if kk else "Сергей Иванович Ким"),
        enterprise_name="«ҚазМұнайГаз-Сервис» ЖШС" if kk else "ТОО «Павлодарский машзавод»",
        period_start=date(2026, 10, 5),
        period_end=date(2026, 10, 16),
        academic_hours=hours or 72,
        position_held="технолог-инженер" if kk else "инженер-технолог",
        skills_acquired=(
            "цифрлық басқарылатын станоктарды баптау, сапа бақылауы"
            if kk
            else "наладка станков с ЧПУ, контроль качества продукции"
        ),
        enterprise_head_name="Нұрлан Асқарұлы Төлеуов" if kk else "Андрей Викторович Белов",
        lang=lang,
        supervisor_name="Гүлнар Маратқызы Оспанова" if kk else "Марат Ерланович Жумабаев",
        holder_gender="m",
    )


def sample_internship_certificate(
    lang: Lang = "kk", name: str | None = None, topic: str | None = None, hours: int | None = None
) -> InternshipCertificateDoc:
    reference = sample_enterprise_reference(lang, name, hours)
    return InternshipCertificateDoc(
        number="BLK-2026-000456",
        holder_full_name=reference.holder_full_name,
        topic=topic
        or (
            "Машина жасаудағы заманауи технологиялар"
            if lang == "kk"
            else "Современные технологии в машиностроении"
        ),
        academic_hours=reference.academic_hours or 0,
        issued_on=ISSUED,
        lang=lang,
        organization=ORGANIZATION,
        enterprise_name=reference.enterprise_name,
        memorandum="01.09.2026 № 12" if lang == "kk" else "№ 12 от 01.09.2026",
        verification_url="https://t.me/biliktilik_bot?start=v_BLK-2026-000456_8c2e4f6a1b3d",
        reference=reference,
        holder_gender="m" if name is None else None,
    )


def sample_listening_reference(
    lang: Lang = "kk", name: str | None = None, topic: str | None = None, hours: int | None = None
) -> ListeningReferenceDoc:
    return ListeningReferenceDoc(
        number="BLK-2026-C000042",  # the bot's reference series (domain.certificate_numbers)
        holder_full_name=name or ("Дәурен Қанатұлы Жұмабеков" if lang == "kk" else NAMES["ru"]),
        topic=topic or TOPICS[lang],
        academic_hours=hours or 72,
        period_start=date(2026, 11, 2),
        period_end=date(2026, 11, 20),
        sessions_attended=13,
        sessions_total=18,
        score=42,
        max_score=100,
        reason_not_passed=(
            "сабаққа қатысу 80 %-дан төмен, қорытынды бағалау нәтижесі ең жоғары балдың "
            "50 %-ынан төмен"
            if lang == "kk"
            else "посещаемость ниже 80 %, результат итогового оценивания ниже 50 % "
            "от максимального балла"
        ),
        issued_on=ISSUED,
        lang=lang,
        organization=ORGANIZATION,
        holder_gender=None if lang == "kk" or name else "f",
    )


def sample_application(
    lang: Lang = "kk", name: str | None = None, *, abroad: bool = False
) -> ApplicationDoc:
    kk = lang == "kk"
    return ApplicationDoc(
        kind="abroad" if abroad else "domestic",
        lang=lang,
        school_name="Астана қаласының № 45 мектеп-лицейі"
        if kk
        else "Школа-лицей № 45 города Астаны",
        school_head_name="Гүлмира Ахметқызы Бекова",
        applicant_full_name=name or NAMES[lang],
        applicant_position="информатика пәнінің мұғалімі" if kk else "учитель информатики",
        instruction_language=lang if not abroad else "en",
        submitted_on=date(2026, 9, 14),
        abroad_duration="3_months" if abroad else None,
        country=("Финляндия" if abroad else None),
    )


def sample_enrollment_order(
    lang: Lang = "kk", name: str | None = None, topic: str | None = None, hours: int | None = None
) -> EnrollmentOrderDoc:
    kk = lang == "kk"
    teachers = [
        EnrolledTeacher(
            name or NAMES[lang],
            "№ 45 мектеп-лицей" if kk else "Школа-лицей № 45",
            "информатика мұғалімі" if kk else "учитель информатики",
        ),
        EnrolledTeacher(
            "Данияр Өмірзақұлы Ысқақов",
            "№ 12 ЖББМ" if kk else "СОШ № 12",
            "математика мұғалімі" if kk else "учитель математики",
        ),
        EnrolledTeacher(
            "Елена Сергеевна Ким",
            "№ 3 гимназия" if kk else "Гимназия № 3",
            "бастауыш сынып мұғалімі" if kk else "учитель начальных классов",
        ),
        EnrolledTeacher(
            "Айгүл Нұрсұлтанқызы Әбдіхалық",
            "№ 78 мектеп" if kk else "Школа № 78",
            "директордың оқу ісі жөніндегі орынбасары"
            if kk
            else "заместитель директора по учебной работе",
        ),
    ]
    return EnrollmentOrderDoc(
        number="128-ө" if kk else "128-п",
        dated=date(2026, 10, 28),
        lang=lang,
        organization=ORGANIZATION,
        topic=topic or TOPICS[lang],
        academic_hours=hours or 72,
        cohort="3",
        starts_on=date(2026, 11, 2),
        ends_on=date(2026, 11, 20),
        basis_letters=[
            BasisLetter(
                "02-15/1184",
                date(2026, 10, 14),
                "Астана қаласының білім басқармасы"
                if kk
                else "Управление образования города Астаны",
            ),
            BasisLetter(
                "07-2/356",
                date(2026, 10, 20),
                "Ақмола облысының білім басқармасы"
                if kk
                else "Управление образования Акмолинской области",
            ),
        ],
        teachers=teachers,
    )


SAMPLE_KINDS = (
    "certificate",
    "appendix",
    "certificate-with-appendix",
    "internship-certificate",
    "enterprise-reference",
    "listening-reference",
    "application",
    "application-abroad",
    "enrollment-order",
)


_SAMPLE_PREFIX = "BLK-"


def configured(doc: Any, organization: OrganizationInfo | None, prefix: str | None) -> Any:
    """The sample ``doc`` with the configured organization and registration-number prefix."""
    changes: dict[str, Any] = {}
    if organization is not None and hasattr(doc, "organization"):
        changes["organization"] = organization
    if prefix is not None:
        for name in ("number", "certificate_number"):
            value = getattr(doc, name, None)
            if isinstance(value, str) and value.startswith(_SAMPLE_PREFIX):
                changes[name] = f"{prefix}-{value.removeprefix(_SAMPLE_PREFIX)}"
    return dataclasses.replace(doc, **changes) if changes else doc


def render_sample(
    kind: str,
    lang: Lang = "kk",
    name: str | None = None,
    topic: str | None = None,
    hours: int | None = None,
    *,
    organization: OrganizationInfo | None = None,
    prefix: str | None = None,
) -> bytes:
    """PDF bytes of a sample document; ``kind`` is one of :data:`SAMPLE_KINDS`. With
    ``organization`` / ``prefix`` the sample shows the configured organization (names, head,
    logo) and number prefix instead of the fictional ones."""
    import bot.documents as docs

    def ours(doc: Any) -> Any:
        return configured(doc, organization, prefix)

    if kind == "certificate":
        return docs.render_certificate(ours(sample_certificate(lang, name, topic, hours)))
    if kind == "appendix":
        return docs.render_appendix(ours(sample_appendix(lang, name, topic, hours)))
    if kind == "certificate-with-appendix":
        return docs.render_certificate_with_appendix(
            ours(sample_certificate(lang, name, topic, hours)),
            ours(sample_appendix(lang, name, topic, hours)),
        )
    if kind == "internship-certificate":
        return docs.render_internship_certificate(
            ours(sample_internship_certificate(lang, name, topic, hours))
        )
    if kind == "enterprise-reference":
        return docs.render_enterprise_reference(sample_enterprise_reference(lang, name, hours))
    if kind == "listening-reference":
        return docs.render_listening_reference(
            ours(sample_listening_reference(lang, name, topic, hours))
        )
    if kind in ("application", "application-abroad"):
        return docs.render_application(
            sample_application(lang, name, abroad=kind == "application-abroad")
        )
    if kind == "enrollment-order":
        return docs.render_enrollment_order(ours(sample_enrollment_order(lang, name, topic, hours)))
    raise ValueError(f"unknown document kind {kind!r}; expected one of {', '.join(SAMPLE_KINDS)}")
