## The form kit: every multi-step flow's buttons and answers (bot/ui/forms).

form-back = ⬅️ Назад
form-cancel = ✖️ Отмена
form-edit = ✏️ Изменить
form-skip = ⏭ Пропустить
form-to-summary = 📋 Сводка
form-current = Сейчас: { $value }
form-summary-line = <b>{ $label }:</b> { $value }
form-skipped = —
form-check = Проверьте. Если всё верно, подтвердите; пока ничего не сохранено.
form-cancelled = ✖️ Отменено, ничего не сохранено.
form-stale = Эта кнопка устарела: форма уже закрыта.
form-already-done = Это уже сделано.
form-use-buttons = Пожалуйста, выберите ответ кнопкой под сообщением.
form-send-text = Отправьте ответ текстом.
form-empty = Пустой ответ. Напишите текст.
form-too-long = Слишком длинный текст: { $length } симв., допускается не больше { $max }. Сократите и отправьте ещё раз.
form-bad-date = Напишите дату в виде ДД.ММ.ГГГГ, например 15.09.2026.
form-date-too-early = Дата не может быть раньше { $earliest }.
form-date-too-late = Дата не может быть позже { $latest }.
form-bad-number = Напишите целое число от { $min } до { $max }.
form-done = ✔️ Готово
form-page-previous = ◀️
form-page-next = ▶️
