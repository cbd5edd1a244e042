# Мұғалім: Қағидалардың 31-тармағы бойынша өтініштер.

requests-none = Қағидалардың 31-тармағы бойынша өтініштер курс сертификатпен аяқталмаған жағдайда беріледі: қайта бағалау, басқа ағынға ауыстыру, үзілген курсты аяқтау. Қазір сізде ондай курс жоқ.
requests-mine-header = <b>📝 Менің өтініштерім</b>
requests-mine-item = • { $kind } — { $topic }: { $status }. Шешім: { $note }
requests-enrollment = <b>{ $topic }</b> ({ $code } ағыны). Қандай өтініш бересіз?
requests-kind-reassessment = Қайта бағалау
requests-kind-reassessment-next-cohort = Келесі ағынмен қайта бағалау
requests-kind-transfer = Басқа ағынға ауыстыру
requests-kind-finish-interrupted = Үзілген курсты аяқтау
requests-status-pending = қаралуда
requests-status-approved = мақұлданды
requests-status-rejected = қабылданбады

requests-ask-target = Осы курстың ағынын таңдаңыз:
requests-ask-reason = Дәлелді себепті жазыңыз (1000 таңбадан аспасын).
requests-ask-documents = Растайтын құжаттарды жіберіңіз: фото немесе PDF, әрқайсысы 20 МБ-тан аспасын. Аяқтаған соң «Дайын» батырмасын басыңыз.
requests-error-document-type = Тек фото мен PDF файлдар қабылданады.
requests-error-document-size = Файл 20 МБ-тан үлкен. Кішірек файл жіберіңіз.
requests-error-document-count = { $count } құжаттан артық тіркеуге болмайды. «Дайын» батырмасын басыңыз.
requests-submitted = Өтініш берілді. Әкімшінің шешімі осы жерге келеді, мәртебесі /requests командасымен көрінеді.

requests-refused-not-found = Бұл батырма ескірген немесе қолжетімсіз. /requests командасын қайта жіберіңіз.
requests-refused-not-eligible = Бұл курс үшін мұндай өтініш берілмейді.
requests-refused-pending = Мұндай өтініш берілген, шешімін күтуде.
requests-refused-no-target = Қазір осы курстың сәйкес ағыны жоқ.
requests-refused-reassessment-within-year = Қайта бағалау жылына бір реттен жиі өткізілмейді. Келесі өтінішті { KK($date, case: "ablative") } бастап беруге болады.
requests-refused-valid-reason-required = Дәлелді себепті көрсету керек.
requests-refused-documents-required = Растайтын құжаттарды тіркеу керек.
requests-refused-not-current-year = Тек ағымдағы жылдың ағынына ауыстыруға болады.
requests-refused-target-cohort-started = Таңдалған ағын басталып кетті.
requests-refused-target-cohort-finished = Таңдалған ағын аяқталып қойды.
requests-refused-different-course = Тек осы курстың ағынын таңдауға болады.
requests-refused-too-many-documents = Құжаттар тым көп.
requests-refused-reason-too-long = Себебі тым ұзын.

request-decision-approved = «{ $kind }» өтінішіңіз мақұлданды. { $note }
request-decision-rejected = «{ $kind }» өтінішіңіз қабылданбады. Себебі: { $note }
