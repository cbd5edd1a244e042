# Учитель: заявки по п. 31 Правил (повторное оценивание, перевод, завершение курса).

requests-none = Заявки по п. 31 Правил доступны, если курс не завершён сертификатом: повторное оценивание, перевод в другой поток, завершение прерванного курса. Сейчас таких курсов у вас нет.
requests-mine-header = <b>📝 Мои заявки (п. 31 Правил)</b>
requests-mine-item = • { $kind } — { $topic }: { $status }. Решение: { $note }
requests-enrollment = <b>{ $topic }</b> (поток { $code }). Какую заявку подать?
requests-kind-reassessment = Повторное оценивание
requests-kind-reassessment-next-cohort = Повторное оценивание со следующим потоком
requests-kind-transfer = Перевод в другой поток
requests-kind-finish-interrupted = Завершение прерванного курса
requests-status-pending = на рассмотрении
requests-status-approved = одобрена
requests-status-rejected = отклонена

requests-ask-target = Выберите поток того же курса:
requests-ask-reason = Опишите уважительную причину (не больше 1000 символов).
requests-ask-documents = Отправьте подтверждающие документы: фото или PDF, каждый не больше 20 МБ. Когда закончите, нажмите «Готово».
requests-error-document-type = Принимаются только фото и PDF-файлы.
requests-error-document-size = Файл больше 20 МБ. Отправьте файл поменьше.
requests-error-document-count = Можно приложить не больше { $count ->
        [one] { $count } документа
       *[other] { $count } документов
    }. Нажмите «Готово».
requests-submitted = Заявка подана. Решение администратора придёт в этот чат, статус виден командой /requests.

requests-refused-not-found = Эта кнопка устарела или недоступна. Откройте /requests заново.
requests-refused-not-eligible = Такую заявку по этому курсу подать нельзя.
requests-refused-pending = Такая заявка уже подана и ждёт решения.
requests-refused-no-target = Сейчас нет подходящего потока этого курса.
requests-refused-reassessment-within-year = Следующее повторное оценивание возможно с { $date } — не чаще одного раза в год (п. 31 Правил).
requests-refused-valid-reason-required = Нужно указать уважительную причину.
requests-refused-documents-required = Нужно приложить подтверждающие документы.
requests-refused-not-current-year = Перевод возможен только в поток текущего года.
requests-refused-target-cohort-started = Выбранный поток уже начался.
requests-refused-target-cohort-finished = Выбранный поток уже завершился.
requests-refused-different-course = Можно выбрать только поток того же курса.
requests-refused-too-many-documents = Слишком много документов.
requests-refused-reason-too-long = Причина слишком длинная.

request-decision-approved = Ваша заявка «{ $kind }» одобрена. { $note }
request-decision-rejected = Ваша заявка «{ $kind }» отклонена. Причина: { $note }
