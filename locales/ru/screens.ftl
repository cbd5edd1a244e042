# Screens: stale buttons, alerts to admins, menus, file names (issue 13, items 3–7)

screens-application-decided = { $status ->
    [approved] Заявление № { $id } уже одобрено: { $who }, { $when }.
    [rejected] Заявление № { $id } уже отклонено: { $who }, { $when }.
    [enrolled] Педагог по заявлению № { $id } уже зачислен приказом.
    [withdrawn] Заявление № { $id } отозвано педагогом.
   *[other] По заявлению № { $id } решение уже принято.
}
screens-request-decided = { $status ->
    [approved] Заявка № { $id } уже одобрена: { $who }, { $when }.
    [rejected] Заявка № { $id } уже отклонена: { $who }, { $when }.
   *[other] По заявке № { $id } решение уже принято.
}

cmd-schedule = Расписание потока в календарь (.ics)
cmd-requests = Заявки: повторное оценивание, перевод (п. 31 Правил)
cmd-support = Посткурсовое сопровождение
cmd-mydata = Мои данные: выгрузка и удаление

screens-help-commands = Команды:
screens-mycourses-more = 📅 /schedule — расписание в календарь (.ics) · 📝 /requests — заявки (п. 31 Правил) · 🤝 /support — сопровождение после курса.

screens-language-taken = Язык бота — русский, как в вашем Telegram. Чтобы перейти на казахский, нажмите кнопку ниже (или /language).

# File names (no spaces: "-" joins the words)
screens-file-certificate = Сертификат
screens-file-appendix = Приложение
screens-file-listening-reference = Справка
screens-file-internship-certificate = Сертификат-о-стажировке
screens-file-application = Заявление
screens-file-enrollment-order = Приказ
screens-file-schedule = Расписание
screens-file-mydata = Мои-данные
screens-file-nobd = НОБД-выгрузка
screens-file-attendance = Посещаемость

# /mydata workbook
screens-mydata-empty = Записей нет.
screens-mydata-sheet-profile = Профиль
screens-mydata-sheet-applications = Заявления
screens-mydata-sheet-enrollments = Курсы
screens-mydata-sheet-attendance = Посещаемость
screens-mydata-sheet-results = Результаты
screens-mydata-sheet-documents = Документы
screens-mydata-sheet-requests = Заявки
screens-mydata-sheet-consultations = Сопровождение
screens-mydata-full-name = ФИО
screens-mydata-iin = ИИН
screens-mydata-phone = Телефон
screens-mydata-position = Должность
screens-mydata-school-name = Школа (место работы)
screens-mydata-employer-contact = Контакт работодателя
screens-mydata-language = Язык
screens-mydata-first-name = Имя в Telegram
screens-mydata-username = Имя пользователя Telegram
screens-mydata-telegram-id = Идентификатор Telegram
screens-mydata-consent-version = Версия согласия на обработку данных
screens-mydata-consent-at = Согласие дано
screens-mydata-deletion-requested-at = Запрошено удаление данных
screens-mydata-created-at = Создано
screens-mydata-cohort = Поток
screens-mydata-kind = Вид
screens-mydata-addressed-to = Кому адресовано
screens-mydata-abroad-duration = Срок обучения за рубежом
screens-mydata-abroad-country = Страна
screens-mydata-abroad-language = Язык обучения за рубежом
screens-mydata-status = Статус
screens-mydata-reject-reason = Причина отклонения
screens-mydata-decided-at = Решение принято
screens-mydata-topic-kk = Тема курса (на казахском)
screens-mydata-topic-ru = Тема курса (на русском)
screens-mydata-agreement-version = Версия договора
screens-mydata-agreement-lang = Язык договора
screens-mydata-agreement-accepted-at = Договор принят
screens-mydata-expelled-reason = Причина отчисления
screens-mydata-expulsion-order = Приказ об отчислении
screens-mydata-completed-on = Дата окончания
screens-mydata-number = Номер
screens-mydata-topic = Тема
screens-mydata-academic-hours = Академические часы
screens-mydata-issued-on = Дата выдачи
screens-mydata-valid-until = Действителен до
screens-mydata-revoked-on = Отозван
screens-mydata-documents-attached = Приложено документов
screens-mydata-reason = Причина
screens-mydata-target-cohort-id = Целевой поток (№)
screens-mydata-decision-note = Комментарий к решению
screens-mydata-question = Вопрос
screens-mydata-answer = Ответ
screens-mydata-answered-at = Дата ответа
screens-mydata-session-starts-at = Начало занятия
screens-mydata-checked-in-at = Время отметки
screens-mydata-method = Способ отметки
screens-mydata-module-grades = Оценки по модулям
screens-mydata-score = Балл
screens-mydata-max-score = Максимальный балл
screens-mydata-assessed-on = Дата оценивания
screens-mydata-is-reassessment = Повторное оценивание
screens-mydata-xlsx-caption = То же самое в виде таблицы: по листу на профиль, заявления, курсы, посещаемость, результаты, документы, заявки и сопровождение.

# Alerts to staff (one message per minute)
screens-alert-new-applications = 📥 { $count ->
    [one] Новое заявление на обучение ждёт решения:
    [few] Новые заявления на обучение ({ $count }) ждут решения:
   *[many] Новые заявления на обучение ({ $count }) ждут решения:
}
screens-alert-new-requests = 📨 { $count ->
    [one] Новая заявка слушателя (п. 31 Правил) ждёт решения:
    [few] Новые заявки слушателей (п. 31 Правил, { $count }) ждут решения:
   *[many] Новые заявки слушателей (п. 31 Правил, { $count }) ждут решения:
}
screens-alert-row = • № { $id } · { $cohort } · { $name }
screens-alert-new-applications-how = Рассмотреть: кнопка потока ниже или /admin → «Потоки».
screens-alert-new-requests-how = Рассмотреть: /request_queue.
screens-alert-open-cohort = 📥 { $cohort }: заявления
screens-alert-unreachable = ⚠ Поток { $cohort }: эти слушатели уже не могут набрать 80 % посещаемости (п. 24.3 Правил), данные на момент отправки:
screens-alert-unreachable-row = • { $name } — посещено { $attended } из { $total }, осталось занятий: { $remaining }
