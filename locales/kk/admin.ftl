# Әкімшілік: қолжетімділік, панель, рөлдер.

admin-refused-not-private = Әкімші командалары тек ботпен жеке чатта жұмыс істейді. Әрекет журналға жазылды.
admin-refused-not-admin = Бұл тек әкімшілерге қолжетімді. Әрекет журналға жазылды.

admin-panel = 🛠 Әкімші панелі. Бөлімді таңдаңыз:
admin-area-roles = 👥 Рөлдер: тренерлер мен әкімшілер
admin-area-courses = 📘 Курстар
admin-area-cohorts = 🗓 Ағындар, сабақ кестесі, қабылдау

admin-roles-list =
    <b>Тренерлер</b>
    { $trainers }

    <b>Әкімшілер</b>
    { $admins }
admin-role-grant-trainer = ➕ Тренер етіп тағайындау
admin-role-revoke-trainer = ➖ Тренер рөлін алып тастау
admin-role-grant-admin = ➕ Әкімші етіп тағайындау
admin-role-revoke-admin = ➖ Әкімші рөлін алып тастау
admin-role-name-trainer = курс тренері
admin-role-name-admin = әкімші
admin-role-ask-person = Адамды көрсетіңіз: оның хабарламасын қайта жіберіңіз, байланысын (контактісін) жіберіңіз немесе @username-ін жазыңыз. Ол ботты кемінде бір рет іске қосқан болуы керек. /cancel — бас тарту.
admin-role-hidden-forward = Бұл адам қайта жіберу кезінде аккаунтын жасырған. Оның контактісін немесе @username-ін жіберіңіз.
admin-role-contact-without-telegram = Бұл контактінің Telegram аккаунты жоқ. @username жіберіңіз немесе оның хабарламасын қайта жіберіңіз.
admin-role-unknown-person = Бұл адам ботты әлі іске қоспаған. Одан ботты ашып, «Бастау» батырмасын басуын сұраңыз, содан кейін қайталаңыз.
admin-role-granted = ✅ { $name } енді — { $role }.
admin-role-revoked = ✅ { $name } енді { $role } емес.
admin-role-already-has = { $name } қазірдің өзінде { $role }; ештеңе өзгертілмеді.
admin-role-does-not-have = { $name } «{ $role }» рөліне ие емес; ештеңе өзгертілмеді.
admin-role-last-admin = Әкімші рөлін алып тастауға болмайды: { $name } — соңғы әкімші. Алдымен басқа әкімші тағайындаңыз.
admin-role-not-allowed = Бұл тек әкімшілерге қолжетімді. Ештеңе өзгертілмеді.

admin-bad-date = Күн түсініксіз. Оны КК.АА.ЖЖЖЖ түрінде жазыңыз, мысалы 01.12.2026.
admin-import-send-file = Электрондық кесте файлын (.xlsx немесе .csv) құжат ретінде жіберіңіз. /cancel — бас тарту.

progress-line = ⏳ Өңделуде: { $done } / { $total }…
admin-form-expired = Бұл пішін ескірген: бұрын енгізілген жауаптар сақталмады. Панельден қайта бастаңыз: /admin

# Ботты кім бұғаттады (/unreachable, bot/handlers/admin/unreachable.py).
admin-area-unreachable = 🚫 Ботты бұғаттағандар
cmd-unreachable = Ботты кім бұғаттады
admin-unreachable-empty = ✅ Ботты ешкім бұғаттаған жоқ: хабарлар барлығына жетеді.
# Қазақ тілінде сан есімнен кейін зат есім көпше түрде тұрмайды («5 адам», «3 құжат»): таңдау қажет емес.
admin-unreachable-title = 🚫 Ботты { $total } адам бұғаттады: бот хабарлары оларға жетпейді. Оларға немесе мектебіне қоңырау шалыңыз. Адам ботқа қайта жазғанда белгі алынады, ал жеткізілмеген құжаттар мен хабарламалар оған қайта жіберіледі.
admin-unreachable-phone = Телефон нөмірі: { $phone }
admin-unreachable-since = Бот бұғатталған уақыт: { $since }
admin-unreachable-cohorts = Ағындары: { $cohorts }
admin-unreachable-no-cohorts = Ағындары: жоқ
admin-unreachable-undelivered = Жеткізілмегені: { $items }
admin-unreachable-nothing = Жеткізілмегені: әзірге ештеңе жоқ
admin-unreachable-documents = { $count } құжат
admin-unreachable-notices = { $count } хабарлама
admin-unreachable-page = Бет: { $page } / { $pages }.

# Деректерді жою туралы сұраулар (/deletions, bot/handlers/admin/deletions.py).
admin-area-deletions = 🗑 Деректерді жою сұраулары
cmd-deletions = Деректерді жою туралы сұраулар
admin-deletions-empty = ✅ Деректерді жою туралы сұрау жоқ.
admin-deletions-title = 🗑 Деректерді жою туралы { $count } сұрау күтуде. Берілген құжаттарды тексеру мүмкін болуы үшін (Қағидалардың 33-тармағы) аты-жөні, сертификаттар мен сол курстардағы оқу деректері сақталады, қалғаны жойылады. Қате немесе қайталанған сұрауды қабылдамауға болады.
admin-deletion-iin = ЖСН: { $iin }
admin-deletion-requested = Сұраған уақыты: { $at }
admin-deletion-cohorts = Ағындары: { $cohorts }
admin-deletion-issued = Берілген құжаттар: № { $numbers }
admin-deletion-nothing-issued = Құжат берілмеген: жазба толығымен жойылады.
admin-deletion-delete = 🗑 Деректерді жою
admin-deletion-decline = Қабылдамау
admin-deletion-done-kept = ✅ Деректер жойылды. № { $numbers } құжаттары тексерілетіндей сақталды. Мұғалімге хабарланды.
admin-deletion-done-removed = ✅ Жазба толығымен жойылды. Мұғалімге хабарланды.
admin-deletion-declined = Сұрау қабылданбады, деректер өзгеріссіз қалды. Мұғалімге хабарланды.
admin-deletion-gone = Бұл сұрау енді жоқ: оны басқа әкімші орындаған немесе қабылдамаған болуы мүмкін.
