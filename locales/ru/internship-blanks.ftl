# п. 30 Правил: стажировка (меморандум, справка по приложению 5, сертификат по приложению 6);
# п. 29 Правил: бланки строгой отчётности; шкала оценок модулей; название управления в приказе.

cmd-internship = Стажировка: справка предприятия
cmd-internships = Стажировки: меморандумы и справки
cmd-blanks = Бланки сертификатов

orders-ask-department-ru = Наименование управления (отдела) образования на русском языке (для приказа на русском языке):

## Стажировка (п. 30 Правил)

internship-verify-kind = Вид документа: сертификат о прохождении стажировки (приложение 6 к Правилам).
internship-issue-use-references = Поток { $cohort } — стажировка. Сертификат о прохождении стажировки (приложение 6) выдаётся по справке предприятия (приложение 5): откройте /internships, выберите поток и слушателя и примите справку.
internship-notice-certificate = 🎓 Сертификат о прохождении стажировки № { $number } — «{ $topic }».
internship-notice-rejected = Справка о прохождении стажировки не принята: { $reason }. Исправьте её на предприятии и отправьте снова: /internship
internship-admin-uploaded = 📎 { $name } (поток { $cohort }) прислал(а) справку о прохождении стажировки. Проверьте её: /internships
internship-admin-none = Потоков стажировки нет. Стажировка — вид курса при создании курса (п. 23 Правил).
internship-admin-choose = Стажировка (п. 30 Правил). Выберите поток:
internship-admin-cohort =
    Поток { $cohort } — «{ $topic }»
    { $memorandum }
    Слушателей: { $count }. Выберите слушателя, чтобы проверить справку предприятия или загрузить её за него.
internship-memorandum-line = Меморандум о сотрудничестве № { $number } от { $date }, предприятие: { $enterprise }.
internship-memorandum-missing = ⚠️ Меморандум о сотрудничестве не записан: без него сертификат о прохождении стажировки не выдаётся (п. 30 Правил).
internship-btn-memorandum = 🤝 Меморандум о сотрудничестве
internship-btn-blank-kk = 📄 Бланк справки (каз.)
internship-btn-blank-ru = 📄 Бланк справки (рус.)
internship-btn-accept = ✅ Принять и выдать сертификат
internship-btn-reject = ❌ Отклонить
internship-btn-upload = 📎 Загрузить справку за слушателя
internship-btn-back = ◀️ К потоку
internship-btn-send = 📎 Отправить справку предприятия
internship-place-button = { $name } · { $state }
internship-state-none = справки нет
internship-state-pending = справка ждёт проверки
internship-state-rejected = справка не принята
internship-state-rejected-why = справка не принята: { $reason }
internship-state-issued = сертификат выдан
internship-not-found = Не найдено или уже неактуально. Откройте список заново.
internship-blank-caption-kk = Приложение 5 на казахском языке: передайте предприятию, оно заполняет, подписывает и ставит печать (при наличии).
internship-blank-caption-ru = Приложение 5 на русском языке: передайте предприятию, оно заполняет, подписывает и ставит печать (при наличии).
internship-memo-ask-number = Меморандум о сотрудничестве для потока { $cohort } (п. 30 Правил). Номер меморандума:
internship-memo-bad-number = Номер — от 1 до { $max } символов. Отправьте номер меморандума.
internship-memo-ask-date = Дата меморандума (ДД.ММ.ГГГГ):
internship-memo-ask-enterprise = Наименование предприятия (организации), с которым заключён меморандум:
internship-memo-bad-enterprise = Наименование — от 1 до { $max } символов. Отправьте наименование предприятия.
internship-memo-saved = ✅ Меморандум записан: № { $number } от { $date }, предприятие: { $enterprise }.
internship-field-holder = ФИО педагога совпадает со слушателем;
internship-field-enterprise = наименование предприятия (организации);
internship-field-period = период стажировки (с … по …);
internship-field-hours = объём в академических часах;
internship-field-position = должность, обязанности которой исполнял педагог;
internship-field-skills = приобретённые профессиональные навыки;
internship-field-head = ФИО и подпись руководителя предприятия;
internship-field-stamp = печать предприятия (при наличии).
internship-admin-place =
    { $name }, поток { $cohort }
    Период: { $start } — { $end }, { $hours } ак. ч.
    Предприятие: { $enterprise }
    Состояние: { $state }
