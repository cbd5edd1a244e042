# Администрирование: доступ, панель, роли.

admin-refused-not-private = Команды администратора работают только в личном чате с ботом. Попытка записана в журнал.
admin-refused-not-admin = Это доступно только администраторам. Попытка записана в журнал.

admin-panel = 🛠 Панель администратора. Выберите раздел:
admin-area-roles = 👥 Роли: тренеры и администраторы
admin-area-courses = 📘 Курсы
admin-area-cohorts = 🗓 Потоки, расписание, зачисление

admin-roles-list =
    <b>Тренеры</b>
    { $trainers }

    <b>Администраторы</b>
    { $admins }
admin-role-grant-trainer = ➕ Назначить тренером
admin-role-revoke-trainer = ➖ Снять роль тренера
admin-role-grant-admin = ➕ Назначить администратором
admin-role-revoke-admin = ➖ Снять роль администратора
admin-role-name-trainer = тренер курсов
admin-role-name-admin = администратор
admin-role-ask-person = Укажите человека: перешлите его сообщение, отправьте его контакт или напишите его @username. Он должен хотя бы раз запустить бота. /cancel — отмена.
admin-role-hidden-forward = Этот человек скрыл свой аккаунт при пересылке. Отправьте его контакт или @username.
admin-role-contact-without-telegram = У этого контакта нет аккаунта Telegram. Отправьте @username или перешлите его сообщение.
admin-role-unknown-person = Такой человек ещё не запускал бота. Попросите его открыть бота и нажать «Начать», затем повторите.
admin-role-granted = ✅ { $name } теперь { $role }.
admin-role-revoked = ✅ { $name } больше не { $role }.
admin-role-already-has = { $name } уже { $role }; ничего не изменено.
admin-role-does-not-have = { $name }: роли «{ $role }» нет; ничего не изменено.
admin-role-last-admin = Нельзя снять роль администратора: { $name } — последний администратор. Сначала назначьте другого.
admin-role-not-allowed = Это доступно только администраторам. Ничего не изменено.

admin-bad-date = Не понял дату. Напишите её в виде ДД.ММ.ГГГГ, например 01.12.2026.
admin-import-send-file = Отправьте файл таблицы (.xlsx или .csv) как документ. /cancel — отмена.

progress-line = ⏳ Обработка: { $done } / { $total }…
admin-form-expired = Эта форма устарела: введённые ранее ответы не сохранились. Начните заново из панели: /admin

# Кто заблокировал бота (/unreachable, bot/handlers/admin/unreachable.py).
admin-area-unreachable = 🚫 Заблокировали бота
cmd-unreachable = Кто заблокировал бота
admin-unreachable-empty = ✅ Никто не заблокировал бота: сообщения доходят до всех.
admin-unreachable-title = 🚫 { $total ->
    [one] { $total } человек заблокировал бота
    [few] { $total } человека заблокировали бота
    [many] { $total } человек заблокировали бота
   *[other] { $total } человека заблокировали бота
}: сообщения от бота им не доходят. Позвоните им или в их школу. Когда человек снова напишет боту, отметка снимется и недоставленные документы и уведомления придут ему снова.
admin-unreachable-phone = Телефон: { $phone }
admin-unreachable-since = Бот заблокирован: { $since }
admin-unreachable-cohorts = Потоки: { $cohorts }
admin-unreachable-no-cohorts = Потоки: нет
admin-unreachable-undelivered = Не доставлено: { $items }
admin-unreachable-nothing = Не доставлено: пока ничего
admin-unreachable-documents = { $count ->
    [one] { $count } документ
    [few] { $count } документа
    [many] { $count } документов
   *[other] { $count } документа
}
admin-unreachable-notices = { $count ->
    [one] { $count } уведомление
    [few] { $count } уведомления
    [many] { $count } уведомлений
   *[other] { $count } уведомления
}
admin-unreachable-page = Страница { $page } из { $pages }.

# Запросы на удаление данных (/deletions, bot/handlers/admin/deletions.py).
admin-area-deletions = 🗑 Запросы на удаление данных
cmd-deletions = Запросы на удаление данных
admin-deletions-empty = ✅ Запросов на удаление данных нет.
admin-deletions-title = 🗑 { $count ->
    [one] Ждёт { $count } запрос
    [few] Ждут { $count } запроса
    [many] Ждут { $count } запросов
   *[other] Ждут { $count } запроса
} на удаление данных. Чтобы выданные документы можно было проверить (п. 33 Правил), сохраняются ФИО, сертификаты и учебные данные этих курсов, остальное удаляется. Ошибочный или повторный запрос можно отклонить.
admin-deletion-iin = ИИН: { $iin }
admin-deletion-requested = Запрошено: { $at }
admin-deletion-cohorts = Потоки: { $cohorts }
admin-deletion-issued = Выданы документы: № { $numbers }
admin-deletion-nothing-issued = Документы не выдавались: запись будет удалена полностью.
admin-deletion-delete = 🗑 Удалить данные
admin-deletion-decline = Отклонить
admin-deletion-done-kept = ✅ Данные удалены. Документы № { $numbers } сохранены, чтобы их можно было проверить. Слушатель уведомлён.
admin-deletion-done-removed = ✅ Запись удалена полностью. Слушатель уведомлён.
admin-deletion-declined = Запрос отклонён, данные не изменились. Слушатель уведомлён.
admin-deletion-gone = Этого запроса больше нет: возможно, его уже выполнил или отклонил другой администратор.
