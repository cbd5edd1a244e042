# Уведомления педагогу о решениях администратора (отправляются через очередь).

admin-notice-application-approved = ✅ Ваше заявление на курс «{ $topic }» (поток { $code }, начало { $starts }) одобрено. После приказа о зачислении придёт подтверждение.
admin-notice-application-rejected = Ваше заявление на курс «{ $topic }» (поток { $code }, начало { $starts }) отклонено. Причина: { $reason }
admin-notice-enrolled = 🎓 Вы зачислены на курс «{ $topic }» (поток { $code }) приказом № { $order }. Обучение с { $starts } по { $ends }.
