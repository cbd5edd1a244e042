# Қағидалардың 30-тармағы: тағылымдама (меморандум, 5-қосымша бойынша анықтама, 6-қосымша бойынша
# сертификат); Қағидалардың 29-тармағы: қатаң есептілік бланкілері; модуль бағаларының шкаласы.

cmd-internship = Тағылымдама: кәсіпорын анықтамасы
cmd-internships = Тағылымдамалар: меморандумдар мен анықтамалар
cmd-blanks = Сертификат бланкілері

orders-ask-department-ru = Білім басқармасының (бөлімінің) орыс тіліндегі атауы (орыс тіліндегі бұйрық үшін):

## Тағылымдама (Қағидалардың 30-тармағы)

internship-verify-kind = Құжат түрі: тағылымдамадан өткені туралы сертификат (Қағидаларға 6-қосымша).
internship-issue-use-references = { $cohort } ағыны — тағылымдама. Тағылымдамадан өткені туралы сертификат (6-қосымша) кәсіпорынның анықтамасы (5-қосымша) негізінде беріледі: /internships ашып, ағын мен тыңдаушыны таңдаңыз да, анықтаманы қабылдаңыз.
internship-notice-certificate = 🎓 Тағылымдамадан өткені туралы сертификат № { $number } — «{ $topic }».
internship-notice-rejected = Тағылымдамадан өткені туралы анықтама қабылданбады: { $reason }. Кәсіпорында түзетіп, қайта жіберіңіз: /internship
internship-admin-uploaded = 📎 { $name } ({ $cohort } ағыны) тағылымдамадан өткені туралы анықтама жіберді. Тексеріңіз: /internships
internship-admin-none = Тағылымдама ағындары жоқ. Тағылымдама — курс құрғанда таңдалатын курс түрі (Қағидалардың 23-тармағы).
internship-admin-choose = Тағылымдама (Қағидалардың 30-тармағы). Ағынды таңдаңыз:
internship-admin-cohort =
    { $cohort } ағыны — «{ $topic }»
    { $memorandum }
    Тыңдаушылар саны: { $count }. Кәсіпорын анықтамасын тексеру немесе оны тыңдаушының атынан жүктеу үшін тыңдаушыны таңдаңыз.
internship-memorandum-line = Ынтымақтастық туралы меморандум № { $number }, күні: { $date }, кәсіпорын: { $enterprise }.
internship-memorandum-missing = ⚠️ Ынтымақтастық туралы меморандум жазылмаған: онсыз тағылымдамадан өткені туралы сертификат берілмейді (Қағидалардың 30-тармағы).
internship-btn-memorandum = 🤝 Ынтымақтастық туралы меморандум
internship-btn-blank-kk = 📄 Анықтама бланкі (қаз.)
internship-btn-blank-ru = 📄 Анықтама бланкі (орыс.)
internship-btn-accept = ✅ Қабылдау және сертификат беру
internship-btn-reject = ❌ Қабылдамау
internship-btn-upload = 📎 Тыңдаушының атынан анықтама жүктеу
internship-btn-back = ◀️ Ағынға оралу
internship-btn-send = 📎 Кәсіпорын анықтамасын жіберу
internship-place-button = { $name } · { $state }
internship-state-none = анықтама жоқ
internship-state-pending = анықтама тексеруді күтуде
internship-state-rejected = анықтама қабылданбады
internship-state-rejected-why = анықтама қабылданбады: { $reason }
internship-state-issued = сертификат берілді
internship-not-found = Табылмады немесе өзектілігін жоғалтты. Тізімді қайта ашыңыз.
internship-blank-caption-kk = Қазақ тіліндегі 5-қосымша: кәсіпорынға беріңіз, ол толтырып, қол қояды және мөр басады (бар болса).
internship-blank-caption-ru = Орыс тіліндегі 5-қосымша: кәсіпорынға беріңіз, ол толтырып, қол қояды және мөр басады (бар болса).
internship-memo-ask-number = { $cohort } ағынына арналған ынтымақтастық туралы меморандум (Қағидалардың 30-тармағы). Меморандумның нөмірі:
internship-memo-bad-number = Нөмір ұзындығы — 1-ден { $max } таңбаға дейін. Меморандумның нөмірін жіберіңіз.
internship-memo-ask-date = Меморандумның күні (КК.АА.ЖЖЖЖ):
internship-memo-ask-enterprise = Меморандум жасалған кәсіпорынның (ұйымның) атауы:
internship-memo-bad-enterprise = Атау ұзындығы — 1-ден { $max } таңбаға дейін. Кәсіпорынның атауын жіберіңіз.
internship-memo-saved = ✅ Меморандум жазылды: № { $number }, күні: { $date }, кәсіпорын: { $enterprise }.
internship-field-holder = педагогтің аты-жөні тыңдаушымен сәйкес келеді;
internship-field-enterprise = кәсіпорынның (ұйымның) атауы;
internship-field-period = тағылымдама кезеңі (басталған және аяқталған күні);
internship-field-hours = академиялық сағат көлемі;
internship-field-position = педагог міндеттерін атқарған лауазым;
internship-field-skills = меңгерген кәсіби дағдылары;
internship-field-head = кәсіпорын басшысының аты-жөні және қолы;
internship-field-stamp = кәсіпорынның мөрі (бар болса).
internship-admin-place =
    { $name }, { $cohort } ағыны
    Кезеңі: { $start } — { $end }, академиялық сағат: { $hours }
    Кәсіпорын: { $enterprise }
    Жағдайы: { $state }
