# Учитель: договор (п. 24) и «Мои курсы» (посещаемость, результаты, итог).

agreement-text =
    <b>Договор на обучение (п. 24 Правил)</b>

    { $organization } и слушатель курса «{ $topic }» (поток { $code }, { $starts } — { $ends }).

    Слушатель обязуется:
    { $conditions }
agreement-condition-follow-plan-and-schedule = 1) обучаться согласно установленному учебному плану, графику и расписанию занятий;
agreement-condition-discipline-and-respect = 2) соблюдать учебную дисциплину и нормы поведения, проявлять уважение к профессорско-преподавательскому составу и другим обучающимся, не посягать на их честь и достоинство;
agreement-condition-attend-80-percent = 3) посещать не менее 80 % от всех занятий согласно расписанию курса;
agreement-condition-final-test-50-percent = 4) пройти итоговое тестирование в объёме не менее 50 % от максимального балла.
agreement-condition-employer-notified-on-breach = При нарушении слушателем условий договора Организация уведомляет работодателя и (или) органы образования (п. 24, 32 Правил).
agreement-accept-button = ✅ Принимаю условия договора
agreement-accepted = Договор по курсу «{ $topic }» принят { $date }, теперь можно отмечаться на занятиях.
agreement-refused-not-found = Эта кнопка устарела или недоступна. Откройте «🎓 Мои курсы» заново.
agreement-refused-not-enrolled = Вы больше не обучаетесь в этом потоке: принимать договор не нужно.
agreement-refused-already-accepted = Вы уже приняли этот договор.

mycourses-none = У вас пока нет курсов и заявлений. Выберите курс: «📚 Курсы и запись».
mycourses-card =
    <b>🎓 { $topic }</b>
    Поток { $code }: { $starts } — { $ends }
mycourses-attendance = Посещаемость: { $attended } из { $total ->
        [one] { $total } занятия
       *[other] { $total } занятий
    } ({ $percent } %).
mycourses-attendance-met = Условие о посещаемости (80 %) выполнено.
mycourses-attendance-needed = Для 80 % нужно посетить ещё { $count ->
        [one] { $count } занятие
        [few] { $count } занятия
        [many] { $count } занятий
       *[other] { $count } занятия
    }.
mycourses-attendance-unreachable = Даже посетив все оставшиеся занятия, 80 % уже не набрать. Вы сможете подать заявку по п. 31 Правил командой /requests.
mycourses-score = Итоговое оценивание: { $score } из { $max } (проходной балл — { $pass_mark }).
mycourses-score-pending = Итоговое оценивание ещё не проведено. Проходной балл — { $pass_mark } из { $max }.
mycourses-module = • { $name } ({ $hours } ч): { $grade }
mycourses-agreement-needed = ⚠️ Договор на обучение не принят: без него отмечаться на занятиях нельзя.
mycourses-agreement-accepted = Договор принят: { $date }
mycourses-outcome-certificate = 🏅 Сертификат № { $number }, действителен до { $valid_until }
mycourses-outcome-certificate-pending = 🏅 Курс пройден. Сертификат готовится.
mycourses-outcome-reference =
    📄 Выдана справка о прослушивании курса, № { $number }.
    Вы можете подать заявку командой /requests: на повторное оценивание (не чаще раза в год), на повторное оценивание со следующим потоком, на перевод в другой поток в текущем году по уважительной причине, на завершение прерванного курса с подтверждающими документами.
mycourses-outcome-expelled = ⛔ Вы отчислены (приказ № { $order }). Причина: { $reason }
mycourses-read-agreement = 📄 Прочитать и принять договор
mycourses-resend = 📨 Отправить мои документы ещё раз
mycourses-resend-none = Документы по этому курсу ещё не выданы.
mycourses-applications = <b>Мои заявления на курсы</b>
mycourses-application-submitted = • { $topic } — на рассмотрении
mycourses-application-approved = • { $topic } — одобрено, ждите приказа о зачислении
mycourses-application-rejected = • { $topic } — отклонено: { $reason }
