## Итоги обучения, отчисление, заявки, консультации, отчёты (администратор и тренер)

results-cancel = ✖ Отмена
results-back = ◀ Назад
results-cancelled = Действие отменено, ничего не изменено.
results-not-found = Запись не найдена или уже недоступна. Откройте список заново.
results-no-cohorts = Потоков пока нет.
results-choose-cohort = Выберите поток:
results-choose-listener = Поток <b>{ $cohort }</b>. Выберите слушателя:
results-roster-empty = В потоке <b>{ $cohort }</b> нет слушателей, к которым это применимо.

## Баллы итогового оценивания (§28)

results-ask-grade = Оценка по модулю «{ $module }»:
results-score-saved = Сохранено: <b>{ $name }</b> — { $score } из { $max }.
    { $outcome }
results-score-refused-not-found = Слушатель не найден: ничего не сохранено.
results-score-refused-not-active = Слушатель отчислен или переведён в другой поток: балл не сохранён.
results-score-refused-out-of-range = Балл вне допустимого диапазона: ничего не сохранено.
results-score-refused-unknown-module = Модуль не относится к этому курсу: ничего не сохранено.
results-score-refused-bad-grade = Оценка по модулю пустая или слишком длинная: ничего не сохранено.
results-score-refused-not-failed = Повторное оценивание проводится только для не прошедших итоговое оценивание (п. 31 Правил).
results-score-refused-within-year = Следующее повторное оценивание возможно с { $date } — не чаще одного раза в год (п. 31 Правил).

results-outcome-certificate = ✅ сертификат выдаётся
results-outcome-listening-reference = ❌ справка о прослушивании
results-outcome-expelled = ⛔ отчислен
results-outcome-in-progress = ⏳ обучение продолжается
results-shortfall-attendance = посещаемость ниже 80 %
results-shortfall-score = балл ниже 50 % от максимального
results-shortfall-agreement = договор не принят
results-shortfall-not-assessed = нет балла итогового оценивания
results-listener-line = • { $name }: { $outcome } — посещено { $attended } из { $total }, балл { $score } из { $max }; причины: { $reasons }
results-summary = <b>Итоги потока { $cohort }</b>
    Прошли (сертификат): { $passed }
    Не прошли (справка): { $failed }
    В процессе: { $progress }
    Отчислены: { $expelled }

## Импорт баллов из таблицы

results-import-ask-file = Поток <b>{ $cohort }</b>. Отправьте таблицу .xlsx или .csv со столбцами: «ИИН», «Балл» (0–{ $max }) и по одному столбцу на каждый модуль (название модуля или «Модуль 1», «Модуль 2»…):
    { $modules }
    Если хотя бы одна строка с ошибкой, ничего не импортируется.
results-import-send-file = Нужен файл .xlsx или .csv. Отправьте его документом или нажмите «Отмена».
results-import-done = Импортировано баллов: { $count }.
results-column-score = Балл
results-import-reason-unknown-iin = ИИН «{ $value }» не найден среди слушателей
results-import-reason-not-enrolled = слушатель с ИИН «{ $value }» не зачислен в этот поток
results-import-reason-not-active = слушатель с ИИН «{ $value }» отчислен или переведён
results-import-reason-score-range = балл «{ $value }» должен быть целым числом от 0 до максимального балла

## Отчисление (§32)

results-expel-ask-reason = Отчисление: <b>{ $name }</b>. Укажите причину — какое условие договора нарушено:
results-expel-ask-order = Номер приказа об отчислении:
results-expel-ask-commission = Номер решения комиссии:
results-expel-ask-commission-date = Дата решения комиссии (ДД.ММ.ГГГГ):
results-expel-confirm = ⛔ Отчисление. Слушатель: <b>{ $name }</b>
results-expel-confirm-button = ⛔ Отчислить
results-expel-refused-not-found = Слушатель не найден: ничего не изменено.
results-expel-refused-not-active = Отчислить можно только того, кто сейчас обучается.
results-expel-refused-bad-input = Заполнены не все поля: ничего не изменено.
results-expel-done = <b>{ $name }</b> отчислен(а). Слушателю отправлено уведомление.
results-expel-done-no-chat = <b>{ $name }</b> отчислен(а). Слушатель ещё не подключил бота — уведомление через бот не отправлено.
results-expel-employer = Уведомление работодателю (контакт: { $contact }) — перешлите его по электронной почте или телефону:
    <pre>{ $text }</pre>
results-expelled-teacher = Вы отчислены с курса «{ $topic }» (поток { $cohort }).
    Причина: { $reason }
    Решение комиссии от { $commission_date } № { $commission }, приказ № { $order }.
results-expelled-employer = Уважаемый работодатель! Сообщаем, что { $name } ({ $school }) отчислен(а) с курса повышения квалификации «{ $topic }» (поток { $cohort }) за нарушение условий договора на обучение: { $reason }. Решение комиссии от { $commission_date } № { $commission }, приказ № { $order }.

## Заявки (п. 31 Правил)

