# Ағынды өзгерту (bot/handlers/admin/cohort_editing.py) және курстан кейінгі педагогтар сауалнамасы,
# Қағидалардың 38-тармағы (bot/handlers/teacher/survey.py, bot/handlers/admin/effectiveness.py).

## Ағынды өзгерту

admin-cohort-action-edit = ✏️ Ағынды өзгерту
admin-edit-usage = Ағынның кодын көрсетіңіз: /editcohort 2026-12-МАТ-1
admin-edit-unknown-cohort = «{ $code }» кодты ағын табылмады.
admin-edit-menu =
    <b>{ $code } ағынын өзгерту</b>
    Оқу мерзімі: { $starts } – { $ends }
    Орын саны: { $seats }
    Нені өзгертесіз? Ағынның тыңдаушылары мен тренерлеріне өзгеріс туралы хабарлама жіберіледі.
admin-edit-dates = 🗓 Оқу мерзімі
admin-edit-seats = 🪑 Орын саны
admin-edit-trainers = 🧑‍🏫 Тренерлер
admin-edit-sessions = ⏱ Сабақтар: ауыстыру немесе жою
admin-edit-ask-dates = { $code } ағынының жаңа оқу мерзімі: бос орын арқылы екі күн, мысалы <code>01.12.2026 12.12.2026</code>
admin-edit-bad-dates = Күндерді түсінбедім. Екі күнді КК.АА.ЖЖЖЖ түрінде бос орын арқылы жазыңыз, мысалы 01.12.2026 12.12.2026.
admin-edit-ask-seats = Қазір { $code } ағынындағы орын саны: { $seats }. Жаңа орын саны (1 – { $max }):
admin-edit-ask-trainers = { $code } ағынының тренерлері: керектерін белгілеп, «Сақтау» батырмасын басыңыз.
admin-edit-pick-session = { $code } ағынының сабағын таңдаңыз:
admin-edit-session =
    Сабақ: { $day }, { $time }
    Өтетін орны: { $place }
admin-edit-move = ⏩ Ауыстыру
admin-edit-delete = 🗑 Жою
admin-edit-ask-move = Сабақтың жаңа күні мен басталу уақыты, мысалы <code>05.12.2026 14:00</code>. Ұзақтығы өзгермейді.
admin-edit-bad-move = Күн мен уақытты түсінбедім. КК.АА.ЖЖЖЖ СС:ММ түрінде жазыңыз, мысалы 05.12.2026 14:00.
admin-edit-ask-delete = Бұл сабақты жою керек пе? Тыңдаушылар мен тренерлерге хабарлама жіберіледі.
admin-edit-delete-yes = 🗑 Иә, жою
admin-edit-done-dates = ✅ { $code } ағынының оқу мерзімі өзгертілді. Жіберілген хабарламалар: { $notified }.
admin-edit-done-seats = ✅ { $code } ағынындағы орын саны өзгертілді.
admin-edit-done-trainers = ✅ { $code } ағынының тренерлері өзгертілді. Жіберілген хабарламалар: { $notified }.
admin-edit-done-session-moved = ✅ { $code } ағынының сабағы ауыстырылды. Жіберілген хабарламалар: { $notified }.
admin-edit-done-session-deleted = ✅ { $code } ағынының сабағы жойылды. Жіберілген хабарламалар: { $notified }.
admin-edit-refused-past-date = Бұл күн өтіп кетті. Ештеңе өзгертілмеді; басқа күнді көрсетіңіз немесе «Бас тарту» батырмасын басыңыз.
admin-edit-refused-dates = Аяқталу күні басталу күнінен ерте. Ештеңе өзгертілмеді.
admin-edit-refused-sessions-outside = Сабақ кестесінде жаңа мерзімнен тыс сабақтар бар. Алдымен оларды ауыстырыңыз не жойыңыз. Ештеңе өзгертілмеді.
admin-edit-refused-seats = Орын саны 1 мен { $max } аралығындағы бүтін сан болуы керек. Ештеңе өзгертілмеді.
admin-edit-refused-seats-below-enrolled = Орын саны қабылданған тыңдаушылар санынан аз болмауы керек. Ештеңе өзгертілмеді.
admin-edit-refused-not-trainer = Бұл адамда енді тренер рөлі жоқ. Ештеңе өзгертілмеді.
admin-edit-refused-outside-dates = Күні ағынның оқу мерзімінен тыс. Ештеңе өзгертілмеді.
admin-edit-refused-overlap = Бұл уақытта ағынның басқа сабағы өтеді. Ештеңе өзгертілмеді.
admin-edit-refused-attended = Бұл сабаққа қатысу белгіленіп қойған: оны ауыстыруға не жоюға болмайды. Ештеңе өзгертілмеді.
admin-edit-refused-unknown-session = Сабақ табылмады: мүмкін, ол жойылған.
admin-edit-refused-nothing-changed = Бұл мән қазірдің өзінде орнатылған; ештеңе өзгертілмеді.

cohort-edit-notice-dates =
    🗓 { $code } ағынының оқу мерзімі өзгерді.
    Жаңа мерзімі: { $starts } – { $ends }
