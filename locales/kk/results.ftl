## Оқу нәтижелері, оқудан шығару, өтініштер, консультациялар, есептер (әкімші мен тренер)

results-cancel = ✖ Бас тарту
results-back = ◀ Артқа
results-cancelled = Әрекет тоқтатылды, ешнәрсе өзгертілген жоқ.
results-not-found = Жазба табылмады немесе енді қолжетімсіз. Тізімді қайта ашыңыз.
results-no-cohorts = Әзірге ағындар жоқ.
results-choose-cohort = Ағынды таңдаңыз:
results-choose-listener = <b>{ $cohort }</b> ағыны. Тыңдаушыны таңдаңыз:
results-roster-empty = <b>{ $cohort }</b> ағынында бұл әрекетке сәйкес тыңдаушы жоқ.

## Қорытынды бағалау балдары (§28)

results-ask-grade = «{ $module }» модулі бойынша баға:
results-score-saved = Сақталды: <b>{ $name }</b> — { $score } / { $max } балл.
    { $outcome }
results-score-refused-not-found = Тыңдаушы табылмады: ешнәрсе сақталған жоқ.
results-score-refused-not-active = Тыңдаушы оқудан шығарылған немесе басқа ағынға ауыстырылған: балл сақталған жоқ.
results-score-refused-out-of-range = Балл рұқсат етілген шектен тыс: ешнәрсе сақталған жоқ.
results-score-refused-unknown-module = Модуль бұл курсқа жатпайды: ешнәрсе сақталған жоқ.
results-score-refused-bad-grade = Модуль бойынша баға бос немесе тым ұзын: ешнәрсе сақталған жоқ.
results-score-refused-not-failed = Қайта бағалау қорытынды бағалаудан өтпегендерге ғана жүргізіледі (Қағидалардың 31-тармағы).
results-score-refused-within-year = Қайта бағалау жылына бір реттен жиі өткізілмейді (Қағидалардың 31-тармағы). Келесі мүмкін күн: { $date }.

results-outcome-certificate = ✅ сертификат беріледі
results-outcome-listening-reference = ❌ курсты тыңдағаны туралы анықтама
results-outcome-expelled = ⛔ оқудан шығарылды
results-outcome-in-progress = ⏳ оқу жалғасуда
results-shortfall-attendance = сабаққа қатысу 80 %-дан төмен
results-shortfall-score = балл ең жоғары балдың 50 %-ынан төмен
results-shortfall-agreement = оқуға арналған шарт қабылданбаған
results-shortfall-not-assessed = қорытынды бағалау балы жоқ
results-listener-line = • { $name }: { $outcome } — қатысқаны { $attended } / { $total } сабақ, балл { $score } / { $max }; себептері: { $reasons }
results-summary = <b>{ $cohort } ағынының қорытындысы</b>
    Өтті (сертификат): { $passed }
    Өтпеді (анықтама): { $failed }
    Оқу жалғасуда: { $progress }
    Оқудан шығарылды: { $expelled }

## Балдарды кестеден жүктеу

results-import-ask-file = <b>{ $cohort }</b> ағыны. .xlsx немесе .csv файлын жіберіңіз, бағандары: «ЖСН», «Балл» (0–{ $max }) және әр модульге бір бағаннан (модуль атауы немесе «Модуль 1», «Модуль 2»…):
    { $modules }
    Бір жолда қате болса, ешнәрсе жүктелмейді.
results-import-send-file = .xlsx немесе .csv файлы керек. Оны құжат ретінде жіберіңіз немесе «Бас тарту» батырмасын басыңыз.
results-import-done = Жүктелген балдар саны: { $count }.
results-column-score = Жинаған балы
results-import-reason-unknown-iin = «{ $value }» ЖСН тыңдаушылар арасында табылмады
results-import-reason-not-enrolled = ЖСН-і «{ $value }» тыңдаушы бұл ағынға қабылданбаған
results-import-reason-not-active = ЖСН-і «{ $value }» тыңдаушы оқудан шығарылған немесе ауыстырылған
results-import-reason-score-range = «{ $value }» балы 0 мен ең жоғары балл аралығындағы бүтін сан болуы керек

## Оқудан шығару (§32)

