"""§29, App. 4: module grades of the appendix are given on the course's grading scale.

The appendix lists "наименование модулей программы, количество часов, оценка"; the Rules do not
fix a scale, the programme does. A course names one of these scales; the admin picks a grade
from its list (buttons), so App. 4 never carries a typo. Codes are stored per course; the words
in each language live in ``locales`` (``grading-<scale>-<code>``).
"""

from __future__ import annotations

import enum

__all__ = ["DEFAULT_SCALE", "GradingScale", "grades_of", "is_grade_of", "scale_of"]


class GradingScale(enum.StrEnum):
    PASS_FAIL = "pass_fail"  # зачтено / не зачтено — есептелді / есептелмеді
    FIVE_POINT = "five_point"  # 5 (отлично) … 2 (неудовлетворительно)


DEFAULT_SCALE = GradingScale.PASS_FAIL

_GRADES: dict[GradingScale, tuple[str, ...]] = {
    GradingScale.PASS_FAIL: ("passed", "failed"),
    GradingScale.FIVE_POINT: ("5", "4", "3", "2"),
}


def scale_of(code: str) -> GradingScale:
    """A stored scale code; an unknown one (an older row) reads as the default."""
    try:
        return GradingScale(code)
    except ValueError:
        return DEFAULT_SCALE


def grades_of(scale: GradingScale | str) -> tuple[str, ...]:
    """The grades of ``scale``, best first (the order of the buttons)."""
    return _GRADES[scale_of(str(scale))]


def is_grade_of(scale: GradingScale | str, code: str) -> bool:
    return code in grades_of(scale)
