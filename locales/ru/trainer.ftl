# Тренер: занятия на сегодня, запуск отметки (код и QR), список слушателей, ручная отметка.

trainer-refused = Это доступно только тренерам этого потока. Попытка записана в журнал.
trainer-refused-not-private = Команды тренера работают только в личном чате с ботом. Попытка записана в журнал.
trainer-refused-not-trainer = Это доступно только тренерам. Попытка записана в журнал.
trainer-agenda-title = 🧑‍🏫 Ваши занятия на сегодня, { $date }:
trainer-agenda-item =
    • { $start }–{ $end } · поток { $cohort } · { $topic }
      📍 { $place }
trainer-agenda-empty = На сегодня ({ $date }) у вас нет занятий.
trainer-btn-start-checkin = { $start } ▶️ Отметка
trainer-btn-roster = { $start } 👥 Слушатели
trainer-btn-calendar = 📅 В календарь: { $cohort }
trainer-btn-stop = ⏹ Остановить отметку
trainer-board =
    Отметка на занятии: { $topic }, поток { $cohort }
    Код: <b>{ $code }</b>
    Отметились: { $count } из { $total }
    Код меняется каждые 30 секунд. Слушатели вводят его в боте или сканируют QR-код.
trainer-board-closed =
    Отметка закрыта: { $topic }, поток { $cohort }.
    Отметились: { $count } из { $total }.
trainer-board-not-open = Отметку можно запустить с { $opens }: за 15 минут до начала занятия.
trainer-board-ended = Занятие уже закончилось, отметка закрыта. Отметить слушателя можно вручную в списке слушателей.
trainer-roster-title = 👥 Поток { $cohort }, занятие { $when }. Посещаемость считается от всех занятий по расписанию: { $total ->
        [one] { $total } занятие
        [few] { $total } занятия
        [many] { $total } занятий
       *[other] { $total } занятия
    }.
trainer-roster-row = { $mark } { $name } — { $attended } из { $total } ({ $percent } %){ $failed ->
        [0] {""}
       *[other] , неверных кодов: { $failed }
    }{ $unreachable ->
        [yes] , ⚠ 80 % уже недостижимо
       *[no] {""}
    }
trainer-roster-empty = В этом потоке пока нет слушателей.
trainer-roster-mark-hint = Чтобы отметить слушателя вручную, нажмите на его имя.
trainer-btn-mark = ✍ Отметить: { $name }
trainer-mark-ask-reason = Отметка вручную: { $name }. Напишите причину отметки (до 300 знаков):
trainer-mark-done = ✅ { $name } отмечен(а) на занятии вручную. Причина: { $reason }
trainer-mark-already = { $name } уже отмечен(а) на этом занятии.
trainer-mark-not-started = Занятие ещё не началось: отмечать вручную можно с начала отметки, за 15 минут до занятия.
trainer-mark-not-in-cohort = Этот слушатель не учится в потоке занятия; ничего не изменено.
trainer-mark-reason-required = Напишите причину текстом.
trainer-mark-reason-too-long = Причина слишком длинная: { $length ->
        [one] { $length } знак
        [few] { $length } знака
        [many] { $length } знаков
       *[other] { $length } знака
    }, можно не больше 300.
trainer-calendar-caption = 📅 Расписание потока { $cohort }: { $topic }. Откройте файл, чтобы добавить занятия в календарь.
trainer-warning-to-teacher =
    ⚠ Посещаемость по курсу «{ $topic }» (поток { $cohort }): вы посетили { $attended } из { $total ->
        [one] { $total } занятия
       *[other] { $total } занятий
    }, осталось { $remaining }.
    Даже если посетить все оставшиеся занятия, 80 % (п. 24.3 Правил) уже не набрать, поэтому сертификат по этому курсу выдан не будет. Обратитесь к тренеру или в организацию: при уважительной причине возможен перевод в другой поток (п. 31 Правил).
trainer-warning-to-trainer =
    ⚠ Слушатель { $name } (поток { $cohort }) уже не может набрать 80 % посещаемости: посещено { $attended } из { $total }, осталось { $remaining }.
