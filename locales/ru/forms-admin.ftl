## Admin forms' summaries and the labels of their answers (bot/ui/forms).

admin-order-summary = 📄 Приказ о зачислении на поток { $code }
admin-order-confirm = ✅ Издать приказ и уведомить слушателей
admin-order-label-number = Номер приказа
admin-order-label-date = Дата приказа
admin-order-label-letter-number = Письмо-основание, №
admin-order-label-letter-date = Дата письма
admin-order-label-department = Управление (отдел) образования

results-expel-label-reason = Причина
results-expel-label-order = Приказ №
results-expel-label-commission = Решение комиссии №
results-expel-label-commission-date = Дата решения комиссии