internship-check-fields = Анықтаманы 5-қосымшаның жолдарымен салыстырыңыз:
internship-ask-file = Кәсіпорынның анықтамасын (5-қосымша) жіберіңіз — PDF файл немесе фото.
internship-bad-file = Анықтаманың PDF файлы немесе фотосы қажет (20 МБ-қа дейін).
internship-refused-not-internship = Бұл курс тағылымдама емес.
internship-refused-not-enrolled = Тыңдаушы оқудан шығарылған немесе басқа ағынға ауыстырылған: анықтама қабылданбайды.
internship-refused-already-issued = Тағылымдамадан өткені туралы сертификат бұрын берілген.
internship-refused-pending = Анықтама жіберілген, тексеруді күтуде.
internship-refused-not-pending = Бұл анықтама қаралып қойған.
internship-refused-no-memorandum = Алдымен ағынның ынтымақтастық туралы меморандумын жазыңыз (Қағидалардың 30-тармағы): «Ынтымақтастық туралы меморандум» батырмасы.
internship-refused-None = Табылмады немесе өзектілігін жоғалтты. Тізімді қайта ашыңыз.
internship-issued = ✅ Анықтама қабылданды. Тағылымдамадан өткені туралы сертификат № { $number } берілді: { $name }. Тыңдаушы оны ботта алады.
internship-ask-reject-note = Анықтама неге қабылданбады? Бұл мәтінді тыңдаушы көреді.
internship-bad-note = Себеп ұзындығы — 1-ден { $max } таңбаға дейін.
internship-rejected-done = Анықтама қабылданбады, тыңдаушыға хабарланды.
internship-my-none = Сізде тағылымдама жоқ. ТжКБ педагогтерінің тағылымдамасы кәсіпорында Ұйыммен жасалған меморандум негізінде өтеді (Қағидалардың 30-тармағы).
internship-my-place =
    Тағылымдама: «{ $topic }», { $cohort } ағыны
    Кезеңі: { $start } — { $end }
    Кәсіпорын: { $enterprise }
    Жағдайы: { $state }

    Тағылымдама аяқталғанда кәсіпорын анықтаманы (5-қосымша) толтырады. Бланкіні жүктеп алып, кәсіпорынға беріңіз, толтырылған анықтаманы осында жіберіңіз.
internship-my-sent = ✅ Анықтама жіберілді. Әкімші оны тексереді; тағылымдамадан өткені туралы сертификат осында келеді.

## Сертификат бланкілері (Қағидалардың 29-тармағы)

