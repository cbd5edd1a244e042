"""One form kit for every multi-step flow: steps as data, back and cancel on every step, a
summary with Edit / Confirm before anything is stored or sent, no live stale buttons.

A flow declares a ``Form`` (its ``Step``s and what Confirm does); its actor package includes
``create_form_router`` for its forms behind the package's gate; a handler opens the form with
``open_form``. Why the bot has its own kit rather than aiogram-dialog: README, "Forms".
"""

from bot.ui.forms.invalid import Invalid
from bot.ui.forms.model import Choice, Form, FormRun, Step, StepView
from bot.ui.forms.parsers import day, integer, one_of, text, time_of_day
from bot.ui.forms.runner import (
    create_form_router,
    create_stale_form_router,
    forms_of,
    open_form,
)

__all__ = [
    "Choice",
    "Form",
    "FormRun",
    "Invalid",
    "Step",
    "StepView",
    "create_form_router",
    "create_stale_form_router",
    "day",
    "forms_of",
    "integer",
    "one_of",
    "open_form",
    "text",
    "time_of_day",
]