internship-check-fields = Сверьте справку с полями приложения 5:
internship-ask-file = Отправьте справку предприятия (приложение 5) — PDF-файл или фото.
internship-bad-file = Нужен PDF-файл или фото справки (до 20 МБ).
internship-refused-not-internship = Этот курс — не стажировка.
internship-refused-not-enrolled = Слушатель отчислен или переведён: справка не принимается.
internship-refused-already-issued = Сертификат о прохождении стажировки уже выдан.
internship-refused-pending = Справка уже отправлена и ждёт проверки.
internship-refused-not-pending = Эта справка уже рассмотрена.
internship-refused-no-memorandum = Сначала запишите меморандум о сотрудничестве потока (п. 30 Правил): кнопка «Меморандум о сотрудничестве».
internship-refused-None = Не найдено или уже неактуально. Откройте список заново.
internship-issued = ✅ Справка принята. Сертификат о прохождении стажировки № { $number } выдан: { $name }. Слушатель получит его в боте.
internship-ask-reject-note = Почему справка не принята? Слушатель увидит этот текст.
internship-bad-note = Причина — от 1 до { $max } символов.
internship-rejected-done = Справка не принята, слушатель уведомлён.
internship-my-none = У вас нет стажировок. Стажировка педагогов ТиПО проходит на предприятии по меморандуму с Организацией (п. 30 Правил).
internship-my-place =
    Стажировка: «{ $topic }», поток { $cohort }
    Период: { $start } — { $end }
    Предприятие: { $enterprise }
    Состояние: { $state }

    По окончании стажировки предприятие заполняет справку (приложение 5). Скачайте бланк, передайте его предприятию и отправьте заполненную справку сюда.
internship-my-sent = ✅ Справка отправлена. Администратор проверит её; сертификат о прохождении стажировки придёт сюда.

## Бланки сертификатов (п. 29 Правил)

blanks-verify-line = Бланк строгой отчётности: { $blank }
blanks-usage =
    Бланки сертификатов (п. 29 Правил): сертификат печатается на бланке строгой отчётности, PDF остаётся электронной копией для проверки.

    /blanks set НОМЕР СЕРИЯ НОМЕР_БЛАНКА — сертификат напечатан на бланке, например: /blanks set BLK-2026-000001 АА 0001234
    /blanks batch ПОТОК СЕРИЯ ПЕРВЫЙ-ПОСЛЕДНИЙ — партия потока: сертификаты по порядку номеров на бланки по порядку
    /blanks spoil СЕРИЯ НОМЕР_БЛАНКА [причина] — испорченный бланк
    /blanks print НОМЕР — PDF для печати на бланке (только данные сертификата)
    /blanks calibrate — калибровочная сетка в миллиметрах для настройки смещений.
blanks-recent = Последние записи:
blanks-recent-line = { $blank } — { $status }: { $number }
blanks-status-printed = напечатан
blanks-status-spoiled = испорчен
blanks-set-done = ✅ Сертификат { $number } напечатан на бланке { $blank }.
blanks-spoiled = ✅ Бланк { $blank } записан как испорченный; он больше не используется.
blanks-batch-done = ✅ Записано бланков: { $count }. Неиспользованных в диапазоне: { $left }.
blanks-batch-line = { $number } → { $blank }
blanks-bad-blank = Не понял бланк. Напишите серию и номер, например: АА 0001234 (партия: АА 0001234-0001250).
blanks-not-found = Сертификат { $number } не найден.
blanks-revoked = Сертификат { $number } отозван: его не печатают.
blanks-used = Бланк { $blank } уже использован: на нём сертификат { $number }.
blanks-used-spoiled = Бланк { $blank } уже записан (испорчен или использован).
blanks-has-blank = Сертификат { $number } уже напечатан на бланке { $blank }. Испорченный бланк запишите командой /blanks spoil.
blanks-range-short = В диапазоне меньше бланков, чем сертификатов без бланка: нужно { $needed }.
blanks-nothing = У всех сертификатов потока уже есть бланк.
blanks-no-cohort = Поток { $code } не найден.
blanks-overlay-caption = Данные сертификата { $number } для печати на бланке ({ $blank }). Печатайте в масштабе 100 %.
blanks-calibration-title = Калибровка печати на бланке
blanks-calibration-caption = Сетка в миллиметрах от левого верхнего угла листа и поля сертификата. Напечатайте на обычной бумаге в масштабе 100 %, наложите на бланк и измерьте смещение. Сейчас: X { $x } мм, Y { $y } мм (настройки BLANK_OFFSET_X_MM, BLANK_OFFSET_Y_MM, BLANK_FIELDS).
blanks-field-name = ФИО
blanks-field-topic = тема
blanks-field-hours = часы
blanks-field-number = рег. номер
blanks-field-issued = дата выдачи
blanks-field-valid = действителен до
blanks-field-qr = QR-код (проверка)

## Оценки модулей (приложение 4)

grading-pass_fail-passed = зачтено
grading-pass_fail-failed = не зачтено
grading-five_point-5 = 5 (отлично)
grading-five_point-4 = 4 (хорошо)
grading-five_point-3 = 3 (удовлетворительно)
grading-five_point-2 = 2 (неудовлетворительно)
grading-ask = Оценка по модулю «{ $module }» — выберите по шкале курса:
grading-choose-from-list = Оценка выбирается по шкале курса: нажмите кнопку ниже.
admin-course-ask-grading-scale = Шкала оценок модулей в приложении к сертификату (приложение 4 к Правилам):
admin-course-grading_scale-pass-fail = Зачёт или незачёт
admin-course-grading_scale-five-point = Пятибалльная: 5, 4, 3, 2
