## Admin forms' summaries and the labels of their answers (bot/ui/forms).

admin-order-summary = 📄 Приказ о зачислении на поток { $code }
admin-order-confirm = ✅ Издать приказ и уведомить слушателей
admin-order-label-number = Номер приказа
admin-order-label-date = Дата приказа
admin-order-label-letter-number = Письмо-основание, №
admin-order-label-letter-date = Дата письма
admin-order-label-department = Управление (отдел) образования, на казахском
admin-order-label-department-ru = Управление (отдел) образования, на русском

results-expel-label-reason = Причина
results-expel-label-order = Приказ №
results-expel-label-commission = Решение комиссии №
results-expel-label-commission-date = Дата решения комиссии

admin-cohort-summary = 👥 Новый поток
admin-cohort-confirm = ✅ Создать поток
admin-cohort-label-course = Курс
admin-cohort-label-code = Код
admin-cohort-label-starts = Начало
admin-cohort-label-ends = Окончание
admin-cohort-label-language = Язык обучения
admin-cohort-label-seats = Мест
admin-cohort-label-trainers = Тренеры
