## Admin and trainer forms (bot/ui/forms), second part: sessions, courses, scores, roles,
## decisions, consultation answers, attendance marks, deletions.

form-lost = Эта форма устарела: введённые ранее ответы не сохранились. Начните заново: /menu
form-bad-time = Напишите время в виде ЧЧ:ММ, например 09:00.

admin-session-ask-day = Новое занятие потока { $code } (обучение с { $starts } по { $ends }). Дата занятия (ДД.ММ.ГГГГ):
admin-session-ask-time = Время начала (ЧЧ:ММ, например 09:00):
admin-session-ask-hours = Академических часов (от 1 до { $max }):
admin-session-ask-place = Аудитория или ссылка на онлайн-занятие:
admin-session-outside = Эта дата вне сроков обучения потока (с { $starts } по { $ends }). Напишите другую дату.
admin-session-summary = 🗓 Новое занятие потока { $code }
admin-session-confirm = ✅ Добавить занятие
admin-session-label-day = Дата
admin-session-label-time = Время
admin-session-label-hours = Академических часов
admin-session-label-place = Аудитория / ссылка
admin-session-added = ✅ Занятие добавлено в расписание.
admin-session-another = ➕ Добавить ещё занятие
admin-session-refused-outside-dates = Занятие не добавлено: дата вне сроков обучения потока.
admin-session-refused-clash = Занятие не добавлено: на это время у потока уже есть занятие.

admin-course-form-summary = { $id ->
    [0] 📚 Новый курс
   *[other] 📚 Курс № { $id }
}
admin-course-confirm = 💾 Сохранить курс
admin-course-label-topic-kk = Тема (каз.)
admin-course-label-topic-ru = Тема (рус.)
admin-course-label-kind = Вид
admin-course-label-format = Форма обучения
admin-course-label-distance = Дистанционное обучение
admin-course-label-duration-days = Дней за рубежом
admin-course-label-hours = Академических часов
admin-course-label-modules = Модули
admin-course-label-languages = Языки обучения
admin-course-label-max-score = Максимальный балл
admin-course-module-line = • { $kk } / { $ru } — { $hours } ч

results-form-ask-score = { $again ->
    [yes] Повторное оценивание (п. 31 Правил).
   *[no] Итоговое тестирование.
} Слушатель: <b>{ $name }</b>. Введите балл — целое число от 0 до { $max }.
results-score-summary = { $again ->
    [yes] 📝 Повторное оценивание: <b>{ $name }</b>
   *[no] 📝 Итоговое тестирование: <b>{ $name }</b>
}
results-bad-score = Балл должен быть целым числом от 0 до { $max }. Введите ещё раз.
results-score-confirm = ✅ Сохранить балл
results-label-score = Балл (максимум { $max })
results-label-grade = Модуль «{ $module }»

admin-role-summary = 👤 { $name }: изменение роли
admin-role-confirm = ✅ Подтвердить
admin-role-ask-act = Человек: { $name }. Что сделать?
admin-role-label-act = Действие

admin-application-summary = 📨 Заявление № { $id }: { $name }
admin-application-confirm = ✅ Подтвердить решение
admin-application-ask-decision = Решение по заявлению № { $id }:
admin-application-label-decision = Решение
admin-application-label-reason = Причина отклонения

results-request-summary = 📝 Заявка № { $id }: { $name }, { $kind }
results-request-confirm = ✅ Подтвердить решение
results-request-ask-decision = Решение по заявке № { $id } ({ $kind }):
results-request-label-decision = Решение
results-request-label-note = Причина отклонения

results-answer-summary = 💬 Ответ на обращение № { $id }: { $name }
results-answer-confirm = ✅ Отправить ответ
results-answer-label = Ответ

trainer-mark-summary = ✍ Отметка вручную: { $name }
trainer-mark-confirm = ✅ Отметить присутствие
trainer-mark-label-reason = Причина

admin-deletion-summary = { $kept ->
    [yes] 🗑 Запрос на удаление данных: <b>{ $name }</b>. Если удалить: будут удалены ИИН, телефон, место работы, должность, тексты вопросов и обращений, Telegram-чат будет отвязан; чтобы документы № { $numbers } можно было проверить, сохранятся ФИО, посещаемость и результаты этих курсов. Отменить удаление нельзя.
   *[no] 🗑 Запрос на удаление данных: <b>{ $name }</b>. Документы не выдавались: если удалить, запись будет удалена полностью. Отменить удаление нельзя.
}
admin-deletion-confirm = ✅ Подтвердить
admin-deletion-ask-decision = Запрос на удаление данных: <b>{ $name }</b>. Что сделать?
admin-deletion-label-decision = Решение
admin-course-label-grading-scale = Шкала оценок модулей
