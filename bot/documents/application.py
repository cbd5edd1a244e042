"""App. 1 (domestic) and App. 2 (abroad) application to the head of the teacher's school (§10).

Every blank of the form is filled: the addressee block at the top right (school, its head,
applicant, position, each over its caption), "Заявление" / "Өтініш", the request sentence
(App. 2 adds the duration and the country), the signature line and the date.
"""

from __future__ import annotations

import io

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas

from bot.documents.fonts import SERIF, SERIF_BOLD
from bot.documents.layout import MM, PORTRAIT, draw_fitted, draw_text, esc, new_canvas
from bot.documents.texts import T, long_date
from domain.documents import ApplicationDoc

BLOCK_X = 100 * MM
BLOCK_W = PORTRAIT[0] - 20 * MM - BLOCK_X


def instruction_language(doc: ApplicationDoc) -> str:
    """A language code becomes the form's words ("казахским" / "қазақ"); other text as typed."""
    key = f"lang_{doc.instruction_language}"
    return T[doc.lang].get(key) or esc(doc.instruction_language)


def application_sentence(doc: ApplicationDoc) -> str:
    t = T[doc.lang]
    fields = {
        "name": f"<b>{esc(doc.applicant_full_name)}</b>",
        "language": f"<u>{instruction_language(doc)}</u>",
    }
    if doc.kind == "domestic":
        return t["app_domestic"].format(**fields)
    duration = t["app_1_year"] if doc.abroad_duration == "1_year" else t["app_3_months"]
    return t["app_abroad"].format(
        **fields, duration=f"<u>{duration}</u>", country=f"<u>{esc(doc.country or '')}</u>"
    )


def blank(
    canvas: Canvas, text: str, caption: str | None, x: float, y_top: float, width: float
) -> float:
    """User text fitted over an underline, with the form's caption in small type below."""
    y = draw_fitted(
        canvas,
        esc(text),
        x,
        y_top,
        width,
        11 * MM,
        font=SERIF,
        max_size=11.5,
        min_size=7,
        align="center",
        valign="middle",
    )
    line_y = y_top - 11 * MM
    canvas.setLineWidth(0.5)
    canvas.line(x, line_y, x + width, line_y)
    if caption is None:
        return min(y, line_y) - 1 * MM
    canvas.setFont(SERIF, 7.5)
    canvas.drawCentredString(x + width / 2, line_y - 3 * MM, caption)
    return line_y - 5 * MM


def render_application(doc: ApplicationDoc) -> bytes:
    t = T[doc.lang]
    w, h = PORTRAIT
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, t["app_title"], PORTRAIT)
    y = h - 22 * MM
    canvas.setFont(SERIF, 12)
    canvas.drawString(BLOCK_X, y, t["app_to"])
    y -= 2 * MM
    y = blank(canvas, doc.school_name, t["app_school_caption"], BLOCK_X, y, BLOCK_W)
    y = blank(canvas, doc.school_head_name, t["full_name_caption"], BLOCK_X, y, BLOCK_W)
    canvas.setFont(SERIF, 12)
    from_w = canvas.stringWidth(t["app_from"], SERIF, 12) + 2 * MM
    canvas.drawString(BLOCK_X, y - 7 * MM, t["app_from"])
    y = blank(
        canvas,
        doc.applicant_full_name,
        t["full_name_caption"],
        BLOCK_X + from_w,
        y,
        BLOCK_W - from_w,
    )
    y = blank(canvas, doc.applicant_position, t["app_position_caption"], BLOCK_X, y, BLOCK_W)

    canvas.setFont(SERIF_BOLD, 15)
    canvas.drawCentredString(w / 2, y - 18 * MM, t["app_title"])
    body = ParagraphStyle(
        "application",
        fontName=SERIF,
        fontSize=12.5,
        leading=20,
        firstLineIndent=12 * MM,
        alignment=4,
    )
    y = draw_text(canvas, application_sentence(doc), 20 * MM, y - 26 * MM, w - 40 * MM, body)

    sign_x, sign_w = w - 20 * MM - 65 * MM, 65 * MM
    y -= 22 * MM
    canvas.setLineWidth(0.5)
    canvas.line(sign_x, y, sign_x + sign_w, y)
    canvas.setFont(SERIF, 7.5)
    canvas.drawCentredString(sign_x + sign_w / 2, y - 3 * MM, t["app_signature"])
    y -= 14 * MM
    canvas.setFont(SERIF, 12)
    date_text = long_date(doc.submitted_on, doc.lang) if doc.submitted_on else t["app_blank_date"]
    canvas.drawCentredString(sign_x + sign_w / 2, y + 1.5 * MM, date_text)
    canvas.line(sign_x, y, sign_x + sign_w, y)
    canvas.setFont(SERIF, 7.5)
    canvas.drawCentredString(sign_x + sign_w / 2, y - 3 * MM, t["app_date"])
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
