## Admin forms' summaries and the labels of their answers (bot/ui/forms).

admin-order-summary = 📄 { $code } ағынына қабылдау туралы бұйрық
admin-order-confirm = ✅ Бұйрық шығарып, тыңдаушыларға хабарлау
admin-order-label-number = Бұйрық нөмірі
admin-order-label-date = Бұйрық күні
admin-order-label-letter-number = Негіз болған хат, №
admin-order-label-letter-date = Хат күні
admin-order-label-department = Білім басқармасы (бөлімі), қазақша
admin-order-label-department-ru = Білім басқармасы (бөлімі), орысша

results-expel-label-reason = Себебі
results-expel-label-order = Бұйрық №
results-expel-label-commission = Комиссия шешімі №
results-expel-label-commission-date = Комиссия шешімінің күні

admin-cohort-summary = 👥 Жаңа ағын
admin-cohort-confirm = ✅ Ағынды құру
admin-cohort-label-course = Курс
admin-cohort-label-code = Коды
admin-cohort-label-starts = Басталуы
admin-cohort-label-ends = Аяқталуы
admin-cohort-label-language = Оқыту тілі
admin-cohort-label-seats = Орын саны
admin-cohort-label-trainers = Тренерлер
