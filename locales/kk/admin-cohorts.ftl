# Әкімшілік: ағындар, сабақ кестесі, өтініштер, тізімдерді импорттау, қабылдау туралы бұйрық (§16, §18).

admin-cohorts-list = Ағындар саны: { $count }. Ағынды таңдаңыз немесе жаңасын құрыңыз.
admin-cohort-new = ➕ Жаңа ағын
admin-cohort-no-courses = Алдымен курс құрыңыз: ағын әрқашан курсқа тиесілі.
admin-cohort-ask-course = Ағынның курсы:
admin-cohort-ask-code = Ағынның коды (мысалы, 2026-12-МАТ-1):
admin-cohort-bad-code = Ағынның коды 1-ден 64 таңбаға дейін болуы керек.
admin-cohort-ask-starts = Оқудың басталу күні (КК.АА.ЖЖЖЖ):
admin-cohort-ask-ends = Оқудың аяқталу күні (КК.АА.ЖЖЖЖ):
admin-cohort-ask-language = Ағынның оқыту тілі:
admin-cohort-ask-seats = Орын саны (1-ден { KK($max, case: "dative") } дейінгі бүтін сан):
admin-cohort-ask-trainers = Ағынның тренерлерін белгілеп, «Дайын» батырмасын басыңыз.
admin-cohort-no-trainers = Әзірге ешкімге тренер рөлі берілмеген; тренерлерді кейін қосуға болады. «Дайын» батырмасын басыңыз.
admin-cohort-trainers-done = ✅ Дайын
admin-cohort-refused-dates = Аяқталу күні басталу күнінен ерте. Аяқталу күнін қайта көрсетіңіз.
admin-cohort-refused-seats = Орын саны 1-ден 500-ге дейін болуы керек.
admin-cohort-refused-language = Курс бұл тілде жүргізілмейді.
admin-cohort-refused-not-trainer = Таңдалған адам енді тренер емес. Пішінді қайта ашыңыз.
admin-cohort-refused-unknown-course = Курс табылмады. Пішінді қайта ашыңыз.
admin-cohort-created = ✅ { $code } ағыны құрылды.
admin-cohort-card =
    <b>{ $code } ағыны</b>
    Оқу мерзімі: { $starts } – { $ends }
    Оқыту тілі: { $language }
    Орын саны: { $seats }
admin-cohort-action-add-session = ➕ Сабақ қосу
admin-cohort-action-import-schedule = 📥 Сабақ кестесін файлдан импорттау
admin-cohort-action-schedule = 🗓 Сабақ кестесі
admin-cohort-action-applications = 📨 Өтініштер
admin-cohort-action-import-list = 📥 Тыңдаушылар тізімін импорттау
admin-cohort-action-order = 📄 Қабылдау туралы бұйрық

admin-schedule-refused-outside-dates = { $row }-жол: күні ағынның оқу мерзімінен тыс. Ештеңе сақталмады.
admin-schedule-refused-clash = { $row }-жол: бұл уақытта сабақ бар. Ештеңе сақталмады.
admin-schedule-empty = { $code } ағынының сабақ кестесінде әзірге сабақ жоқ.
admin-schedule-title = <b>{ $code } ағынының сабақ кестесі</b> ({ $count } сабақ)
admin-schedule-line = { $number }. { $day }, { $time } — { $hours } акад. сағ., { $place }
admin-schedule-import-ask =
    { $code } ағынының сабақ кестесін .xlsx немесе .csv файлымен жіберіңіз.
    Бағандар: Күні, Уақыты, Сағат, Аудитория (немесе Сілтеме), міндетті емес — Тақырыбы.
    Бір жол қате болса да, ештеңе импортталмайды.
admin-schedule-imported = ✅ Сабақ кестесі импортталды: { $count } сабақ.

admin-applications-title = { $code } ағынына өтініштер, шешім күтуде: { $count }.
admin-application-card =
    <b>№ { $id } өтініш</b>
    { $name }
    { $position }, { $school }
    Оқыту тілі: { $language }
admin-application-approve = ✅ Мақұлдау
admin-application-reject = ❌ Қабылдамау
admin-application-ask-reason = № { $id } өтінішті қабылдамау себебін жазыңыз (оны педагог көреді):
admin-application-bad-reason = Себебі 3-тен { $max } таңбаға дейін болуы керек.
admin-application-approved = ✅ № { $id } өтініш мақұлданды: ағыннан орын бекітілді, педагогке хабарланды. Педагог ағынға келесі қабылдау туралы бұйрықпен қабылданады.
admin-application-rejected = № { $id } өтініш қабылданбады, педагогке хабарланды.
admin-application-already-decided = № { $id } өтініш бойынша шешім бұрын қабылданған; ештеңе өзгертілмеді.
admin-application-no-seats = Ағында бос орын жоқ; № { $id } өтініш мақұлданбады.
admin-application-unknown = № { $id } өтініш табылмады.

admin-list-import-ask =
    { $code } ағынының тыңдаушылар тізімін .xlsx немесе .csv файлымен жіберіңіз (5 МБ-қа дейін).
    Бағандар: Аты-жөні, ЖСН, Мектеп, Лауазымы, Телефон, Тіл (kk немесе ru).
    Бір жол қате болса да, ештеңе импортталмайды.
admin-list-no-seats = Ештеңе импортталмады: тізімдегі адам саны бос орыннан көп (бос орын: { $seats }).
admin-list-imported =
    ✅ Тізім импортталды.
    Бекітілген орын: { $enrolled }
    Жаңа тыңдаушылар: { $created }, бұрыннан белгілі: { $matched }
    Ағында бұрыннан бар: { $already }
    Енді қабылдау туралы бұйрықты ресімдеңіз.

admin-order-ask-number = { $code } ағынына тыңдаушыларды қабылдау туралы бұйрық. Бұйрықтың нөмірі:
admin-order-ask-date = Бұйрықтың күні (КК.АА.ЖЖЖЖ):
admin-order-ask-letter-number = Бұйрыққа негіз болған білім басқармасы (бөлімі) хатының нөмірі:
admin-order-ask-letter-date = Хаттың күні (КК.АА.ЖЖЖЖ):
admin-order-ask-department = Білім басқармасының (бөлімінің) қазақ тіліндегі атауы (қазақ тіліндегі бұйрық үшін):
admin-order-bad-text = 1-ден { $max } таңбаға дейінгі мәтін қажет.
admin-order-refused-duplicate-number = № { $number } бұйрық бұрыннан бар. Ештеңе сақталмады; басқа нөмірмен қайта бастаңыз.
admin-order-refused-nobody = Қабылдайтын ешкім жоқ: ағында бұйрықты күтіп тұрған тыңдаушы жоқ. № { $number } бұйрық ресімделмеді.
admin-order-file-kk = № { $number } бұйрық — қазақ тілінде
admin-order-file-ru = № { $number } бұйрық — орыс тілінде
admin-order-issued =
    ✅ № { $number } бұйрық ресімделді. Қабылданғаны: { $enrolled }.
    Хабарламалар кезекке қойылды: { $notified }. Ботты әлі іске қоспағандар: { $later } — іске қосқанда шақыру алады.
admin-cohort-action-ics = 📅 .ics күнтізбесі
admin-schedule-ics = { $code } ағынының телефон күнтізбесіне арналған сабақ кестесі: файлды ашыңыз немесе оны тренерлер мен тыңдаушыларға жіберіңіз.
