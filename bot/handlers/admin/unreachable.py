"""/unreachable and "🚫" in the admin panel: people who blocked the bot — since
when, their cohorts and what could not be delivered to them, a page at a time."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext

from bot.config import Settings
from bot.handlers.admin.callbacks import AdminArea, UnreachableList
from bot.handlers.admin.panel import button
from bot.ui.formatting import long_date
from bot.ui.markup import Markup
from domain.ports import UnitOfWorkFactory
from domain.services.unreachable import UnreachablePage, UnreachablePerson, unreachable_people


def person_text(i18n: I18nContext, entry: UnreachablePerson, tz: ZoneInfo) -> str:
    person = entry.person
    name = person.full_name or person.first_name or f"#{person.telegram_id or person.id}"
    if person.username:
        name += f" (@{person.username})"
    since = entry.since.astimezone(tz)
    lines: list[str] = [Markup.tag("b", name)]
    if person.phone:
        lines.append(i18n.get("admin-unreachable-phone", phone=person.phone))
    lines.append(
        i18n.get(
            "admin-unreachable-since",
            since=f"{long_date(since.date(), i18n.locale)}, {since:%H:%M}",
        )
    )
    if entry.cohorts:
        cohorts = ", ".join(entry.cohorts)
        lines.append(i18n.get("admin-unreachable-cohorts", cohorts=cohorts))
    else:
        lines.append(i18n.get("admin-unreachable-no-cohorts"))
    items: list[str] = []  # rendered messages (Markup)
    if entry.documents:
        documents = i18n.get("admin-unreachable-documents", count=entry.documents)
        if entry.document_numbers:
            documents = Markup(" ").join([documents, f"(№ {', '.join(entry.document_numbers)})"])
        items.append(documents)
    if entry.notices:
        items.append(i18n.get("admin-unreachable-notices", count=entry.notices))
    if items:
        lines.append(i18n.get("admin-unreachable-undelivered", items=Markup(", ").join(items)))
    else:
        lines.append(i18n.get("admin-unreachable-nothing"))
    return Markup("\n").join(lines)


def page_text(i18n: I18nContext, page: UnreachablePage, tz: ZoneInfo) -> str:
    if not page.total:
        return i18n.get("admin-unreachable-empty")
    parts = [i18n.get("admin-unreachable-title", total=page.total)]
    parts += [person_text(i18n, entry, tz) for entry in page.people]
    if page.pages > 1:
        parts.append(i18n.get("admin-unreachable-page", page=page.page + 1, pages=page.pages))
    return "\n\n".join(parts)


def pager(page: UnreachablePage) -> InlineKeyboardMarkup | None:
    row = []
    if page.page > 0:
        row.append(button("◀", UnreachableList(page=page.page - 1).pack()))
    if page.page + 1 < page.pages:
        row.append(button("▶", UnreachableList(page=page.page + 1).pack()))
    return InlineKeyboardMarkup(inline_keyboard=[row]) if row else None


async def unreachable_command(
    message: Message, i18n: I18nContext, uow_factory: UnitOfWorkFactory, settings: Settings
) -> None:
    page = await unreachable_people(uow_factory, 0)
    tz = ZoneInfo(settings.timezone)
    await message.answer(page_text(i18n, page, tz), reply_markup=pager(page))


async def unreachable_area(
    query: CallbackQuery, i18n: I18nContext, uow_factory: UnitOfWorkFactory, settings: Settings
) -> None:
    await query.answer()
    if isinstance(query.message, Message):
        await unreachable_command(query.message, i18n, uow_factory, settings)


async def unreachable_page(
    query: CallbackQuery,
    callback_data: UnreachableList,
    i18n: I18nContext,
    uow_factory: UnitOfWorkFactory,
    settings: Settings,
) -> None:
    await query.answer()
    page = await unreachable_people(uow_factory, callback_data.page)
    if isinstance(query.message, Message):
        await query.message.edit_text(
            page_text(i18n, page, ZoneInfo(settings.timezone)), reply_markup=pager(page)
        )


def create_router() -> Router:
    router = Router(name="admin-unreachable")
    router.message.register(unreachable_command, Command("unreachable"))
    router.callback_query.register(unreachable_area, AdminArea.filter(F.area == "unreachable"))
    router.callback_query.register(unreachable_page, UnreachableList.filter())
    return router
