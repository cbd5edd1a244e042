## Құжат файлын тексеру (кез келген пайдаланушы)

verification-file-genuine = ✅ Бұл — түпнұсқа файл: { $kind } № { $number }. Берілген күні: { $issued }; ұйым: { $organization }.
verification-file-not-ours = ❌ Бұл файлды біз бермегенбіз немесе ол берілгеннен кейін өзгертілген. Оған сенбеңіз.
verification-file-claims = Файлда { $number } нөмірі көрсетілген. Салыстыру үшін тізілімдегі осы нөмірдің деректері:
verification-file-claims-unknown = Файлда { $number } нөмірі көрсетілген, бірақ тізілімде мұндай құжат жоқ.
verification-file-no-number = Файлдағы құжат нөмірін оқу мүмкін болмады. Нөмірді хабарлама етіп жіберіп, тексеруге болады.
verification-file-signature-ours = 🔏 Ұйымның электрондық қолтаңбасы бүтін.
verification-file-signature-broken = 🔏 Электрондық қолтаңба бұзылған: файл қол қойылғаннан кейін өзгертілген немесе оған біз қол қоймағанбыз.
verification-file-signature-absent = 🔏 Файлда ұйымның электрондық қолтаңбасы жоқ.
verification-file-not-pdf = Құжатты бот берген күйінде PDF файл етіп жіберіңіз.
verification-file-too-big = Файл тым үлкен: берілген құжаттардың көлемі 5 МБ-тан аз.
verification-file-status-issued = 📄 Құжат берілген, оның жарамдылық мерзімі жоқ.
verification-file-reference-details = Тіркеу нөмірі: { $number }
    Иесі: { $holder }
    Курстың тақырыбы: { $topic }
    Ұйым: { $organization }
    Берілген күні: { $issued }
verification-kind-certificate = біліктілікті арттыру сертификаты
verification-kind-appendix = сертификатқа қосымша
verification-kind-listening_reference = курсты тыңдағаны туралы анықтама
verification-kind-internship_certificate = тағылымдамадан өткені туралы сертификат
verification-replaced-by = Оның орнына № { $number } сертификат берілген.

## Кері қайтарып алу және қайта беру (әкімші)

verification-revoke-confirm = № { $number } сертификатты кері қайтарып алу керек пе?
    Иесі: { $holder }
    Курстың тақырыбы: { $topic }
    Берілген күні: { $issued }
    Себебі: { $reason }
verification-btn-revoke = Кері қайтарып алу
verification-btn-cancel = Болдырмау
verification-revoke-cancelled = Кері қайтарып алу болдырылмады, ештеңе өзгерген жоқ.
verification-btn-reissue = Жаңа нөмірмен қайта беру
verification-reissue-done = № { $old } сертификаттың орнына № { $number } сертификат берілді. Иесі жаңа құжаттарды алады.
verification-reissue-refused = Қайта беру мүмкін емес: сертификат кері қайтарып алынбаған немесе қайта берілген.
verification-reissue-note = № { $number } сертификаттың орнына берілген.

## Менің құжаттарым (тыңдаушы)

verification-checks-none = Әлі тексерілмеген.
verification-checks = { $count } рет тексерілген: { $dates }

## Тексеру веб-беті

web-verify-title = Құжатты тексеру
web-verify-lead = Сертификатты тіркеу нөмірі бойынша тексеріңіз немесе ұйым берген PDF файлды жүктеңіз.
web-verify-number-label = Тіркеу нөмірі
web-verify-number-button = Тексеру
web-verify-file-label = Құжат файлы (PDF)
web-verify-file-button = Файлды тексеру
web-verify-open-telegram = Telegram-да ашу
web-verify-too-many = Минутына 10 тексеруден артық болмайды. { $seconds } секунд күтіп, қайталап көріңіз.
web-verify-switch = Русский
