# Кестелерді импорттау (XLSX/CSV): файлды оқу қателері және жолдардағы қателер. Барлық импортқа ортақ.

sheet-error-too-big = Файл тым үлкен: { $max_mb } МБ-тан аспауы керек.
sheet-error-empty = Файл бос: тақырып жолы және кемінде бір деректер жолы қажет.
sheet-error-type = Бұл файл түрі жарамайды. .xlsx (Excel) немесе .csv кестесін жіберіңіз.
sheet-error-unreadable = Файлды оқу мүмкін болмады. Оны Excel-де .xlsx немесе .csv ретінде қайта сақтап, қайта жіберіңіз.
sheet-error-too-many-rows = Жол тым көп: бір файлда { $max_rows } жолдан аспауы керек. Тізімді бөліктерге бөліңіз.
sheet-error-headers = Тақырып жолында баған атаулары қайталанады. Тақырыптарды түзетіп, файлды қайта жіберіңіз.
sheet-error-encoding = CSV файлының кодтауын анықтау мүмкін болмады. Файлды «CSV UTF-8» ретінде сақтап, қайта жіберіңіз.

sheet-errors-title = Ештеңе импортталмады: файлда { $count } қате табылды. Түзетіп, файлды толығымен қайта жіберіңіз.
sheet-error-line = { $row }-жол, «{ $column }» бағаны: { $reason }
sheet-errors-more = …тағы { $count } қате.

sheet-reason-required = ұяшық бос, мәні міндетті
sheet-reason-too-long = мәтін тым ұзын ({ $value })
sheet-reason-iin = «{ $value }» ЖСН қате (бақылау цифры дұрыс 12 цифр болуы керек)
sheet-reason-duplicate = «{ $value }» қайталанады: { $other_row }-жолда бар
sheet-reason-phone = «{ $value }» телефоны танылмады, +7XXXXXXXXXX пішімі қажет
sheet-reason-language = «{ $value }» тілі танылмады: kk немесе ru деп көрсетіңіз
sheet-reason-formula = формулалар қабылданбайды («{ $value }»): мәндерді қойыңыз
sheet-reason-missing-column = файлдың тақырып жолында мұндай баған жоқ
sheet-reason-date = «{ $value }» күні танылмады: КК.АА.ЖЖЖЖ пішімі қажет
sheet-reason-time = «{ $value }» уақыты танылмады: СС:ММ пішімі қажет
sheet-reason-session-hours = «{ $value }»: бір сабақтағы академиялық сағат 1-ден 12-ге дейін болуы керек

sheet-column-full-name = Аты-жөні
sheet-column-iin = ЖСН
sheet-column-school = Мектеп
sheet-column-position = Лауазымы
sheet-column-phone = Телефон нөмірі
sheet-column-language = Оқыту тілі
sheet-column-date = Күні
sheet-column-time = Уақыты
sheet-column-hours = Сағат саны
sheet-column-place = Аудитория немесе сілтеме
sheet-reason-schedule-outside-dates = күні ағынның оқу мерзімінен тыс
sheet-reason-schedule-clash = бұл уақытта ағынның сабағы бар
sheet-error-download = Файлды Telegram-нан алу мүмкін болмады. Оны қайта жіберіңіз.
