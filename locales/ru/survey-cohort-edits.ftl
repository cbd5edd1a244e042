# Изменение потока (bot/handlers/admin/cohort_editing.py) и опрос педагогов после курса, п. 38 Правил
# (bot/handlers/teacher/survey.py, bot/handlers/admin/effectiveness.py).

## Изменение потока

admin-cohort-action-edit = ✏️ Изменить поток
admin-edit-usage = Укажите код потока: /editcohort 2026-12-МАТ-1
admin-edit-unknown-cohort = Поток с кодом «{ $code }» не найден.
admin-edit-menu =
    <b>Изменение потока { $code }</b>
    Обучение: с { $starts } по { $ends }
    Мест: { $seats }
    Что изменить? Слушатели и тренеры потока получат уведомление об изменении.
admin-edit-dates = 🗓 Сроки обучения
admin-edit-seats = 🪑 Количество мест
admin-edit-trainers = 🧑‍🏫 Тренеры
admin-edit-sessions = ⏱ Занятия: перенести или удалить
admin-edit-ask-dates = Новые сроки обучения потока { $code }: две даты через пробел, например <code>01.12.2026 12.12.2026</code>
admin-edit-bad-dates = Не понял даты. Напишите две даты в виде ДД.ММ.ГГГГ через пробел, например 01.12.2026 12.12.2026.
admin-edit-ask-seats = Сейчас в потоке { $code } мест: { $seats }. Новое количество мест (от 1 до { $max }):
admin-edit-ask-trainers = Тренеры потока { $code }: отметьте нужных и нажмите «Сохранить».
admin-edit-pick-session = Выберите занятие потока { $code }:
admin-edit-session =
    Занятие: { $day }, { $time }
    Место: { $place }
admin-edit-move = ⏩ Перенести
admin-edit-delete = 🗑 Удалить
admin-edit-ask-move = Новые дата и время начала занятия, например <code>05.12.2026 14:00</code>. Продолжительность останется прежней.
admin-edit-bad-move = Не понял дату и время. Напишите их в виде ДД.ММ.ГГГГ ЧЧ:ММ, например 05.12.2026 14:00.
admin-edit-ask-delete = Удалить это занятие? Слушатели и тренеры получат уведомление.
admin-edit-delete-yes = 🗑 Да, удалить
admin-edit-done-dates = ✅ Сроки обучения потока { $code } изменены. Уведомлений отправлено: { $notified }.
admin-edit-done-seats = ✅ Количество мест в потоке { $code } изменено.
admin-edit-done-trainers = ✅ Тренеры потока { $code } изменены. Уведомлений отправлено: { $notified }.
admin-edit-done-session-moved = ✅ Занятие потока { $code } перенесено. Уведомлений отправлено: { $notified }.
admin-edit-done-session-deleted = ✅ Занятие потока { $code } удалено. Уведомлений отправлено: { $notified }.
admin-edit-refused-past-date = Дата уже прошла. Ничего не изменено; укажите другую дату или нажмите «Отмена».
admin-edit-refused-dates = Дата окончания раньше даты начала. Ничего не изменено.
admin-edit-refused-sessions-outside = В расписании есть занятия вне новых сроков. Сначала перенесите или удалите их. Ничего не изменено.
admin-edit-refused-seats = Количество мест — целое число от 1 до { $max }. Ничего не изменено.
admin-edit-refused-seats-below-enrolled = Мест не может быть меньше, чем уже зачислено слушателей. Ничего не изменено.
admin-edit-refused-not-trainer = У этого человека больше нет роли тренера. Ничего не изменено.
admin-edit-refused-outside-dates = Дата вне сроков обучения потока. Ничего не изменено.
admin-edit-refused-overlap = В это время уже идёт другое занятие потока. Ничего не изменено.
admin-edit-refused-attended = По этому занятию уже отмечена посещаемость: его нельзя перенести или удалить. Ничего не изменено.
admin-edit-refused-unknown-session = Занятие не найдено: возможно, его уже удалили.
admin-edit-refused-nothing-changed = Это значение уже установлено; ничего не изменено.

cohort-edit-notice-dates =
    🗓 Изменились сроки обучения потока { $code }.
    Новые сроки: с { $starts } по { $ends }
cohort-edit-notice-trainers =
    🧑‍🏫 Изменился состав тренеров потока { $code }.
    Тренеры: { $trainers }
cohort-edit-notice-session-moved =
    ⏩ Занятие потока { $code } перенесено.
    Было: { $old_day }, { $old_time }
    Стало: { $new_day }, { $new_time }
cohort-edit-notice-session-deleted =
    🗑 Занятие потока { $code } отменено.
    Дата и время: { $day }, { $time }

cmd-editcohort = Изменить поток: /editcohort КОД
