# Screens: stale buttons, alerts to admins, menus, file names (issue 13, items 3–7)

screens-application-decided = { $status ->
    [approved] Заявление № { $id } уже одобрено: { $who }, { $when }.
    [rejected] Заявление № { $id } уже отклонено: { $who }, { $when }.
    [enrolled] Педагог по заявлению № { $id } уже зачислен приказом.
    [withdrawn] Заявление № { $id } отозвано педагогом.
   *[other] По заявлению № { $id } решение уже принято.
}
screens-request-decided = { $status ->
    [approved] Заявка № { $id } уже одобрена: { $who }, { $when }.
    [rejected] Заявка № { $id } уже отклонена: { $who }, { $when }.
   *[other] По заявке № { $id } решение уже принято.
}

cmd-schedule = Расписание потока в календарь (.ics)
cmd-requests = Заявки: повторное оценивание, перевод (п. 31 Правил)
cmd-support = Посткурсовое сопровождение
cmd-mydata = Мои данные: выгрузка и удаление

screens-help-commands = Команды:
screens-mycourses-more = 📅 /schedule — расписание в календарь (.ics) · 📝 /requests — заявки (п. 31 Правил) · 🤝 /support — сопровождение после курса

screens-language-taken = Язык бота — русский, как в вашем Telegram. Чтобы перейти на казахский, нажмите кнопку ниже (или /language).
