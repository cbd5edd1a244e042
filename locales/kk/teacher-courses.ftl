# Мұғалім: шарт (24-тармақ) және «Менің курстарым» (сабаққа қатысу, нәтижелер, қорытынды).

agreement-text = <b>Оқуға арналған шарт</b>

    Тараптар: { $organization } және «{ $topic }» курсының тыңдаушысы ({ $code } ағыны, { $starts } — { $ends }).

    Тыңдаушы міндеттенеді:
    { $conditions }
agreement-condition-follow-plan-and-schedule = 1) белгіленген оқу жоспарына, оқу графигіне және сабақ кестесіне сәйкес оқуға;
agreement-condition-discipline-and-respect = 2) оқу тәртібі мен мінез-құлық нормаларын сақтауға, профессор-оқытушылар құрамы мен басқа білім алушыларды құрметтеуге, олардың ар-намысы мен қадір-қасиетіне қол сұқпауға;
agreement-condition-attend-80-percent = 3) сабақ кестесі бойынша барлық сабақтың кемінде 80 %-ына қатысуға;
agreement-condition-final-test-50-percent = 4) қорытынды тестілеуден ең жоғары балдың кемінде 50 %-ы көлемінде өтуге.
agreement-condition-employer-notified-on-breach = Тыңдаушы шарттың талаптарын бұзған жағдайда Ұйым жұмыс берушіні және (немесе) білім басқару органдарын хабардар етеді (Қағидалардың 24 және 32-тармақтары).
agreement-accept-button = ✅ Шарт талаптарын қабылдаймын
agreement-accepted = «{ $topic }» курсы бойынша оқуға арналған шарт { KK($date, case: "locative") } қабылданды. Енді сабақтарда қатысуыңызды белгілеуге болады.
agreement-refused-not-found = Бұл батырма ескірген немесе қолжетімсіз. «🎓 Менің курстарым» бөлімін қайта ашыңыз.
agreement-refused-not-enrolled = Сіз бұл ағында енді оқымайсыз: шартты қабылдаудың қажеті жоқ.
agreement-refused-already-accepted = Сіз бұл шартты қабылдап қойғансыз.

mycourses-none = Әзірге курстарыңыз бен өтініштеріңіз жоқ. Курс таңдаңыз: «📚 Ашық курстар».
mycourses-card =
    <b>🎓 { $topic }</b>
    { $code } ағыны: { $starts } — { $ends }
mycourses-attendance = Қатысқан сабақтарыңыз: { $attended }, барлық сабақ саны — { $total } ({ $percent } %).
mycourses-attendance-met = Сабаққа қатысу талабы (80 %) орындалды.
mycourses-attendance-needed = 80 %-ға жету үшін тағы { $count } сабаққа қатысу керек.
mycourses-attendance-unreachable = Қалған сабақтардың бәріне қатыссаңыз да, 80 %-ға енді жетпейді. Қағидалардың 31-тармағындағы мүмкіндіктерді пайдалана аласыз: /requests.
mycourses-score = Қорытынды бағалау: { $score } балл, ең жоғары балл — { $max }, өту балы — { $pass_mark }.
mycourses-score-pending = Қорытынды бағалау әлі өткізілген жоқ. Өту балы — { $pass_mark }, ең жоғары балл — { $max }.
mycourses-module = • { $name } ({ $hours } сағ.): { $grade }
mycourses-agreement-needed = ⚠️ Оқуға арналған шарт қабылданбаған: онсыз сабаққа қатысуды белгілеу мүмкін емес.
mycourses-agreement-accepted = Оқуға арналған шарт { KK($date, case: "locative") } қабылданды.
mycourses-outcome-certificate = 🏅 № { $number } сертификат, { KK($valid_until, case: "dative") } дейін жарамды.
mycourses-outcome-certificate-pending = 🏅 Курс аяқталды. Сертификат дайындалуда.
mycourses-outcome-reference =
    📄 Курсты тыңдағаны туралы № { $number } анықтама берілді.
    Өтініш бере аласыз (/requests): қайта бағалауға (жылына бір реттен жиі емес), келесі ағынмен қайта бағалауға, ағымдағы жылы дәлелді себеппен басқа ағынға ауыстыруға, растайтын құжаттармен үзілген курсты аяқтауға.
mycourses-outcome-expelled = ⛔ Оқудан шығарылдыңыз ({ $order } бұйрық). Себебі: { $reason }
mycourses-read-agreement = 📄 Шартты оқу және қабылдау
mycourses-resend = 📨 Құжаттарымды қайта жіберу
mycourses-resend-none = Бұл курс бойынша құжаттар әлі берілген жоқ.
mycourses-applications = <b>Менің өтініштерім</b>
mycourses-application-submitted = • { $topic } — қаралуда
mycourses-application-approved = • { $topic } — мақұлданды, қабылдау туралы бұйрықты күтіңіз
mycourses-application-rejected = • { $topic } — қабылданбады: { $reason }