results-expel-ask-reason = Оқудан шығару: <b>{ $name }</b>. Себебін көрсетіңіз — шарттың қай талабы бұзылды:
results-expel-ask-order = Оқудан шығару туралы бұйрықтың нөмірі:
results-expel-ask-commission = Комиссия шешімінің нөмірі:
results-expel-ask-commission-date = Комиссия шешімінің күні (КК.АА.ЖЖЖЖ):
results-expel-confirm = ⛔ <b>{ $name }</b> оқудан шығарылсын ба?
results-expel-confirm-button = ⛔ Оқудан шығару
results-expel-refused-not-found = Тыңдаушы табылмады: ешнәрсе өзгертілген жоқ.
results-expel-refused-not-active = Қазір оқып жүрген тыңдаушыны ғана оқудан шығаруға болады.
results-expel-refused-bad-input = Барлық өріс толтырылмаған: ешнәрсе өзгертілген жоқ.
results-expel-done = <b>{ $name }</b> оқудан шығарылды. Тыңдаушыға хабарлама жіберілді.
results-expel-done-no-chat = <b>{ $name }</b> оқудан шығарылды. Тыңдаушы ботқа әлі қосылмаған — бот арқылы хабарлама жіберілген жоқ.
results-expel-employer = Жұмыс берушіге хабарлама (байланыс: { $contact }) — оны электрондық пошта немесе телефон арқылы жіберіңіз:
    <pre>{ $text }</pre>
results-expelled-teacher = Сіз «{ $topic }» курсынан ({ $cohort } ағыны) оқудан шығарылдыңыз.
    Себебі: { $reason }
    Бұйрық № { $order }, комиссия шешімі № { $commission }, күні { $commission_date }.
results-expelled-employer = Құрметті жұмыс беруші! { $name } ({ $school }) оқуға арналған шарттың талаптарын бұзғаны үшін «{ $topic }» біліктілікті арттыру курсынан ({ $cohort } ағыны) оқудан шығарылғанын хабарлаймыз: { $reason }. Бұйрық № { $order }, комиссия шешімі № { $commission }, күні { $commission_date }.

## Өтініштер (§31)

results-request-kind-reassessment = қайта бағалау
results-request-kind-reassessment-next-cohort = келесі ағынмен қайта бағалау
results-request-kind-transfer = басқа ағынға ауыстыру
results-request-kind-finish-interrupted = үзілген оқуды аяқтау
results-request-status-pending = шешім күтуде
results-request-status-approved = мақұлданды
results-request-status-rejected = қабылданбады
results-requests-empty = Жаңа өтініштер жоқ.
results-requests-title = Шешім күтіп тұрған өтініштер: { $count }. Өтінішті таңдаңыз:
results-request-details = <b>№ { $id } өтініш</b> — { $status }
    Тыңдаушы: { $name }
    Түрі: { $kind }
    Курс: { $topic }, { $cohort } ағыны
    Ауыстырылатын ағын: { $target }
    Себебі: { $reason }
    Растайтын құжаттар саны: { $documents }
results-approve = ✅ Мақұлдау
results-reject = ❌ Қабылдамау
results-ask-reject-note = Қабылдамау себебін жазыңыз ({ $max } таңбаға дейін) — оны тыңдаушы көреді:
results-request-approved-admin = Өтініш мақұлданды: { $name }, { $kind }. Тыңдаушыға хабарланды.
results-request-rejected-admin = Өтініш қабылданбады: { $name }. Тыңдаушыға хабарланды.
results-enter-reassessment = Қайта бағалау балын енгізу
results-decision-refused-not-found = Өтініш табылмады.
results-decision-refused-already-decided = Бұл өтініш бойынша шешім қабылданып қойған.
results-decision-refused-note-required = Өтінішті қабылдамасаңыз, себебін көрсетіңіз.
results-decision-refused-note-too-long = Себебі тым ұзын.
results-decision-refused-target-missing = Ауыстырылатын ағын табылмады: ауыстыру мүмкін емес.
results-decision-refused-already-in-target = Тыңдаушы ауыстырылатын ағынға қабылданып қойған.
results-request-moved = Сіз { $cohort } ағынына ауыстырылдыңыз.

## Посткурстық сүйемелдеу (§36–37)

results-support-kind-consultation = әдістемелік және консультациялық көмек
results-support-kind-publication = жарияланымға көмек
results-support-kind-community-event = кәсіби қоғамдастықтар мен іс-шаралар
results-consultations-empty = Ашық сұраулар жоқ.
results-consultations-title = Ашық сұраулар: { $count }.
results-consultation-card = <b>№ { $id } сұрау</b> — { $kind }
    Тыңдаушы: { $name }
    Курс: { $topic }, { $cohort } ағыны
    Сұрақ: { $question }
