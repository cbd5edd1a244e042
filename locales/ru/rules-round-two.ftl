# Rules, round two (issue 14): reminders, §23 course and schedule checks, §24, §31, §33.

reminder-soon =
    ⏰ Скоро занятие: { $when }.
    { $topic } (поток { $cohort })
    📍 { $place }
    Отметка открывается за 15 минут до начала.
reminder-trainer-soon =
    ⏰ Скоро ваше занятие: { $when }.
    { $topic } (поток { $cohort })
    📍 { $place }
    Запустите отметку в меню «🧑‍🏫 Занятия тренера».

results-score-refused-no-next-cohort-request = Нет одобренного заявления на повторное оценивание со следующим потоком, или балл по нему уже внесён (п. 31 Правил): ничего не сохранено.

trainer-mark-no-agreement = { $name } ещё не принял(а) договор на обучение (п. 24 Правил): отметить посещение можно только после того, как договор принят. Ничего не изменено.
