## Проверка файла документа (кто угодно)

verification-file-genuine = ✅ Это подлинный файл: { $kind } № { $number }. Дата выдачи: { $issued }; организация: { $organization }.
verification-file-not-ours = ❌ Этот файл не выдавался нами или был изменён после выдачи. Не доверяйте ему.
verification-file-claims = В файле указан номер { $number }. Данные реестра по этому номеру для сравнения:
verification-file-claims-unknown = В файле указан номер { $number }, но в реестре такого документа нет.
verification-file-no-number = Номер документа в файле прочитать не удалось. Номер можно проверить, отправив его сообщением.
verification-file-signature-ours = 🔏 Электронная подпись организации цела.
verification-file-signature-broken = 🔏 Электронная подпись нарушена: файл изменён после подписания или подписан не нами.
verification-file-signature-absent = 🔏 Электронной подписи организации в файле нет.
verification-file-not-pdf = Пришлите документ файлом PDF — таким, каким его выдал бот.
verification-file-too-big = Файл слишком большой: выданные документы весят меньше 5 МБ.
verification-file-status-issued = 📄 Документ выдан, срока действия у него нет.
verification-file-reference-details =
    Регистрационный номер: { $number }
    Владелец: { $holder }
    Тема курса: { $topic }
    Организация: { $organization }
    Дата выдачи: { $issued }
verification-kind-certificate = сертификат
verification-kind-appendix = приложение к сертификату
verification-kind-listening_reference = справка о прослушивании курса
verification-kind-internship_certificate = сертификат о прохождении стажировки
verification-replaced-by = Вместо него выдан сертификат № { $number }.

## Отзыв и перевыпуск (администратор)

verification-revoke-confirm =
    Отозвать сертификат № { $number }?
    Владелец: { $holder }
    Тема курса: { $topic }
    Дата выдачи: { $issued }
    Причина: { $reason }
verification-btn-revoke = Отозвать
verification-btn-cancel = Отмена
verification-revoke-cancelled = Отзыв отменён, ничего не изменено.
verification-btn-reissue = Перевыпустить с новым номером
verification-reissue-done = Выдан сертификат № { $number } взамен № { $old }. Владелец получит новые документы.
verification-reissue-refused = Перевыпуск невозможен: сертификат не отозван или уже перевыпущен.
verification-reissue-note = Выдан взамен сертификата № { $number }.

## Мои документы (слушатель)

verification-checks-none = Ещё не проверялся.
verification-checks =
    Проверялся { $count ->
        [one] { $count } раз
        [few] { $count } раза
       *[other] { $count } раз
    }: { $dates }

## Веб-страница проверки

web-verify-title = Проверка документа
web-verify-lead = Проверьте сертификат по регистрационному номеру или загрузите файл PDF, выданный организацией.
web-verify-number-label = Регистрационный номер
web-verify-number-button = Проверить
web-verify-file-label = Файл документа (PDF)
web-verify-file-button = Проверить файл
web-verify-open-telegram = Открыть в Telegram
web-verify-too-many = Не больше 10 проверок в минуту. Подождите { $seconds } с и попробуйте снова.
web-verify-switch = Қазақша
