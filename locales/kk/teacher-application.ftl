# Мұғалім: ашық ағындар және өтініш (10-тармақ, 1–2-қосымшалар).

courses-header = <b>📚 Ашық ағындар</b> (бет: { $page } / { $pages })
courses-none = Қазір жазылуға ашық ағын жоқ. Кейінірек қараңыз.
courses-item =
    <b>{ $topic }</b>
    Ағын: { $code }
    Нысаны: { $format }
    Мерзімі: { $starts } — { $ends }
    Оқыту тілі: { $language }
    Көлемі: { $hours } акад. сағ.
    Бос орын: { $seats }
courses-apply-button = 📝 Өтініш беру: { $code }
courses-format-without-leave = еңбек қызметінен қол үзбей
courses-format-with-leave = еңбек қызметінен қол үзіп
courses-format-abroad = шетелде
courses-format-combined = аралас

apply-lang-kk = қазақ тілі
apply-lang-ru = орыс тілі
apply-lang-en = ағылшын тілі
apply-duration-3-months = 3 айға дейінгі курстар
apply-duration-1-year = 1 жылға дейінгі курстар

apply-intro-domestic = «{ $topic }» курсына Қағидалардың 1-қосымшасындағы нысан бойынша өтініш толтырайық. Аты-жөніңізді, лауазымыңызды және білім беру ұйымыңызды профильден аламыз.
apply-intro-abroad = Шетелдегі «{ $topic }» курсына Қағидалардың 2-қосымшасындағы нысан бойынша өтініш толтырайық. Аты-жөніңізді, лауазымыңызды және білім беру ұйымыңызды профильден аламыз.
apply-ask-head = Өтініш білім беру ұйымыңыздың ({ $school }) басшысына жолданады. Басшының тегін, атын, әкесінің атын жазыңыз.
apply-ask-duration = Қандай курстарға өтініш бересіз?
apply-ask-country = Оқу қай елде өтеді?
apply-error-country = Елдің атауын жазыңыз (100 таңбадан аспасын).

apply-submitted = «{ $topic }» курсына өтініш берілді. Шешімі осы жерге келеді.
apply-file-name = Өтініш-{ $number }
apply-file-caption = Толтырылған өтініш. Басып шығарып, қол қойып, білім беру ұйымының басшысына тапсырыңыз.

apply-refused-no-profile = Алдымен профильді толтырыңыз: «👤 Менің профилім».
apply-refused-unknown-cohort = Мұндай ағын жоқ. Курстар тізімін қайта ашыңыз: /courses
apply-refused-closed = Бұл ағынға жазылу жабық.
apply-refused-full = Бұл ағында бос орын қалмады.
apply-refused-duplicate = Сіз бұл ағынға өтініш беріп қойғансыз.
apply-refused-already-enrolled = Сіз бұл ағынға қабылданғансыз.
apply-refused-bad-answer = Өтініштің барлық жолы толтырылмаған. Қайта бастаңыз: /courses

application-status-approved = «{ $topic }» курсына өтінішіңіз мақұлданды. Қабылдау туралы бұйрықты күтіңіз.
application-status-rejected = «{ $topic }» курсына өтінішіңіз қабылданбады. Себебі: { $reason }
application-status-enrolled = Сіз «{ $topic }» курсына қабылдандыңыз, басталуы — { $starts_on }. Оқуға арналған шартты «🎓 Менің курстарым» бөлімінде оқып, қабылдаңыз.
