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

## Опрос педагогов через 6 и 12 месяцев после курса (п. 38 Правил)

survey-invite =
    📋 Прошло { $months } мес. после окончания курса «{ $topic }» (поток { $cohort }). Ответьте, пожалуйста, на три коротких вопроса: ответы помогают улучшать курсы (п. 38 Правил).

    1. Помог ли курс в вашей педагогической практике? Оцените от 1 (совсем нет) до 5 (очень помог).
survey-ask-applied = 2. Применяете ли вы полученные на курсе знания на уроках?
survey-applied-yes = Да, регулярно
survey-applied-partly = Частично
survey-applied-no = Пока нет
survey-ask-comment = 3. Что было бы полезно добавить в курс? Напишите одним сообщением (до { $max } символов) или нажмите «Пропустить».
survey-skip = ⏭ Пропустить
survey-thanks = 🙏 Спасибо! Ваши ответы сохранены.
survey-refused-not-available = Этот опрос сейчас недоступен.
survey-refused-already-answered = Вы уже ответили на этот опрос. Спасибо!
survey-refused-bad-answer = Эта кнопка устарела. Выберите ответ ещё раз.
survey-refused-too-long = Комментарий длиннее { $max } символов. Сократите его и отправьте снова.

survey-report-title = <b>Опрос педагогов после курса</b>
survey-report-wave = • через { $months } мес.: ответов — { $responses }, средняя оценка пользы — { $average } из 5, применяют на уроках — { $applied } %, комментариев — { $comments }
survey-report-wave-none = • через { $months } мес.: ответов пока нет
survey-chart-title = Помог ли курс в практике (оценки 1–5)
survey-chart-axis = Ответов
survey-chart-caption = Оценки пользы курса за период: 1 — совсем не помог, 5 — очень помог.
survey-xlsx-sheet = Эффективность
survey-xlsx-period = Период, мес.
survey-xlsx-consultations = Обращений за сопровождением
survey-xlsx-answered = Из них отвечено
survey-xlsx-wave = Опрос через, мес.
survey-xlsx-responses = Ответов
survey-xlsx-helped = Оценка { $score }
survey-xlsx-average = Средняя оценка
survey-xlsx-comments = Комментарии
survey-xlsx-caption = Отчёт об эффективности (п. 38 Правил): обращения, результаты опроса и комментарии педагогов.

## Анализ эффективности не реже одного раза в три года (п. 38 Правил)

review-status-none = ⚠️ Анализ эффективности образовательных программ ещё не записан. По п. 38 Правил он проводится не реже одного раза в три года.
review-status =
    Последний анализ эффективности: { $last }
    Следующий — не позднее: { $due }
    Итоги: { $note }
review-button-record = ✅ Записать проведённый анализ
review-ask-date = Дата проведения анализа эффективности (ДД.ММ.ГГГГ):
review-refused-future = Дата ещё не наступила. Укажите дату проведённого анализа.
review-ask-note = Кратко: итоги и решения (до { $max } символов).
review-refused-note = Нужен текст от 1 до { $max } символов.
review-recorded = ✅ Анализ эффективности записан.
review-reminder-none = ⏰ Анализ эффективности образовательных программ ещё не записан, а по п. 38 Правил он проводится не реже одного раза в три года. Отчёт: /effectiveness, там же можно записать проведённый анализ.
review-reminder =
    ⏰ Приближается срок анализа эффективности образовательных программ (п. 38 Правил).
    Последний анализ: { $last }
    Следующий — не позднее: { $due }
    Отчёт: /effectiveness, там же можно записать проведённый анализ.

admin-nav-save = 💾 Сохранить
