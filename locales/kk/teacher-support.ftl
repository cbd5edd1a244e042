# Мұғалім: посткурстық сүйемелдеу (36–37-тармақтар).

support-none = Посткурстық сүйемелдеу курсты сәтті аяқтағаннан кейін бір жыл бойы қолжетімді. Сізде әзірге аяқталған курс жоқ.
support-open = <b>{ $topic }</b>. Сүйемелдеу { KK($date, case: "accusative") } қоса алғанда қолжетімді. Немен көмектесейік?
support-ended = <b>{ $topic }</b>. Посткурстық сүйемелдеу кезеңі (бір жыл) { KK($date, case: "locative") } аяқталды.
support-kind-consultation = Әдістемелік немесе консультациялық көмек
support-kind-publication = Жарияланымға көмек
support-kind-community-event = Кәсіби қоғамдастық, іс-шара
support-ask-question = Сұрағыңызды бір хабарламамен жазыңыз (2000 таңбадан аспасын). Оны ағыныңыздың тренері алады.
support-sent = Сұрақ тренерге жіберілді. Жауабы осы чатқа келеді.
support-mine-header = <b>Менің сұрақтарым</b>
support-mine-item =
    ❓ { $question }
    💬 { $answer }
support-awaiting = тренердің жауабын күтуде
support-refused-not-found = Бұл батырма ескірген немесе қолжетімсіз. /support командасын қайта жіберіңіз.
support-refused-period-ended = Посткурстық сүйемелдеу кезеңі { KK($date, case: "locative") } аяқталды.
support-refused-empty = Сұрақты мәтінмен жазыңыз.
support-refused-too-long = Хабарлама тым ұзын: 2000 таңбадан аспасын.

support-new-question =
    <b>Посткурстық сүйемелдеу бойынша жаңа сұрақ</b>
    Тыңдаушы: { $teacher }
    Курс: { $topic }

    { $question }
support-answer =
    <b>Тренердің жауабы</b>
    Сіздің сұрағыңыз: { $question }

    { $answer }
