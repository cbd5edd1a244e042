## Admin and trainer forms (bot/ui/forms), second part: sessions, courses, scores, roles,
## decisions, consultation answers, attendance marks, deletions.

form-lost = Бұл пішін ескірді: бұрын берілген жауаптар сақталмаған. Қайтадан бастаңыз: /menu
form-bad-time = Уақытты СС:ММ түрінде жазыңыз, мысалы, 09:00.

admin-session-ask-day = { $code } ағынына сабақ қосу. Оқу мерзімі: { $starts } – { $ends }. Сабақтың күні (КК.АА.ЖЖЖЖ):
admin-session-ask-time = Басталу уақыты (СС:ММ, мысалы, 09:00):
admin-session-ask-hours = Академиялық сағат саны (1-ден { KK($max, case: "dative") } дейін):
admin-session-ask-place = Аудитория немесе онлайн сабақтың сілтемесі:
admin-session-outside = Бұл күн ағынның оқу мерзімінен тыс ({ $starts } – { $ends }). Басқа күнді жазыңыз.
admin-session-summary = 🗓 { $code } ағынына жаңа сабақ
admin-session-confirm = ✅ Сабақты қосу
admin-session-label-day = Күні
admin-session-label-time = Уақыты
admin-session-label-hours = Академиялық сағат
admin-session-label-place = Аудитория / сілтеме
admin-session-added = ✅ Сабақ кестеге қосылды.
admin-session-another = ➕ Тағы бір сабақ қосу
admin-session-refused-outside-dates = Сабақ қосылмады: күні ағынның оқу мерзімінен тыс.
admin-session-refused-clash = Сабақ қосылмады: бұл уақытта ағынның басқа сабағы бар.

admin-course-form-summary = { $id ->
    [0] 📚 Жаңа курс
   *[other] 📚 № { $id } курс
}
admin-course-confirm = 💾 Курсты сақтау
admin-course-label-topic-kk = Тақырыбы (қаз.)
admin-course-label-topic-ru = Тақырыбы (орыс.)
admin-course-label-kind = Түрі
admin-course-label-format = Оқыту нысаны
admin-course-label-distance = Қашықтықтан оқыту
admin-course-label-duration-days = Шетелдегі күндер
admin-course-label-hours = Академиялық сағат
admin-course-label-modules = Модульдер
admin-course-label-languages = Оқыту тілдері
admin-course-label-max-score = Ең жоғары балл
admin-course-module-line = • { $kk } / { $ru } — { $hours } сағ.

results-form-ask-score = { $again ->
    [yes] Қайта бағалау (Қағидалардың 31-тармағы).
   *[no] Қорытынды тестілеу.
} Тыңдаушы: <b>{ $name }</b>. Балды енгізіңіз — 0 және { $max } аралығындағы бүтін сан.
results-score-summary = { $again ->
    [yes] 📝 Қайта бағалау: <b>{ $name }</b>
   *[no] 📝 Қорытынды тестілеу: <b>{ $name }</b>
}
results-bad-score = Балл 0 және { $max } аралығындағы бүтін сан болуы керек. Қайта енгізіңіз.
results-score-confirm = ✅ Балды сақтау
results-label-score = Балл (ең жоғары балл: { $max })
results-label-grade = «{ $module }» модулі

admin-role-summary = 👤 { $name }: рөлді өзгерту
admin-role-confirm = ✅ Растау
admin-role-ask-act = Адам: { $name }. Не істеу керек?
admin-role-label-act = Әрекет

admin-application-summary = 📨 № { $id } өтініш: { $name }
admin-application-confirm = ✅ Шешімді растау
admin-application-ask-decision = № { $id } өтініш бойынша шешім:
admin-application-label-decision = Шешім
admin-application-label-reason = Қабылдамау себебі

results-request-summary = 📝 № { $id } өтініш: { $name }, { $kind }
results-request-confirm = ✅ Шешімді растау
results-request-ask-decision = № { $id } өтініш бойынша шешім ({ $kind }):
results-request-label-decision = Шешім
results-request-label-note = Қабылдамау себебі

results-answer-summary = 💬 № { $id } сұрауға жауап: { $name }
results-answer-confirm = ✅ Жауапты жіберу
results-answer-label = Жауап

trainer-mark-summary = ✍ Қатысуды қолмен белгілеу: { $name }
trainer-mark-confirm = ✅ Қатысуын белгілеу
trainer-mark-label-reason = Себебі

admin-deletion-summary = { $kept ->
    [yes] 🗑 Деректерді жою сұрауы: <b>{ $name }</b>. Жойылса: ЖСН, телефон, жұмыс орны, лауазымы, сұрақтары мен өтініштерінің мәтіні жойылады, Telegram чаты байланыстан ажыратылады; № { $numbers } құжаттары тексерілетіндей аты-жөні мен сол курстардағы қатысу және нәтижелері сақталады. Жоюды қайтару мүмкін емес.
   *[no] 🗑 Деректерді жою сұрауы: <b>{ $name }</b>. Құжат берілмеген: жойылса, жазба толығымен жойылады. Жоюды қайтару мүмкін емес.
}
admin-deletion-confirm = ✅ Растау
admin-deletion-ask-decision = Деректерді жою сұрауы: <b>{ $name }</b>. Не істеу керек?
admin-deletion-label-decision = Шешім
admin-course-label-grading-scale = Модуль бағаларының шкаласы
