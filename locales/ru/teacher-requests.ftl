# Учитель: заявления по п. 31 Правил.

requests-none = Заявления по п. 31 доступны, если курс не завершён сертификатом: повторное оценивание, перевод в другой поток, завершение прерванного курса. Сейчас таких курсов у вас нет.
requests-mine-header = <b>📝 Мои заявления</b>
requests-mine-item = • { $kind } — { $topic }: { $status }. Решение: { $note }
requests-enrollment = <b>{ $topic }</b> (поток { $code }). Какое заявление подать?
requests-kind-reassessment = Повторное оценивание
requests-kind-reassessment-next-cohort = Повторное оценивание со следующим потоком
requests-kind-transfer = Перевод в другой поток
requests-kind-finish-interrupted = Завершение прерванного курса
requests-status-pending = на рассмотрении
requests-status-approved = одобрено
requests-status-rejected = отклонено

requests-ask-target = Выберите поток того же курса:
requests-ask-reason = Опишите уважительную причину (не больше 1000 символов).
requests-ask-documents = Отправьте подтверждающие документы: фото или PDF, каждый не больше 20 МБ. Когда закончите, нажмите «Готово».
requests-documents-done = ✅ Готово
requests-document-received = Документ получен (всего: { $count }). Отправьте ещё или нажмите «Готово».
requests-error-reason = Опишите причину текстом, не больше 1000 символов.
requests-error-document-type = Принимаются только фото и PDF-файлы.
requests-error-document-size = Файл больше 20 МБ. Отправьте файл поменьше.
requests-error-document-count = Можно приложить не больше { $count } документов. Нажмите «Готово».
requests-summary =
    <b>Проверьте заявление</b>

    Вид: { $kind }
    Поток: { $target }
    Причина: { $reason }
    Документов: { $documents }

    Подать заявление?
requests-cancelled = Заявление не подано.
requests-submitted = Заявление подано. Решение администратора придёт сюда же, статус виден в «📝 Заявления».

requests-refused-not-found = Эта кнопка устарела или недоступна. Откройте «📝 Заявления» заново.
requests-refused-not-eligible = Это заявление недоступно для данного курса.
requests-refused-pending = Такое заявление уже подано и ждёт решения.
requests-refused-no-target = Сейчас нет подходящего потока этого курса.
requests-refused-reassessment-within-year = Повторное оценивание возможно не чаще одного раза в год. Следующее — с { $date }
requests-refused-valid-reason-required = Нужно указать уважительную причину.
requests-refused-documents-required = Нужно приложить подтверждающие документы.
requests-refused-not-current-year = Перевод возможен только в поток текущего года.
requests-refused-target-cohort-started = Выбранный поток уже начался.
requests-refused-target-cohort-finished = Выбранный поток уже завершился.
requests-refused-different-course = Можно выбрать только поток того же курса.
requests-refused-too-many-documents = Слишком много документов.
requests-refused-reason-too-long = Причина слишком длинная.

request-decision-approved = Ваше заявление «{ $kind }» одобрено. { $note }
request-decision-rejected = Ваше заявление «{ $kind }» отклонено. Причина: { $note }
