# Учитель: открытые потоки и заявление (п. 10, приложения 1–2).

courses-header = <b>📚 Открытые потоки</b> (страница { $page } из { $pages })
courses-none = Сейчас нет потоков, открытых для записи. Загляните позже.
courses-item =
    <b>{ $topic }</b>
    Поток: { $code }
    Форма: { $format }
    Даты: { $starts } — { $ends }
    Язык обучения: { $language }
    Объём: { $hours } акад. ч.
    Свободных мест: { $seats }
courses-apply-button = 📝 Подать заявление: { $code }
courses-format-without-leave = без отрыва от трудовой деятельности
courses-format-with-leave = с отрывом от трудовой деятельности
courses-format-abroad = за рубежом
courses-format-combined = комбинированная

apply-lang-kk = казахский
apply-lang-ru = русский
apply-lang-en = английский
apply-duration-3-months = курсы до 3 месяцев
apply-duration-1-year = курсы до 1 года

apply-intro-domestic = Заполним заявление на курс «{ $topic }» по форме приложения 1 к Правилам. ФИО, должность и организацию образования возьмём из профиля.
apply-intro-abroad = Заполним заявление на курс «{ $topic }» за рубежом по форме приложения 2 к Правилам. ФИО, должность и организацию образования возьмём из профиля.
apply-ask-head = Заявление адресуется руководителю вашей организации образования ({ $school }). Введите ФИО руководителя.
apply-ask-duration = На какие курсы вы подаёте заявление?
apply-ask-country = В какой стране проходит обучение?
apply-error-country = Введите название страны (не больше 100 символов).

apply-submitted = Заявление на курс «{ $topic }» подано. О решении сообщим здесь же.
apply-file-name = Заявление-{ $number }
apply-file-caption = Заполненное заявление. Распечатайте, подпишите и передайте руководителю организации образования.

apply-refused-no-profile = Сначала заполните профиль: «👤 Профиль».
apply-refused-unknown-cohort = Такого потока нет. Откройте список курсов заново: /courses
apply-refused-closed = Запись на этот поток закрыта.
apply-refused-full = В этом потоке не осталось свободных мест.
apply-refused-duplicate = Вы уже подали заявление в этот поток.
apply-refused-already-enrolled = Вы уже зачислены в этот поток.
apply-refused-bad-answer = В заявлении не заполнены все поля. Начните заново: /courses

application-status-approved = Ваше заявление на курс «{ $topic }» одобрено. Ждите приказа о зачислении.
application-status-rejected = Ваше заявление на курс «{ $topic }» отклонено. Причина: { $reason }
application-status-enrolled = Вы зачислены на курс «{ $topic }», начало — { $starts_on }; прочитайте и примите договор в разделе «🎓 Мои курсы».
