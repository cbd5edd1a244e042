# Администрирование: потоки, расписание, заявления, импорт списков, приказ о зачислении (§16, §18).

admin-cohorts-list = Потоков: { $count }. Выберите поток или создайте новый.
admin-cohort-new = ➕ Новый поток
admin-cohort-no-courses = Сначала создайте курс: поток всегда относится к курсу.
admin-cohort-ask-course = Курс потока:
admin-cohort-ask-code = Код потока (например, 2026-12-МАТ-1):
admin-cohort-bad-code = Код потока — от 1 до 64 символов.
admin-cohort-ask-starts = Дата начала обучения (ДД.ММ.ГГГГ):
admin-cohort-ask-ends = Дата окончания обучения (ДД.ММ.ГГГГ):
admin-cohort-ask-language = Язык обучения потока:
admin-cohort-ask-seats = Количество мест (целое число от 1 до { $max }):
admin-cohort-ask-trainers = Отметьте тренеров потока и нажмите «Готово».
admin-cohort-no-trainers = Пока никому не назначена роль тренера; тренеров можно добавить позже. Нажмите «Готово».
admin-cohort-trainers-done = ✅ Готово
admin-cohort-refused-dates = Дата окончания раньше даты начала. Укажите дату окончания ещё раз.
admin-cohort-refused-seats = Количество мест должно быть от 1 до 500.
admin-cohort-refused-language = Курс не ведётся на этом языке.
admin-cohort-refused-not-trainer = Выбранный человек больше не тренер. Откройте форму заново.
admin-cohort-refused-unknown-course = Курс не найден. Откройте форму заново.
admin-cohort-created = ✅ Поток { $code } создан.
admin-cohort-card =
    <b>Поток { $code }</b>
    Обучение: с { $starts } по { $ends }
    Язык обучения: { $language }
    Мест: { $seats }
admin-cohort-action-add-session = ➕ Добавить занятие
admin-cohort-action-import-schedule = 📥 Импорт расписания из таблицы
admin-cohort-action-schedule = 🗓 Расписание занятий
admin-cohort-action-applications = 📨 Заявления
admin-cohort-action-import-list = 📥 Импорт списка слушателей
admin-cohort-action-order = 📄 Приказ о зачислении

admin-schedule-refused-outside-dates = Строка { $row }: дата вне сроков обучения потока. Ничего не сохранено.
admin-schedule-refused-clash = Строка { $row }: на это время уже есть занятие. Ничего не сохранено.
admin-schedule-empty = В расписании потока { $code } пока нет занятий.
admin-schedule-title = <b>Расписание занятий потока { $code }</b> ({ $count ->
    [one] { $count } занятие
    [few] { $count } занятия
    [many] { $count } занятий
   *[other] { $count } занятия
})
admin-schedule-line = { $number }. { $day }, { $time } — { $hours } ак. ч, { $place }
admin-schedule-import-ask =
    Отправьте расписание потока { $code } файлом .xlsx или .csv.
    Столбцы: Дата, Время, Часы, Аудитория (или Ссылка), необязательно — Тема.
    Если хоть одна строка неверна, ничего не будет импортировано.
admin-schedule-imported = ✅ Расписание импортировано: занятий — { $count }.

admin-applications-title = Заявления на поток { $code }, ожидают решения: { $count }.
admin-application-card =
    <b>Заявление № { $id }</b>
    { $name }
    { $position }, { $school }
    Язык обучения: { $language }
admin-application-approve = ✅ Одобрить
admin-application-reject = ❌ Отклонить
admin-application-ask-reason = Причина отклонения заявления № { $id } (её получит педагог):
admin-application-bad-reason = Причина — от 3 до { $max } символов.
admin-application-approved = ✅ Заявление № { $id } одобрено: место в потоке закреплено, педагог уведомлён. Педагог будет зачислен следующим приказом о зачислении.
admin-application-rejected = Заявление № { $id } отклонено, педагог уведомлён.
admin-application-already-decided = По заявлению № { $id } решение уже принято; ничего не изменено.
admin-application-no-seats = Свободных мест в потоке нет; заявление № { $id } не одобрено.
admin-application-unknown = Заявление № { $id } не найдено.

admin-list-import-ask =
    Отправьте список слушателей для потока { $code } файлом .xlsx или .csv (до 5 МБ).
    Столбцы: ФИО, ИИН, Школа, Должность, Телефон, Язык (kk или ru).
    Если хоть одна строка неверна, ничего не будет импортировано.
admin-list-no-seats = Ничего не импортировано: в списке больше людей, чем свободных мест (свободно: { $seats }).
admin-list-imported =
    ✅ Список импортирован.
    Закреплено мест: { $enrolled }
    Новых слушателей: { $created }, уже известных: { $matched }
    Уже были в потоке: { $already }
    Теперь оформите приказ о зачислении.

admin-order-ask-number = Приказ о зачислении на поток { $code }. Номер приказа:
admin-order-ask-date = Дата приказа (ДД.ММ.ГГГГ):
admin-order-ask-letter-number = Номер письма управления (отдела) образования — основания приказа:
admin-order-ask-letter-date = Дата письма (ДД.ММ.ГГГГ):
admin-order-ask-department = Наименование управления (отдела) образования на казахском языке (для приказа на казахском языке):
admin-order-bad-text = Нужен текст от 1 до { $max } символов.
admin-order-refused-duplicate-number = Приказ № { $number } уже есть. Ничего не сохранено; начните заново с другим номером.
admin-order-refused-nobody = Некого зачислять: в потоке нет слушателей, ожидающих приказа. Приказ № { $number } не оформлен.
admin-order-file-kk = Приказ № { $number } — на казахском языке
admin-order-file-ru = Приказ № { $number } — на русском языке
admin-order-issued =
    ✅ Приказ № { $number } оформлен. Зачислено: { $enrolled }.
    Уведомления поставлены в очередь: { $notified }. Ещё не запускали бота: { $later } — получат приглашение, когда запустят.
admin-cohort-action-ics = 📅 Календарь .ics
admin-schedule-ics = Расписание потока { $code } для календаря телефона: откройте файл или перешлите его тренерам и слушателям.
