# Учитель: посткурсовое сопровождение (п. 36–37 Правил).

support-none = Посткурсовое сопровождение доступно в течение года после успешного завершения курса. У вас пока нет завершённых курсов.
support-open = <b>{ $topic }</b>. Сопровождение доступно до { $date } включительно. Чем помочь?
support-ended = <b>{ $topic }</b>. Период посткурсового сопровождения (один год) закончился { $date }
support-kind-consultation = Методическая или консультационная помощь
support-kind-publication = Помощь с публикацией
support-kind-community-event = Профессиональное сообщество, мероприятие
support-ask-question = Опишите ваш вопрос или просьбу одним сообщением (не больше 2000 символов). Его получит тренер вашего потока.
support-sent = Вопрос отправлен тренеру. Ответ придёт в этот чат.
support-mine-header = <b>Мои вопросы</b>
support-mine-item =
    ❓ { $question }
    💬 { $answer }
support-awaiting = ждёт ответа тренера
support-refused-not-found = Эта кнопка устарела или недоступна. Откройте /support заново.
support-refused-period-ended = Период посткурсового сопровождения закончился { $date }
support-refused-empty = Напишите вопрос текстом.
support-refused-too-long = Слишком длинное сообщение: не больше 2000 символов.

support-new-question =
    <b>Новый вопрос посткурсового сопровождения</b>
    Слушатель: { $teacher }
    Курс: { $topic }

    { $question }
support-answer =
    <b>Ответ тренера</b>
    Ваш вопрос: { $question }

    { $answer }
