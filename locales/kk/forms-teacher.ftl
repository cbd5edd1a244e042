## Мұғалімнің формалары (bot/ui/forms): жиынтықтар, растау батырмалары, жауаптардың атаулары.

# мәтін емес жауап (контакт, файл)
form-contact-hint = 👇 Батырма енгізу жолының астында.
form-received = ✅ Алынды.
form-received-count = ✅ Алынған файлдар: { $count }. Тағы жіберіңіз немесе «Дайын» батырмасын басыңыз.

forms-teacher-profile-title = 👤 Сіздің профиліңіз
forms-teacher-profile-confirm = ✅ Профильді сақтау
forms-teacher-profile-change = ✏️ Профильді өзгерту
forms-teacher-profile-full-name = Аты-жөні
forms-teacher-profile-iin = ЖСН
forms-teacher-profile-phone = Телефон нөмірі
forms-teacher-profile-position = Лауазымы
forms-teacher-profile-school-name = Білім беру ұйымы
forms-teacher-profile-employer-contact = Жұмыс берушінің байланысы

forms-teacher-apply-title = { $fixed ->
        [none]
            <b>📝 Курсқа өтініш</b>
            Курс: { $topic } ({ $code } ағыны)
            Оқыту тілі: { $language }
       *[other]
            <b>📝 Курсқа өтініш</b>
            Курс: { $topic } ({ $code } ағыны)
            Оқыту тілі: { $language }
            Ұзақтығы: { $fixed }
    }
forms-teacher-apply-confirm = ✅ Өтініш беру
forms-teacher-apply-head = Білім беру ұйымының басшысы
forms-teacher-apply-duration = Ұзақтығы
forms-teacher-apply-country = Оқу елі

forms-teacher-request-title = <b>📝 Өтініш (Қағидалардың 31-тармағы): { $kind }</b>
forms-teacher-request-confirm = ✅ Өтініш беру
forms-teacher-request-target = Ағын
forms-teacher-request-reason = Себебі
forms-teacher-request-documents = Құжаттар саны

forms-teacher-support-title = <b>🤝 { $kind }</b>
    «{ $topic }» курсы бойынша
forms-teacher-support-confirm = ✅ Тренерге жіберу
forms-teacher-support-question = Сұрақ
