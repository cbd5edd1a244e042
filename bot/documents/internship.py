"""§30 internship documents: App. 6 internship certificate and App. 5 enterprise reference.

App. 6 looks like the App. 3 certificate (landscape, bordered, both languages in the
heading). App. 5 is the reference the enterprise fills in; the bot renders it so the teacher
can hand the enterprise a pre-filled form (portrait, enterprise's name as the heading).
"""

from __future__ import annotations

import io

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, Paragraph, Spacer

from bot.documents.certificate_page import (
    draw_certificate_footer,
    draw_holder_and_body,
    start_certificate_page,
)
from bot.documents.flowing import Drawn, flow
from bot.documents.fonts import SANS, SERIF
from bot.documents.furniture import draw_signature
from bot.documents.layout import LANDSCAPE, MM, PORTRAIT, draw_fitted, esc, new_canvas, style
from bot.documents.texts import BILINGUAL, T, hours_phrase, long_date, ru_past, short_date
from domain.documents import EnterpriseReference, InternshipCertificateDoc


def internship_body(doc: InternshipCertificateDoc) -> str:
    if doc.enterprise_name:
        enterprise = (
            f" ({esc(doc.enterprise_name)})"
            if doc.lang == "kk"
            else (f" — {esc(doc.enterprise_name)}")
        )
    else:
        enterprise = ""
    return T[doc.lang]["internship_body"].format(
        passed=ru_past(doc.holder_gender, "прошел", "прошла", "прошел(а)"),
        enterprise=enterprise,
        topic=esc(doc.topic),
        hours=hours_phrase(doc.academic_hours, doc.lang),
        memorandum=T[doc.lang]["internship_memorandum"].format(memorandum=esc(doc.memorandum))
        if doc.memorandum
        else "",
    )


def draw_internship_certificate(canvas: Canvas, doc: InternshipCertificateDoc) -> None:
    t = T[doc.lang]
    headings = [(50, BILINGUAL["internship_kk"]), (59, BILINGUAL["internship_ru"])]
    start_certificate_page(canvas, doc.organization, headings, 19)
    draw_holder_and_body(
        canvas, doc.holder_full_name, internship_body(doc), name_top=66, body_top=86, body_h=40
    )
    lines = (
        f"{t['reg_number']} {doc.number}",
        f"{t['issued_on']} {long_date(doc.issued_on, doc.lang)}",
    )
    draw_certificate_footer(canvas, doc.organization, doc.lang, doc.verification_url, lines)


def render_internship_certificate(doc: InternshipCertificateDoc) -> bytes:
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, f"{BILINGUAL['internship_ru']} {doc.number}", LANDSCAPE)
    draw_internship_certificate(canvas, doc)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def enterprise_reference_paragraphs(ref: EnterpriseReference) -> list[str]:
    t = T[ref.lang]
    g = ref.holder_gender
    blank = t["blank_line"]

    def filled(text: str) -> str:
        """The value, or a line for the enterprise to write on (a blank App. 5)."""
        return esc(text) if text.strip() else blank

    fields = {
        "enterprise": filled(ref.enterprise_name),
        "start": short_date(ref.period_start) if ref.period_start else t["blank_date"],
        "end": short_date(ref.period_end) if ref.period_end else t["blank_date"],
        "hours": hours_phrase(ref.academic_hours, ref.lang)
        if ref.academic_hours
        else t["blank_hours"],
        "position": filled(ref.position_held),
        "skills": filled(ref.skills_acquired),
        "pronoun": ru_past(g, "Он", "Она", "Он(а)"),
        "passed": ru_past(g, "проходил", "проходила", "проходил(а)"),
        "did": ru_past(g, "исполнял", "исполняла", "исполнял(а)"),
        "gained": ru_past(g, "приобрел", "приобрела", "приобрел(а)"),
    }
    # names (the teacher's, the enterprise's) after a colon: no declension needed
    holder = esc(ref.holder_full_name) if ref.holder_full_name.strip() else blank
    lead = f"{t['ent_given']} <b>{holder}</b>. "
    paragraphs = [lead + t["ent_body"].format(**fields)]
    if t["ent_enterprise"]:
        paragraphs.insert(0, t["ent_enterprise"].format(enterprise=fields["enterprise"]))
    if ref.program:
        paragraphs.append(t["ent_program"].format(program=esc(ref.program)))
    if ref.assessment:
        paragraphs.append(t["ent_assessment"].format(assessment=esc(ref.assessment)))
    if ref.supervisor_name:
        paragraphs.append(t["ent_supervisor"].format(supervisor=esc(ref.supervisor_name)))
    return paragraphs


def render_enterprise_reference(ref: EnterpriseReference) -> bytes:
    """App. 5, filled with what the bot knows; the enterprise signs and stamps it."""
    t = T[ref.lang]
    w, h = PORTRAIT
    margin = 20 * MM
    width = w - 2 * margin
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, t["ent_title"], PORTRAIT)
    y = draw_fitted(
        canvas,
        f"<b>{esc(ref.enterprise_name) or t['blank_line']}</b>",
        margin,
        h - 18 * MM,
        width,
        16 * MM,
        font=SANS,
        max_size=12,
        min_size=7,
        valign="middle",
    )
    canvas.setLineWidth(0.8)
    canvas.line(margin, y - 2 * MM, w - margin, y - 2 * MM)
    y = draw_fitted(
        canvas,
        f"<b>{esc(t['ent_title'])}</b>",
        margin + 10 * MM,
        y - 10 * MM,
        width - 20 * MM,
        16 * MM,
        font=SERIF,
        max_size=13,
        min_size=9,
    )
    body = style(SERIF, 12, "justify", 17)
    flowables = []
    for markup in enterprise_reference_paragraphs(ref):
        flowables += [Paragraph(markup, body), Spacer(1, 3 * MM)]

    def sign(c: Canvas) -> None:
        draw_signature(
            c,
            title=t["ent_head"],
            name=ref.enterprise_head_name,
            signature_caption=t["signature"],
            stamp=t["stamp"],
            x=0,
            y=30 * MM,
            width=width,
        )

    flowables += [Spacer(1, 10 * MM), Drawn(width, 36 * MM, sign)]

    def frame_for_page(page: int) -> Frame:
        top = y - 8 * MM if page == 0 else h - 20 * MM
        return Frame(margin, 20 * MM, width, top - 20 * MM, 0, 0, 0, 0)

    flow(canvas, flowables, frame_for_page, lambda page: None)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
