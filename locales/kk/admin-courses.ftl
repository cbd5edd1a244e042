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

admin-hours-not-positive = { $rule }: курстың көлемі нөлден артық болуы керек, { $hours } көрсетілген.
admin-hours-short-range = Қағидалардың { $rule }: қысқа мерзімді курс { $min } академиялық сағаттан { $max } академиялық сағатқа дейін созылады, { $hours } көрсетілген.
admin-hours-long-min = Қағидалардың { $rule }: ұзақ мерзімді курс 108 академиялық сағаттан артық, яғни кемінде { $min }; { $hours } көрсетілген.
admin-hours-internship-min = Қағидалардың { $rule }: тағылымдама кемінде { $min } академиялық сағатқа созылады, { $hours } көрсетілген.
admin-hours-abroad-short-range = Қағидалардың { $rule }: шетелдегі қысқа мерзімді курс { $min } академиялық сағаттан { $max } академиялық сағатқа дейін созылады, { $hours } көрсетілген.
admin-hours-abroad-long-duration-required = Қағидалардың { $rule }: шетелдегі ұзақ мерзімді курстың ұзақтығын күнмен көрсетіңіз.
admin-hours-abroad-long-max-year = Қағидалардың { $rule }: шетелдегі курс 1 жылға дейін созылады — { $max } күннен аспауы керек, { $days } көрсетілген.
admin-hours-modules-sum = Қағидалардың 4-қосымшасы: модульдер сағаттарының қосындысы { $modules_total }, ал курстың көлемі — { $hours }. Олар сәйкес келуі керек.
admin-hours-module-not-positive = Қағидалардың 4-қосымшасы: әр модульдің сағаты нөлден артық болуы керек, { $hours } көрсетілген.

admin-course-summary =
    <b>Курс</b>
    Тақырыбы (қаз.): { $topic_kk }
    Тақырыбы (орыс.): { $topic_ru }
    Түрі: { $kind }
    Нысаны: { $format }; қашықтықтан: { $distance }
    Сағат: { $hours }; шетелдегі күндер: { $days }
    Модульдер:
    { $modules }
    Тілдері: { $languages }
    Ең жоғары балл: { $max_score }
admin-course-saved = ✅ № { $id } курс сақталды: { $topic }