results-answer = ✍ Жауап беру
results-ask-answer = Жауабыңызды жазыңыз ({ $max } таңбаға дейін):
results-answer-sent = Жауап тыңдаушыға жіберілді: { $name }.
results-answer-refused-not-found = Сұрау табылмады.
results-answer-refused-not-yours = Бұл сұрау басқа ағынның тренерлеріне жіберілген.
results-answer-refused-already-answered = Бұл сұрауға жауап берілген.
results-support-answer = «{ $topic }» курсы бойынша сұрауыңызға жауап.
    Сұрақ: { $question }
    Жауап: { $answer }

## Есептер: ҰБДБ (§19), статистика, тиімділік (§38)

results-nobd-empty = <b>{ $cohort }</b> ағынында оқуды аяқтағандар жоқ.
results-nobd-sheet = ҰБДБ
results-nobd-column-full-name = Тегі, аты, әкесінің аты
results-nobd-column-iin = ЖСН
results-nobd-column-school = Білім беру ұйымы
results-nobd-column-position = Лауазымы
results-nobd-column-topic = Курстың тақырыбы
results-nobd-column-hours = Сағат саны
results-nobd-column-starts = Басталуы
results-nobd-column-ends = Аяқталуы
results-nobd-column-completed = Аяқтаған күні
results-nobd-column-certificate = Сертификат нөмірі
results-nobd-caption = ҰБДБ, { $cohort } ағыны: { $count } педагог. Деректерді ҰБДБ-ға енгізу мерзімі: { $deadline } (Қағидалардың 19-тармағы).
results-nobd-reminder = ⏰ Еске салу: { $cohort } ағынында оқуды аяқтағандардың деректерін (аяқталуы: { $completed }) ҰБДБ-ға енгізу керек, мерзімі: { $deadline } (Қағидалардың 19-тармағы). Жүктеп алу: /nobd
results-stats = <b>{ $cohort } ағынының статистикасы</b>
    { $topic }
    Өтініштер: { $applications }
    Қабылданғандар: { $enrolled }
    Сабаққа қатысу: 50 %-ға дейін — { $lt50 }, 50–79 % — { $mid }, 80–99 % — { $good }, 100 % — { $full }
    Өтті: { $completed }, өтпеді: { $failed }, оқып жүр: { $progress }, оқудан шығарылды: { $expelled }
    Өткендердің үлесі: { $rate } %
    Берілген сертификаттар: { $certificates }
results-stats-bucket-lt50 = 50 %-ға дейін
results-stats-bucket-50-79 = 50–79 % аралығы
results-stats-bucket-80-99 = 80–99 % аралығы
results-stats-bucket-100 = толық 100 %
results-stats-chart-title = Сабаққа қатысу, { $cohort } ағыны
results-stats-chart-axis = тыңдаушылар
results-stats-chart-caption = Тыңдаушылардың сабаққа қатысуы бойынша бөлінуі
results-effectiveness-bad-months = Кезеңді айлармен көрсетіңіз: 1 және { $max } аралығындағы бүтін сан, мысалы /effectiveness 12
results-effectiveness = <b>Посткурстық сүйемелдеудің тиімділігі (Қағидалардың 38-тармағы)</b>
    Кезең: { $months } ай (басы: { $since })
    Сұраулар: { $total }
    • әдістемелік және консультациялық көмек: { $consultation }
    • жарияланымға көмек: { $publication }
    • қоғамдастықтар мен іс-шаралар: { $community }
    Жауап берілгені: { $answered } ({ $share } %)
    Жауаптың медиандық уақыты: { $median } сағ

## Telegram мәзіріндегі командалар

cmd-questions = Тыңдаушылардың сұрақтары (сүйемелдеу)
cmd-scores = Қорытынды бағалау балдарын енгізу
cmd-scores_import = Балдарды файлдан жүктеу
cmd-results = Ағынның қорытындысы
cmd-expel = Тыңдаушыны оқудан шығару
cmd-request_queue = Тыңдаушылардың өтініштері (Қағидалардың 31-тармағы)
cmd-consultations = Сүйемелдеу бойынша сұраулар
cmd-nobd = ҰБДБ-ға арналған деректер
cmd-stats = Ағын статистикасы
cmd-effectiveness = Сүйемелдеудің тиімділігі