results-request-kind-reassessment = повторное оценивание
results-request-kind-reassessment-next-cohort = повторное оценивание со следующим потоком
results-request-kind-transfer = перевод в другой поток
results-request-kind-finish-interrupted = завершение прерванного обучения
results-request-status-pending = ожидает решения
results-request-status-approved = одобрена
results-request-status-rejected = отклонена
results-requests-empty = Новых заявок нет.
results-requests-title = Заявки, ожидающие решения: { $count }. Выберите заявку:
results-request-details = <b>Заявка № { $id }</b> — { $status }
    Слушатель: { $name }
    Вид: { $kind }
    Курс: { $topic }, поток { $cohort }
    Целевой поток: { $target }
    Причина: { $reason }
    Подтверждающих документов: { $documents }
results-approve = ✅ Одобрить
results-reject = ❌ Отклонить
results-ask-reject-note = Напишите причину отклонения (до { $max } символов) — её увидит слушатель:
results-request-approved-admin = Заявка одобрена: { $name }, { $kind }. Слушатель уведомлён.
results-request-rejected-admin = Заявка отклонена: { $name }. Слушатель уведомлён.
results-enter-reassessment = Ввести балл повторного оценивания
results-decision-refused-not-found = Заявка не найдена.
results-decision-refused-already-decided = По этой заявке решение уже принято.
results-decision-refused-note-required = При отклонении заявки укажите причину.
results-decision-refused-note-too-long = Причина слишком длинная.
results-decision-refused-target-missing = Целевой поток не найден: перевод невозможен.
results-decision-refused-already-in-target = Слушатель уже зачислен в целевой поток.
results-request-moved = Вы переведены в поток { $cohort }.

## Посткурсовое сопровождение (§36–37)

results-support-kind-consultation = методическая и консультационная помощь
results-support-kind-publication = помощь с публикацией
results-support-kind-community-event = профессиональные сообщества и мероприятия
results-consultations-empty = Открытых обращений нет.
results-consultations-title = Открытые обращения: { $count }.
results-consultation-card = <b>Обращение № { $id }</b> — { $kind }
    Слушатель: { $name }
    Курс: { $topic }, поток { $cohort }
    Вопрос: { $question }
results-answer = ✍ Ответить
results-ask-answer = Напишите ответ (до { $max } символов):
results-answer-sent = Ответ отправлен. Слушатель: { $name }.
results-answer-refused-not-found = Обращение не найдено.
results-answer-refused-not-yours = Это обращение адресовано тренерам другого потока.
results-answer-refused-already-answered = На это обращение уже ответили.
results-support-answer = Ответ на ваше обращение по курсу «{ $topic }».
    Вопрос: { $question }
    Ответ: { $answer }

## Отчёты: НОБД (§19), статистика, эффективность (§38)

results-nobd-empty = В потоке <b>{ $cohort }</b> нет завершивших обучение.
results-nobd-sheet = НОБД
results-nobd-column-full-name = ФИО
results-nobd-column-iin = ИИН
results-nobd-column-school = Организация образования
results-nobd-column-position = Должность
results-nobd-column-topic = Тема курса
results-nobd-column-hours = Часы
results-nobd-column-starts = Начало
results-nobd-column-ends = Окончание
results-nobd-column-completed = Дата завершения
results-nobd-column-certificate = № сертификата
results-nobd-caption = НОБД, поток { $cohort }: { $count ->
        [one] { $count } педагог
        [few] { $count } педагога
        [many] { $count } педагогов
       *[other] { $count } педагога
    }. Внести в НОБД не позднее { $deadline } (п. 19 Правил).
results-nobd-reminder = ⏰ Напоминание: данные завершивших обучение в потоке { $cohort } (завершение { $completed }) нужно внести в НОБД не позднее { $deadline } (п. 19 Правил). Выгрузка: /nobd
results-stats = <b>Статистика потока { $cohort }</b>
    { $topic }
    Заявлений: { $applications }
    Зачислено: { $enrolled }
    Посещаемость: до 50 % — { $lt50 }, 50–79 % — { $mid }, 80–99 % — { $good }, 100 % — { $full }
    Прошли: { $completed }, не прошли: { $failed }, обучаются: { $progress }, отчислены: { $expelled }
    Доля прошедших: { $rate } %
    Выдано сертификатов: { $certificates }
results-stats-bucket-lt50 = до 50 %
results-stats-bucket-50-79 = от 50 до 79 %
results-stats-bucket-80-99 = от 80 до 99 %
results-stats-bucket-100 = все 100 %
results-stats-chart-title = Посещаемость, поток { $cohort }
results-stats-chart-axis = слушателей
results-stats-chart-caption = Распределение слушателей по посещаемости
results-effectiveness-bad-months = Укажите период в месяцах: целое число от 1 до { $max }, например /effectiveness 12
results-effectiveness = <b>Эффективность посткурсового сопровождения (п. 38 Правил)</b>
    Период: { $months } мес., с { $since }
    Обращений: { $total }
    • методическая и консультационная помощь: { $consultation }
    • помощь с публикацией: { $publication }
    • сообщества и мероприятия: { $community }
    Отвечено: { $answered } ({ $share } %)
    Медианное время ответа: { $median } ч

## Команды в меню Telegram

cmd-questions = Вопросы слушателей (сопровождение)
cmd-scores = Ввести баллы итогового оценивания
cmd-scores_import = Импорт баллов из таблицы
cmd-results = Итоги потока
cmd-expel = Отчислить слушателя
cmd-request_queue = Заявки слушателей (п. 31 Правил)
cmd-consultations = Обращения по сопровождению
cmd-nobd = Выгрузка для НОБД
cmd-stats = Статистика потока
cmd-effectiveness = Эффективность сопровождения
