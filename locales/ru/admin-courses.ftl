# Администрирование: курсы (§5 форма, §23 вид и часы, модули).

admin-courses-list = Курсов: { $count }. Выберите курс, чтобы изменить его, или создайте новый.
admin-course-new = ➕ Новый курс

admin-course-ask-topic-kk = Тема курса на казахском языке (как в сертификате):
admin-course-ask-topic-ru = Тема курса на русском языке:
admin-course-ask-kind = Вид курса (п. 23 Правил):
admin-course-ask-format = Форма обучения (п. 5 Правил):
admin-course-ask-distance = Применяется ли дистанционное обучение?
admin-course-ask-duration-days = Продолжительность обучения за рубежом в календарных днях (не больше 365):
admin-course-ask-hours = Объём курса в академических часах (1 академический час = 45 минут):
admin-course-ask-modules =
    Модули программы, каждый с новой строки:
    <code>Название на казахском | Название на русском | часы</code>
    Сумма часов модулей должна равняться объёму курса.
admin-course-ask-languages = Языки обучения:
admin-course-ask-max-score = Максимальный балл итогового тестирования (от 1 до 1000):

admin-course-kind-short = Краткосрочный (36–108 ч)
admin-course-kind-long = Длительный (более 108 ч)
admin-course-kind-internship = Стажировка педагогов ТиПО (от 36 ч)
admin-course-kind-abroad-short = Краткосрочный за рубежом (36–108 ч)
admin-course-kind-abroad-long = Длительный за рубежом (до 1 года)
admin-course-format-without-leave = Без отрыва от трудовой деятельности
admin-course-format-with-leave = С отрывом, с сохранением зарплаты
admin-course-format-abroad = За рубежом
admin-course-format-combined = Комбинированная
admin-course-distance-yes = Да, дистанционно
admin-course-distance-no = Нет, очно
admin-course-languages-kk = казахский
admin-course-languages-ru = русский
admin-course-languages-kk-ru = казахский и русский

admin-course-bad-topic = Тема должна быть длиной от 3 до { $max } символов.
admin-course-bad-number = Нужно целое положительное число, например 72.
admin-course-bad-max-score = Максимальный балл — целое число от 1 до { $max }.
admin-course-bad-module-line = Не понял строку «{ $line }». Нужен формат: <code>Название на казахском | Название на русском | часы</code>.
admin-course-bad-modules-count = Нужен хотя бы один модуль и не больше { $max }.

admin-hours-not-positive = { $rule }: объём курса должен быть больше нуля, указано { $hours }.
admin-hours-short-range = { $rule }: краткосрочный курс длится от { $min } до { $max } академических часов, указано { $hours }.
admin-hours-long-min = { $rule }: длительный курс — более 108 академических часов, то есть не меньше { $min }; указано { $hours }.
admin-hours-internship-min = { $rule }: стажировка длится не меньше { $min } академических часов, указано { $hours }.
admin-hours-abroad-short-range = { $rule }: краткосрочный курс за рубежом длится от { $min } до { $max } академических часов, указано { $hours }.
admin-hours-abroad-long-duration-required = { $rule }: для длительного курса за рубежом укажите продолжительность в днях.
admin-hours-abroad-long-max-year = { $rule }: курс за рубежом длится до 1 года — не больше { $max } дней, указано { $days }.
admin-hours-modules-sum = Приложение 4 к Правилам: часы модулей в сумме дают { $modules_total }, а объём курса — { $hours }. Они должны совпадать.
admin-hours-module-not-positive = Приложение 4 к Правилам: у каждого модуля должно быть больше нуля часов, указано { $hours }.

admin-course-saved = ✅ Курс № { $id } сохранён: «{ $topic }».

# Ссылки на пункты Правил вместо внутренних id домена (CourseHoursError.rule_id): bot/handlers/admin/courses.py.
rule-citation-23 = Пункт 23 Правил
rule-citation-23-1 = Подпункт 1) пункта 23 Правил
rule-citation-23-2 = Подпункт 2) пункта 23 Правил
rule-citation-23-3 = Подпункт 3) пункта 23 Правил
rule-citation-23-abroad-1 = Подпункт 1) части второй пункта 23 Правил
rule-citation-23-abroad-2 = Подпункт 2) части второй пункта 23 Правил
rule-citation-app-4 = Приложение 4 к Правилам
