## Сертификаттар, қосымшалар, курсты тыңдағаны туралы анықтамалар: беру, кері қайтару, тексеру (§29, §31, §33)

## Берілген құжаттар туралы хабарламалар (PDF жазулары)

certificates-notice-certificate =
    🎓 Құттықтаймыз! Сізге «{ $topic }» курсынан өткені туралы № { $number } сертификат берілді.
    Сертификат 3 жыл бойы жарамды, түпнұсқалығы QR-код арқылы тексеріледі. Құжаттарды /documents командасымен қайта алуға болады.
certificates-notice-appendix = № { $number } сертификатқа қосымша: бағдарлама модульдері, сағат саны және бағалар.
certificates-notice-reference =
    Сізге «{ $topic }» курсын тыңдағаны туралы анықтама берілді (№ { $number }). Сертификат берілмеді, бірақ Қағидалардың 31-тармағы бойынша сіз:
    1) білімді қайта бағалаудан өте аласыз — жылына бір реттен артық емес;
    2) білімді келесі ағынмен бірге қайта бағалаудан өте аласыз;
    3) дәлелді себеппен ағымдағы жыл ішінде басқа ағынға ауыса аласыз;
    4) дәлелді себеппен, растайтын құжаттарды ұсынып, үзілген курсты аяқтай аласыз.
    Өтініш /requests командасымен беріледі.

## Құжаттарға арналған сөздер

certificates-reason-attendance = сабаққа қатысу 80 %-дан төмен
certificates-reason-score = қорытынды тестілеу нәтижесі ең жоғары балдың 50 %-ынан төмен
certificates-reason-agreement = оқуға арналған шарт қабылданбаған
certificates-reason-not-assessed = қорытынды бағалаудан өтпеген
certificates-grade-passed = есептелді

certificates-kind-certificate = Біліктілікті арттыру сертификаты
certificates-kind-appendix = Сертификатқа қосымша
certificates-kind-listening-reference = Курсты тыңдағаны туралы анықтама
certificates-kind-internship-certificate = Тағылымдамадан өткені туралы сертификат

## Менің құжаттарым (/documents)

certificates-documents-none = Сізде әзірге берілген құжат жоқ. Сертификат немесе анықтама берілгеннен кейін осында шығады.
certificates-documents-caption = { $kind } № { $number }, берілген күні: { $date }
certificates-documents-revoked = { $kind } № { $number }, берілген күні: { $date }
    ⛔ { KK($revoked, case: "locative") } кері қайтарып алынған.

## Кері қайтарып алу (әкімші)

certificates-revoke-usage =
    Пішімі: /revoke НӨМІР СЕБЕП
    Мысалы: /revoke ORL-2026-000123 тегінде қате бар
certificates-revoke-done = № { $number } сертификат { KK($date, case: "locative") } кері қайтарып алынды. Иесіне хабарлама жіберіледі; тексеру енді «кері қайтарылған» деп көрсетеді.
certificates-revoke-already = № { $number } сертификат { KK($date, case: "locative") } кері қайтарылып қойған. Ештеңе өзгертілген жоқ.
certificates-revoke-not-found = Мұндай нөмірлі сертификат табылмады. Ештеңе өзгертілген жоқ.
certificates-revoke-bad-reason = Кері қайтару себебін жазыңыз — { $max } таңбаға дейін. Ештеңе өзгертілген жоқ.
certificates-revoked-notice = ⛔ Сіздің № { $number } сертификатыңыз { KK($date, case: "locative") } кері қайтарып алынды.
    Себебі: { $reason }
    Сұрақтарыңызды курс әкімшісіне қоюға болады.

## Құжаттарды беру (әкімші)

certificates-issue-choose = Құжаттар берілетін ағынды таңдаңыз (аяқталған ағындар көрсетілген):
certificates-issue-none = Аяқталған ағын жоқ: құжаттар ағын аяқталғаннан кейін беріледі.
certificates-issue-confirm =
    <b>{ $cohort }</b> ағыны: «{ $topic }», тыңдаушылар саны: { $count }.
    Қорытынды бағалаудан өткендерге — сертификат пен қосымша, өтпегендерге — курсты тыңдағаны туралы анықтама. Беру керек пе?
certificates-btn-issue = ✅ Беру
certificates-btn-cancel = ✖ Бас тарту
certificates-issue-progress = Құжаттар берілуде… { $done } / { $total }
certificates-issue-summary = Дайын, <b>{ $cohort }</b> ағыны.
    Берілген сертификаттар: { $certificates }
    Берілген анықтамалар: { $references }
    Оның ішінде қорытынды бағалауға қатыспағандарға: { $not_assessed }
    Құжаты бұрыннан бар (өткізіп жіберілді): { $skipped }
    Оқудан шығарылғандар: { $expelled }
    Хабарламалар тыңдаушыларға кезекпен жіберіледі.
certificates-issue-not-found = Ағын табылмады. Тізімді қайта ашыңыз: /issue
certificates-issue-not-finished = <b>{ $cohort }</b> ағыны әлі аяқталған жоқ (аяқталу күні: { $date }). Құжаттар ағын аяқталып, бағалар түпкілікті болғаннан кейін беріледі.
certificates-issue-cancelled = Беру тоқтатылды, ештеңе өзгерген жоқ.

## Сертификатты тексеру (кез келген пайдаланушы)

certificates-verify-ask = Сертификаттың тіркеу нөмірін жіберіңіз, мысалы: { $example }. Бас не кіші әріп пен бос орындардың маңызы жоқ.
certificates-verify-valid = ✅ Сертификат жарамды.
certificates-verify-expired = ⌛ Сертификаттың жарамдылық мерзімі өтіп кеткен.
certificates-verify-revoked = ⛔ Сертификат { KK($date, case: "locative") } кері қайтарып алынған.
certificates-verify-not-found = Мұндай нөмірлі сертификат табылмады. Нөмірді тексеріп, қайта жіберіңіз, мысалы: { $example }.
certificates-verify-forged = ⚠️ Бұл сілтеме түпнұсқа емес: QR-кодтың қолтаңбасы сәйкес келмейді. Мұндай QR-коды бар құжатқа сенбеңіз; сертификат нөмірін хабарлама етіп жіберіп, тексеруге болады.
certificates-verify-details = Тіркеу нөмірі: { $number }
    Иесі: { $holder }
    Курстың тақырыбы: { $topic }
    Көлемі: { $hours } академиялық сағат
    Ұйым: { $organization }
    Берілген күні: { $issued }
    Жарамдылық мерзімі: { KK($until, case: "dative") } дейін

## Telegram мәзіріндегі командалар

cmd-documents = Менің құжаттарым: сертификаттар мен анықтамалар
cmd-issue = Ағынға сертификаттар беру
cmd-revoke = Сертификатты кері қайтарып алу
