# Экрандар: ескірген батырмалар, әкімшілерге хабар, мәзірлер, файл атаулары (13-мәселе, 3–7)

screens-application-decided = { $status ->
    [approved] № { $id } өтінішті мақұлдап қойған: { $who }, { $when }.
    [rejected] № { $id } өтінішті қабылдамаған: { $who }, { $when }.
    [enrolled] № { $id } өтініш бойынша педагог бұйрықпен ағынға қабылданып қойған.
    [withdrawn] № { $id } өтінішті педагог кері қайтарып алған.
   *[other] № { $id } өтініш бойынша шешім қабылданып қойған.
}
screens-request-decided = { $status ->
    [approved] № { $id } өтінішті мақұлдап қойған: { $who }, { $when }.
    [rejected] № { $id } өтінішті қабылдамаған: { $who }, { $when }.
   *[other] № { $id } өтініш бойынша шешім қабылданып қойған.
}

cmd-schedule = Ағынның сабақ кестесі күнтізбеге (.ics)
cmd-requests = Сұраулар: қайта бағалау, ауысу (Қағидалардың 31-тармағы)
cmd-support = Посткурстық сүйемелдеу
cmd-mydata = Менің деректерім: көшірме және жою

screens-help-commands = Командалар:
screens-mycourses-more = 📅 /schedule — сабақ кестесі күнтізбеге (.ics) · 📝 /requests — сұраулар (Қағидалардың 31-тармағы) · 🤝 /support — курстан кейінгі сүйемелдеу.

screens-language-taken = Бот тілі — қазақ тілі, Telegram баптауыңыздағыдай. Орыс тіліне ауысу үшін төмендегі батырманы басыңыз (немесе /language).

# Файл атаулары (бос орынсыз: сөздер "-" арқылы)
screens-file-certificate = Сертификат
screens-file-appendix = Қосымша
screens-file-listening-reference = Анықтама
screens-file-internship-certificate = Тағылымдама-сертификаты
screens-file-application = Өтініш
screens-file-enrollment-order = Бұйрық
screens-file-schedule = Сабақтар
screens-file-mydata = Менің-деректерім
screens-file-nobd = НОБД-көшірме
screens-file-attendance = Қатысу

# /mydata кестесі
screens-mydata-empty = Жазбалар жоқ.
screens-mydata-sheet-profile = Профиль деректері
screens-mydata-sheet-applications = Өтініштер
screens-mydata-sheet-enrollments = Курстар
screens-mydata-sheet-attendance = Сабаққа қатысу
screens-mydata-sheet-results = Нәтижелер
screens-mydata-sheet-documents = Құжаттар
screens-mydata-sheet-requests = Сұраулар
screens-mydata-sheet-consultations = Сүйемелдеу
screens-mydata-full-name = Аты-жөні
screens-mydata-iin = ЖСН
screens-mydata-phone = Телефон нөмірі
screens-mydata-position = Лауазымы
screens-mydata-school-name = Мектеп (жұмыс орны)
screens-mydata-employer-contact = Жұмыс берушінің байланысы
screens-mydata-language = Тіл
screens-mydata-first-name = Telegram-дағы аты
screens-mydata-username = Telegram пайдаланушы аты
screens-mydata-telegram-id = Telegram идентификаторы
screens-mydata-consent-version = Деректерді өңдеуге келісім нұсқасы
screens-mydata-consent-at = Келісім берілген уақыт
screens-mydata-deletion-requested-at = Деректерді жою сұралған уақыт
screens-mydata-created-at = Құрылған уақыты
screens-mydata-cohort = Ағын
screens-mydata-kind = Түрі
screens-mydata-addressed-to = Кімге жолданған
screens-mydata-abroad-duration = Шетелде оқу мерзімі
screens-mydata-abroad-country = Ел
screens-mydata-abroad-language = Шетелде оқыту тілі
screens-mydata-status = Мәртебесі
screens-mydata-reject-reason = Қабылдамау себебі
screens-mydata-decided-at = Шешім қабылданған уақыт
screens-mydata-topic-kk = Курс тақырыбы (қазақша)
screens-mydata-topic-ru = Курс тақырыбы (орысша)
screens-mydata-agreement-version = Шарт нұсқасы
screens-mydata-agreement-lang = Шарт тілі
screens-mydata-agreement-accepted-at = Шарт қабылданған уақыт
screens-mydata-expelled-reason = Шығару себебі
screens-mydata-expulsion-order = Шығару туралы бұйрық
screens-mydata-completed-on = Аяқталған күні
screens-mydata-number = Нөмірі
screens-mydata-topic = Тақырыбы
screens-mydata-academic-hours = Академиялық сағат
screens-mydata-issued-on = Берілген күні
screens-mydata-valid-until = Жарамдылық мерзімі
screens-mydata-revoked-on = Кері қайтарылған күні
screens-mydata-documents-attached = Тіркелген құжаттар саны
screens-mydata-reason = Себебі
screens-mydata-target-cohort-id = Ауысатын ағын (№)
screens-mydata-decision-note = Шешімге түсініктеме
screens-mydata-question = Сұрақ
screens-mydata-answer = Жауап
screens-mydata-answered-at = Жауап берілген уақыт
screens-mydata-session-starts-at = Сабақтың басталуы
screens-mydata-checked-in-at = Белгіленген уақыт
screens-mydata-method = Белгілеу тәсілі
screens-mydata-module-grades = Модульдер бойынша бағалар
screens-mydata-score = Жинаған балы
screens-mydata-max-score = Ең жоғары балл
screens-mydata-assessed-on = Бағаланған күні
screens-mydata-is-reassessment = Қайта бағалау
screens-mydata-xlsx-caption = Сол деректер электрондық кесте түрінде: профиль, өтініштер, курстар, сабаққа қатысу, нәтижелер, құжаттар, сұраулар және сүйемелдеу әр парақта.

# Қызметкерлерге хабар (минутына бір хабарлама)
screens-alert-new-applications = 📥 Оқуға берілген жаңа өтініштер шешім күтуде, саны: { $count }.
screens-alert-new-requests = 📨 Тыңдаушылардың жаңа сұраулары (Қағидалардың 31-тармағы) шешім күтуде, саны: { $count }.
screens-alert-row = • № { $id } · { $cohort } · { $name }
screens-alert-new-applications-how = Қарау үшін: төмендегі ағын батырмасы немесе /admin → «Ағындар».
screens-alert-new-requests-how = Қарау үшін: /request_queue.
screens-alert-open-cohort = 📥 { $cohort }: өтініштер
screens-alert-unreachable = ⚠ { $cohort } ағыны: бұл тыңдаушылар сабаққа қатысудың 80 %-ына енді жете алмайды (Қағидалардың 24-тармағының 3) тармақшасы), жіберілген сәттегі деректер:
screens-alert-unreachable-row = • { $name } — қатысқан сабақтары: { $attended }, барлық сабақ саны: { $total }, қалған сабақтар: { $remaining }
