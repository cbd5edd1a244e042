## The form kit: every multi-step flow's buttons and answers (bot/ui/forms).

form-back = ⬅️ Артқа
form-cancel = ✖️ Бас тарту
form-edit = ✏️ Өзгерту
form-skip = ⏭ Өткізіп жіберу
form-to-summary = 📋 Жиынтық
form-current = Қазіргі жауап: { $value }
form-summary-line = <b>{ $label }:</b> { $value }
form-skipped = —
form-check = Тексеріңіз. Бәрі дұрыс болса, растаңыз; әзірге ештеңе сақталған жоқ.
form-cancelled = ✖️ Бас тартылды, ештеңе сақталған жоқ.
form-stale = Бұл батырма ескірген: форма жабылған.
form-already-done = Бұл әрекет орындалып қойған.
form-use-buttons = Жауапты хабарлама астындағы батырмамен таңдаңыз.
form-send-text = Жауапты мәтінмен жіберіңіз.
form-empty = Жауап бос. Мәтінмен жазыңыз.
form-too-long = Мәтін тым ұзын: { $length } таңба, ең көбі { $max } таңба болуы керек. Қысқартып, қайта жіберіңіз.
form-bad-date = Күнді КК.АА.ЖЖЖЖ түрінде жазыңыз, мысалы, 15.09.2026.
form-date-too-early = Күн { KK($earliest, case: "ablative") } ерте болмауы керек.
form-date-too-late = Күн { KK($latest, case: "ablative") } кеш болмауы керек.
form-bad-number = { KK($min, case: "ablative") } { KK($max, case: "dative") } дейінгі бүтін сан жазыңыз.
form-done = ✔️ Дайын
form-page-previous = ◀️
form-page-next = ▶️
