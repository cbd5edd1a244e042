# Тренер: бүгінгі сабақтар, белгілеуді іске қосу (код және QR), тыңдаушылар тізімі, қолмен белгілеу.

trainer-refused = Бұл тек осы ағынның тренерлеріне қолжетімді. Әрекет журналға жазылды.
trainer-refused-not-private = Тренер командалары тек ботпен жеке чатта жұмыс істейді. Әрекет журналға жазылды.
trainer-refused-not-trainer = Бұл тек тренерлерге қолжетімді. Әрекет журналға жазылды.
trainer-agenda-title = 🧑‍🏫 Бүгінгі сабақтарыңыз, { $date }:
trainer-agenda-item =
    • { $start }–{ $end } · { $cohort } ағыны · { $topic }
      📍 { $place }
trainer-agenda-empty = Бүгін ({ $date }) сізде сабақ жоқ.
trainer-btn-start-checkin = ▶️ Белгілеу { $start } · { $cohort }
trainer-btn-roster = 👥 Тыңдаушылар { $start } · { $cohort }
trainer-btn-calendar = 📅 Күнтізбеге қосу: { $cohort }
trainer-btn-stop = ⏹ Белгілеуді тоқтату
trainer-board =
    Сабаққа белгілену: { $topic }, { $cohort } ағыны
    Код: <b>{ $code }</b>
    Белгіленгендер: { $total } тыңдаушының { $count }
    Код әр 30 секунд сайын ауысады. Тыңдаушылар оны ботқа енгізеді немесе QR-кодты сканерлейді.
trainer-board-closed =
    Белгілену жабылды: { $topic }, { $cohort } ағыны.
    Белгіленгендер: { $total } тыңдаушының { $count }.
trainer-board-not-open = Белгілеуді сабақ басталардан 15 минут бұрын іске қосуға болады (уақыты: { $opens }).
trainer-board-ended = Сабақ аяқталды, белгілену жабық. Тыңдаушыны тыңдаушылар тізімінде қолмен белгілеуге болады.
trainer-roster-title = 👥 { $cohort } ағыны, сабақ: { $when }. Сабаққа қатысу кесте бойынша барлық { $total } сабақтан есептеледі.
trainer-roster-row = { $mark } { $name } — { $total } сабақтың { $attended } сабағы ({ $percent } %){ $failed ->
        [0] {""}
       *[other] , қате кодтар: { $failed }
    }{ $unreachable ->
        [yes] , ⚠ 80 % жинау енді мүмкін емес
       *[no] {""}
    }
trainer-roster-empty = Бұл ағында әзірге тыңдаушылар жоқ.
trainer-roster-mark-hint = Тыңдаушыны қолмен белгілеу үшін оның атын басыңыз.
trainer-btn-mark = ✍ Белгілеу: { $name }
trainer-mark-ask-reason = { $name } неге қолмен белгіленеді? Себебін жазыңыз (300 таңбаға дейін) немесе /cancel жіберіңіз.
trainer-mark-done = ✅ { $name } сабаққа қолмен белгіленді. Себебі: { $reason }
trainer-mark-already = { $name } бұл сабаққа белгіленіп қойған.
trainer-mark-not-started = Сабақ әлі басталған жоқ: қолмен белгілеу белгілену ашылғаннан кейін, сабаққа 15 минут қалғанда мүмкін болады.
trainer-mark-not-in-cohort = Бұл тыңдаушы сабақтың ағынында оқымайды; ештеңе өзгерген жоқ.
trainer-mark-reason-required = Себебін мәтінмен жазыңыз.
trainer-mark-reason-too-long = Себебі тым ұзын: { $length } таңба, 300-ден аспауы керек.
trainer-calendar-caption = 📅 { $cohort } ағынының сабақ кестесі: { $topic }. Сабақтарды күнтізбеге қосу үшін файлды ашыңыз.
trainer-warning-to-teacher =
    ⚠ «{ $topic }» курсы бойынша сабаққа қатысу ({ $cohort } ағыны): { $total } сабақтың { $attended } сабағына қатыстыңыз, { $remaining } сабақ қалды.
    Қалған сабақтардың бәріне қатысқанның өзінде 80 % (Қағидалардың 24.3-тармағы) жинау мүмкін емес, сондықтан бұл курс бойынша сертификат берілмейді. Тренерге немесе ұйымға хабарласыңыз: дәлелді себеп болса, басқа ағынға ауысуға болады (31-тармақ).
trainer-warning-to-trainer =
    ⚠ { $name } тыңдаушы ({ $cohort } ағыны) енді сабаққа қатысудың 80 %-ын жинай алмайды: { $total } сабақтың { $attended } сабағына қатысты, { $remaining } сабақ қалды.
