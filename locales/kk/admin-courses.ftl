# Әкімшілік: курстар (§5 нысаны, §23 түрі мен сағаты, модульдер).

admin-courses-list = Курстар саны: { $count }. Өзгерту үшін курсты таңдаңыз немесе жаңасын құрыңыз.
admin-course-new = ➕ Жаңа курс

admin-course-ask-topic-kk = Курстың тақырыбы қазақ тілінде (сертификаттағыдай):
admin-course-ask-topic-ru = Курстың тақырыбы орыс тілінде:
admin-course-ask-kind = Курстың түрі (Қағидалардың 23-тармағы):
admin-course-ask-format = Оқыту нысаны (Қағидалардың 5-тармағы):
admin-course-ask-distance = Қашықтықтан оқыту қолданыла ма?
admin-course-ask-duration-days = Шетелде оқу ұзақтығы күнтізбелік күнмен (365-тен аспауы керек):
admin-course-ask-hours = Курстың көлемі академиялық сағатпен (1 академиялық сағат = 45 минут):
admin-course-ask-modules =
    Бағдарлама модульдері, әрқайсысы жаңа жолдан:
    <code>Қазақша атауы | Орысша атауы | сағат</code>
    Модульдер сағаттарының қосындысы курстың көлеміне тең болуы керек.
admin-course-ask-languages = Оқыту тілдері:
admin-course-ask-max-score = Қорытынды тестілеудің ең жоғары балы (1-ден 1000-ға дейін):

admin-course-kind-short = Қысқа мерзімді (36–108 сағ.)
admin-course-kind-long = Ұзақ мерзімді (108 сағаттан артық)
admin-course-kind-internship = ТжКБ педагогтерінің тағылымдамасы (36 сағаттан бастап)
admin-course-kind-abroad-short = Шетелдегі қысқа мерзімді (36–108 сағ.)
admin-course-kind-abroad-long = Шетелдегі ұзақ мерзімді (1 жылға дейін)
admin-course-format-without-leave = Еңбек қызметінен қол үзбей
admin-course-format-with-leave = Еңбек қызметінен қол үзіп, жалақысы сақталады
admin-course-format-abroad = Шетелде
admin-course-format-combined = Аралас
admin-course-distance-yes = Иә, қашықтықтан
admin-course-distance-no = Жоқ, күндізгі
admin-course-languages-kk = қазақ тілі
admin-course-languages-ru = орыс тілі
admin-course-languages-kk-ru = қазақ және орыс тілдері

admin-course-bad-topic = Тақырыптың ұзындығы 3-тен { $max } таңбаға дейін болуы керек.
admin-course-bad-number = Бүтін оң сан қажет, мысалы 72.
admin-course-bad-max-score = Ең жоғары балл — 1-ден { KK($max, case: "dative") } дейінгі бүтін сан.
admin-course-bad-module-line = «{ $line }» жолы түсініксіз. Пішімі: <code>Қазақша атауы | Орысша атауы | сағат</code>
admin-course-bad-modules-count = Кемінде бір модуль қажет, { KK($max, case: "ablative") } аспауы керек.

admin-hours-not-positive = { $rule }: курстың көлемі нөлден артық болуы керек; көрсетілгені: { $hours }.
admin-hours-short-range = { $rule }: қысқа мерзімді курстың көлемі { $min }–{ $max } академиялық сағат болуы керек; көрсетілгені: { $hours }.
admin-hours-long-min = { $rule }: ұзақ мерзімді курстың көлемі 108 академиялық сағаттан артық, яғни кемінде { $min } академиялық сағат болуы керек; көрсетілгені: { $hours }.
admin-hours-internship-min = { $rule }: тағылымдаманың көлемі кемінде { $min } академиялық сағат болуы керек; көрсетілгені: { $hours }.
admin-hours-abroad-short-range = { $rule }: шетелдегі қысқа мерзімді курстың көлемі { $min }–{ $max } академиялық сағат болуы керек; көрсетілгені: { $hours }.
admin-hours-abroad-long-duration-required = { $rule }: шетелдегі ұзақ мерзімді курстың ұзақтығын күнтізбелік күнмен көрсетіңіз.
admin-hours-abroad-long-max-year = { $rule }: шетелдегі ұзақ мерзімді курс 1 жылға дейін созылады, яғни ең көбі { $max } күн; көрсетілгені: { $days }.
admin-hours-modules-sum = Қағидалардың 4-қосымшасы: модульдер сағаттарының қосындысы — { $modules_total }, ал курстың көлемі — { $hours }. Олар тең болуы керек.
admin-hours-module-not-positive = Қағидалардың 4-қосымшасы: әр модульдің сағаты нөлден артық болуы керек; көрсетілгені: { $hours }.

admin-course-saved = ✅ № { $id } курс сақталды: { $topic }

# Домен атайтын ереже id-лері орнына Қағидалардың тармақтарына сілтемелер (CourseHoursError.rule_id): bot/handlers/admin/courses.py.
rule-citation-23 = Қағидалардың 23-тармағы
rule-citation-23-1 = Қағидалардың 23-тармағының 1) тармақшасы
rule-citation-23-2 = Қағидалардың 23-тармағының 2) тармақшасы
rule-citation-23-3 = Қағидалардың 23-тармағының 3) тармақшасы
rule-citation-23-abroad-1 = Қағидалардың 23-тармағы екінші бөлігінің 1) тармақшасы
rule-citation-23-abroad-2 = Қағидалардың 23-тармағы екінші бөлігінің 2) тармақшасы
rule-citation-app-4 = Қағидалардың 4-қосымшасы
