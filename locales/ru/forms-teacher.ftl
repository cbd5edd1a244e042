## Формы учителя (bot/ui/forms): сводки, кнопки подтверждения, подписи ответов.

# ответ не текстом (контакт, файл)
form-contact-hint = 👇 Кнопка — под полем ввода.
form-received = ✅ Получено.
form-received-count = ✅ Получено файлов: { $count }. Отправьте ещё или нажмите «Готово».

forms-teacher-profile-title = 👤 Ваш профиль
forms-teacher-profile-confirm = ✅ Сохранить профиль
forms-teacher-profile-change = ✏️ Изменить профиль
forms-teacher-profile-full-name = ФИО
forms-teacher-profile-iin = ИИН
forms-teacher-profile-phone = Телефон
forms-teacher-profile-position = Должность
forms-teacher-profile-school-name = Организация образования
forms-teacher-profile-employer-contact = Контакт работодателя

forms-teacher-apply-title = { $fixed ->
        [none]
            <b>📝 Заявление на курс</b>
            Курс: { $topic } (поток { $code })
            Язык обучения: { $language }
       *[other]
            <b>📝 Заявление на курс</b>
            Курс: { $topic } (поток { $code })
            Язык обучения: { $language }
            Продолжительность: { $fixed }
    }
forms-teacher-apply-confirm = ✅ Подать заявление
forms-teacher-apply-head = Руководитель организации образования
forms-teacher-apply-duration = Продолжительность
forms-teacher-apply-country = Страна обучения

forms-teacher-request-title = <b>📝 Заявка (п. 31 Правил): { $kind }</b>
forms-teacher-request-confirm = ✅ Подать заявку
forms-teacher-request-target = Поток
forms-teacher-request-reason = Причина
forms-teacher-request-documents = Документов

forms-teacher-support-title = <b>🤝 { $kind }</b>
    По курсу «{ $topic }»
forms-teacher-support-confirm = ✅ Отправить тренеру
forms-teacher-support-question = Вопрос
