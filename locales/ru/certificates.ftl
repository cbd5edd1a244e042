## Сертификаты, приложения, справки о прослушивании: выдача, отзыв, проверка (§29, §31, §33)

## Уведомления о выданных документах (подписи к PDF)

certificates-notice-certificate =
    🎓 Поздравляем! Вам выдан сертификат № { $number } о прохождении курса «{ $topic }».
    Сертификат действителен 3 года, его подлинность проверяется по QR-коду. Получить документы снова можно командой /documents.
certificates-notice-appendix = Приложение к сертификату № { $number }: модули программы, часы и оценки.
certificates-notice-reference =
    Вам выдана справка о прослушивании курса «{ $topic }» (№ { $number }). Сертификат не выдан, но по п. 31 Правил вы можете:
    1) пройти повторное оценивание знаний — не чаще одного раза в год;
    2) пройти повторное оценивание знаний со следующим потоком;
    3) по уважительной причине перейти в другой поток в течение текущего года;
    4) по уважительной причине, с подтверждающими документами, завершить прерванный курс.
    Заявка подаётся командой /requests.

## Слова для документов

certificates-reason-attendance = посещаемость ниже 80 % занятий
certificates-reason-score = результат итогового тестирования ниже 50 % от максимального балла
certificates-reason-agreement = не принят договор на обучение
certificates-reason-not-assessed = итоговое оценивание не пройдено
certificates-grade-passed = зачтено

certificates-kind-certificate = Сертификат о повышении квалификации
certificates-kind-appendix = Приложение к сертификату
certificates-kind-listening-reference = Справка о прослушивании курса
certificates-kind-internship-certificate = Сертификат о прохождении стажировки

## Мои документы (/documents)

certificates-documents-none = У вас пока нет выданных документов. Сертификат или справка появятся здесь после выдачи.
certificates-documents-caption = { $kind } № { $number }, дата выдачи: { $date }
certificates-documents-revoked = { $kind } № { $number }, дата выдачи: { $date }
    ⛔ Отозван { $revoked }

## Отзыв (администратор)

certificates-revoke-usage =
    Формат: /revoke НОМЕР ПРИЧИНА
    Например: /revoke ORL-2026-000123 ошибка в фамилии
certificates-revoke-done = Сертификат № { $number } отозван { $date }
    Владелец получит уведомление; проверка теперь показывает «отозван».
certificates-revoke-already = Сертификат № { $number } уже отозван { $date }, ничего не изменено.
certificates-revoke-not-found = Сертификат с таким номером не найден. Ничего не изменено.
certificates-revoke-bad-reason = Укажите причину отзыва — до { $max } символов. Ничего не изменено.
certificates-revoked-notice =
    ⛔ Ваш сертификат № { $number } отозван { $date }
    Причина: { $reason }
    Вопросы можно задать администратору курсов.

## Выдача (администратор)

certificates-issue-choose = Выберите поток, которому выдать документы (показаны завершённые потоки):
certificates-issue-none = Завершённых потоков нет: документы выдаются после окончания потока.
certificates-issue-confirm =
    Поток <b>{ $cohort }</b>: «{ $topic }», слушателей: { $count }.
    Прошедшим итоговое оценивание — сертификат и приложение, не прошедшим — справка о прослушивании курса. Выдать?
certificates-btn-issue = ✅ Выдать
certificates-btn-cancel = ✖ Отмена
certificates-issue-progress = Выдача документов… { $done } / { $total }
certificates-issue-summary =
    Готово, поток <b>{ $cohort }</b>.
    Выдано сертификатов: { $certificates }
    Выдано справок о прослушивании: { $references }
    Из них не сдававшим итоговое оценивание: { $not_assessed }
    Уже имели документ (пропущены): { $skipped }
    Отчислены: { $expelled }
    Уведомления уходят слушателям по очереди.
certificates-issue-not-found = Поток не найден. Откройте список заново: /issue
certificates-issue-not-finished = Поток <b>{ $cohort }</b> ещё не закончился (дата окончания: { $date }). Документы выдаются после окончания потока, когда оценки окончательные.
certificates-issue-cancelled = Выдача отменена, ничего не изменилось.

## Проверка сертификата (любой пользователь)

certificates-verify-ask = Отправьте регистрационный номер сертификата, например { $example }. Регистр букв и пробелы не важны.
certificates-verify-valid = ✅ Сертификат действителен.
certificates-verify-expired = ⌛ Срок действия сертификата истёк.
certificates-verify-revoked = ⛔ Сертификат отозван { $date }
certificates-verify-not-found = Сертификат с таким номером не найден. Проверьте номер и отправьте его ещё раз, например { $example }.
certificates-verify-forged = ⚠️ Эта ссылка не подлинная: подпись QR-кода не совпадает. Не доверяйте документу с таким QR-кодом; номер сертификата можно проверить, отправив его сообщением.
certificates-verify-details =
    Регистрационный номер: { $number }
    Владелец: { $holder }
    Тема курса: { $topic }
    Объём: { $hours ->
        [one] { $hours } академический час
        [few] { $hours } академических часа
        [many] { $hours } академических часов
       *[other] { $hours } академического часа
    }
    Организация: { $organization }
    Дата выдачи: { $issued }
    Действителен до: { $until }

## Команды в меню Telegram

cmd-documents = Мои документы: сертификаты и справки
cmd-issue = Выдать сертификаты потоку
cmd-revoke = Отозвать сертификат