blanks-verify-line = Қатаң есептілік бланкі: { $blank }
blanks-usage =
    Сертификат бланкілері (Қағидалардың 29-тармағы): сертификат қатаң есептілік бланкісіне басылады, PDF тексеруге арналған электрондық көшірме болып қала береді.

    /blanks set НӨМІР СЕРИЯ БЛАНК_НӨМІРІ — сертификат бланкіге басылды, мысалы: /blanks set BLK-2026-000001 АА 0001234
    /blanks batch АҒЫН СЕРИЯ БІРІНШІ-СОҢҒЫ — ағынның топтамасы: сертификаттар нөмір ретімен бланкілерге ретімен
    /blanks spoil СЕРИЯ БЛАНК_НӨМІРІ [себебі] — бүлінген бланк
    /blanks print НӨМІР — бланкіге басуға арналған PDF (тек сертификат деректері)
    /blanks calibrate — ығысуды баптауға арналған миллиметрлік калибрлеу торы.
blanks-recent = Соңғы жазбалар:
blanks-recent-line = { $blank } — { $status }: { $number }
blanks-status-printed = басылды
blanks-status-spoiled = бүлінді
blanks-set-done = ✅ { $number } сертификаты { $blank } бланкісіне басылды.
blanks-spoiled = ✅ { $blank } бланкісі бүлінген деп жазылды; ол енді пайдаланылмайды.
blanks-batch-done = ✅ Жазылған бланкілер саны: { $count }. Ауқымда пайдаланылмағаны: { $left }.
blanks-batch-line = { $number } → { $blank }
blanks-bad-blank = Бланкіні түсінбедім. Сериясы мен нөмірін жазыңыз, мысалы: АА 0001234 (топтама: АА 0001234-0001250).
blanks-not-found = { $number } сертификаты табылмады.
blanks-revoked = { $number } сертификаты кері қайтарылған: ол басылмайды.
blanks-used = { $blank } бланкісі пайдаланылған: онда { $number } сертификаты басылған.
blanks-used-spoiled = { $blank } бланкісі бұрын жазылған (бүлінген немесе пайдаланылған).
blanks-has-blank = { $number } сертификаты { $blank } бланкісіне басылып қойған. Бүлінген бланкіні /blanks spoil командасымен жазыңыз.
blanks-range-short = Ауқымдағы бланкілер бланкісіз сертификаттардан аз: { $needed } бланк қажет.
blanks-nothing = Ағынның барлық сертификатында бланк бар.
blanks-no-cohort = { $code } ағыны табылмады.
blanks-overlay-caption = { $number } сертификатының бланкіге басылатын деректері ({ $blank }). 100 % масштабта басыңыз.
blanks-calibration-title = Бланкіге басуды калибрлеу
blanks-calibration-caption = Парақтың сол жақ жоғарғы бұрышынан миллиметрмен өлшенген тор және сертификат жолдары. Қарапайым қағазға 100 % масштабта басып, бланкінің үстіне қойып, ығысуды өлшеңіз. Қазір: X { $x } мм, Y { $y } мм (BLANK_OFFSET_X_MM, BLANK_OFFSET_Y_MM, BLANK_FIELDS баптаулары).
blanks-field-name = аты-жөні
blanks-field-topic = тақырыбы
blanks-field-hours = сағаты
blanks-field-number = тіркеу нөмірі
blanks-field-issued = берілген күні
blanks-field-valid = жарамдылық мерзімі
blanks-field-qr = QR-код (тексеру)

## Модуль бағалары (4-қосымша)

grading-pass_fail-passed = есептелді
grading-pass_fail-failed = есептелмеді
grading-five_point-5 = 5 (өте жақсы)
grading-five_point-4 = 4 (жақсы)
grading-five_point-3 = 3 (қанағаттанарлық)
grading-five_point-2 = 2 (қанағаттанарлықсыз)
grading-ask = «{ $module }» модулі бойынша баға — курс шкаласы бойынша таңдаңыз:
grading-choose-from-list = Баға курс шкаласы бойынша таңдалады: төмендегі батырманы басыңыз.
admin-course-ask-grading-scale = Сертификатқа қосымшадағы модуль бағаларының шкаласы (Қағидаларға 4-қосымша):
admin-course-grading_scale-pass-fail = Есептелді немесе есептелмеді
admin-course-grading_scale-five-point = Бес балдық: 5, 4, 3, 2