cohort-edit-notice-trainers =
    🧑‍🏫 { $code } ағынының тренерлер құрамы өзгерді.
    Тренерлер: { $trainers }
cohort-edit-notice-session-moved =
    ⏩ { $code } ағынының сабағы ауыстырылды.
    Бұрын: { $old_day }, { $old_time }
    Енді: { $new_day }, { $new_time }
cohort-edit-notice-session-deleted =
    🗑 { $code } ағынының сабағы болмайды.
    Күні мен уақыты: { $day }, { $time }

cmd-editcohort = Ағынды өзгерту: /editcohort КОД

## Курстан 6 және 12 ай өткен соң педагогтарға сауалнама (Қағидалардың 38-тармағы)

survey-invite =
    📋 «{ $topic }» курсы ({ $cohort } ағыны) аяқталғанына { $months } ай болды. Үш қысқа сұраққа жауап беріңізші: жауаптарыңыз курстарды жетілдіруге көмектеседі (Қағидалардың 38-тармағы).

    1. Курс сіздің педагогтік тәжірибеңізге көмектесті ме? 1-ден (мүлдем жоқ) 5-ке (өте көп) дейін бағалаңыз.
survey-ask-applied = 2. Курста алған білімді сабақтарыңызда қолданып жүрсіз бе?
survey-applied-yes = Иә, үнемі
survey-applied-partly = Ішінара
survey-applied-no = Әзірге жоқ
survey-ask-comment = 3. Курсқа не қосқан пайдалы болар еді? Бір хабарламамен жазыңыз ({ $max } таңбаға дейін) немесе «Өткізіп жіберу» батырмасын басыңыз.
survey-skip = ⏭ Өткізіп жіберу
survey-thanks = 🙏 Рақмет! Жауаптарыңыз сақталды.
survey-refused-not-available = Бұл сауалнама қазір қолжетімсіз.
survey-refused-already-answered = Сіз бұл сауалнамаға жауап бердіңіз. Рақмет!
survey-refused-bad-answer = Бұл батырма ескірген. Жауапты қайта таңдаңыз.
survey-refused-too-long = Пікір { $max } таңбадан ұзын. Қысқартып, қайта жіберіңіз.

survey-report-title = <b>Курстан кейінгі педагогтар сауалнамасы</b>
survey-report-wave = • { $months } айдан кейін: жауаптар — { $responses }, пайдасының орташа бағасы — { $average } (5 балдық), сабақта қолданатындар — { $applied } %, пікірлер — { $comments }
survey-report-wave-none = • { $months } айдан кейін: әзірге жауап жоқ
survey-chart-title = Курс тәжірибеге көмектесті ме (1–5 баға)
survey-chart-axis = Жауаптар
survey-chart-caption = Кезеңдегі курс пайдасының бағалары: 1 — мүлдем көмектеспеді, 5 — өте көмектесті.
survey-xlsx-sheet = Тиімділік
survey-xlsx-period = Кезең, ай
survey-xlsx-consultations = Сүйемелдеу сұраулары
survey-xlsx-answered = Оның ішінде жауап берілгені
survey-xlsx-wave = Сауалнама, ай өткен соң
survey-xlsx-responses = Жауаптар
survey-xlsx-helped = Баға: { $score }
survey-xlsx-average = Орташа баға
survey-xlsx-comments = Пікірлер
survey-xlsx-caption = Тиімділік туралы есеп (Қағидалардың 38-тармағы): сұраулар, сауалнама нәтижелері және педагогтардың пікірлері.

## Тиімділікті талдау үш жылда кемінде бір рет (Қағидалардың 38-тармағы)

review-status-none = ⚠️ Білім беру бағдарламаларының тиімділігін талдау әлі жазылмаған. Қағидалардың 38-тармағы бойынша ол үш жылда кемінде бір рет жүргізіледі.
review-status =
    Тиімділікті соңғы талдау: { $last }
    Келесісінің соңғы мерзімі: { $due }
    Қорытындысы: { $note }
review-button-record = ✅ Жүргізілген талдауды жазу
review-ask-date = Тиімділікті талдау жүргізілген күн (КК.АА.ЖЖЖЖ):
review-refused-future = Бұл күн әлі келген жоқ. Талдау жүргізілген күнді көрсетіңіз.
review-ask-note = Қысқаша: қорытындылар мен шешімдер ({ $max } таңбаға дейін).
review-refused-note = Мәтін 1 мен { $max } таңба аралығында болуы керек.
review-recorded = ✅ Тиімділікті талдау жазылды.
review-reminder-none = ⏰ Білім беру бағдарламаларының тиімділігін талдау әлі жазылмаған, ал Қағидалардың 38-тармағы бойынша ол үш жылда кемінде бір рет жүргізіледі. Есеп: /effectiveness, жүргізілген талдауды сол жерде жазуға болады.
review-reminder =
    ⏰ Білім беру бағдарламаларының тиімділігін талдау мерзімі жақындап келеді (Қағидалардың 38-тармағы).
    Соңғы талдау: { $last }
    Келесісінің соңғы мерзімі: { $due }
    Есеп: /effectiveness, жүргізілген талдауды сол жерде жазуға болады.

admin-nav-save = 💾 Сақтау
