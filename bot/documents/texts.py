"""Wording of the documents in Kazakh and Russian, and dates as the forms write them.

Headings follow Appendices 1–6 of the Rules; certificate, appendix and internship certificate
carry both languages in their headings, the body follows the course language.
Sentences in both languages are built so that no name needs a case ending: the name stands
alone on its line, after a colon, or as the subject ("Я, <name>, прошу"). Russian names of
Kazakh origin decline unreliably, and Kazakh endings on user text cannot be checked; where a
date or a number takes a Kazakh ending, ``domain.kazakh`` chooses it.
"""

from __future__ import annotations

from datetime import date

from bot.ui.formatting import document_date
from domain.documents import Gender, Lang, OrganizationInfo
from domain.kazakh import Case, kazakh_date

#: «23» ноября 2026 года / 2026 жылғы «23» қараша — as the forms' «__» ____ 20__ года.
long_date = document_date


def short_date(d: date) -> str:
    """dd.MM.yyyy — the same in both languages (periods, valid-until, letters)."""
    return d.strftime("%d.%m.%Y")


def valid_until(d: date, lang: Lang) -> str:
    """ "Жарамдылық мерзімі: 2029 жылғы 20 қарашаға дейін" / "Действителен до: 20.11.2029"."""
    if lang == "kk":
        return T[lang]["valid_until"].format(date=kazakh_date(d, Case.DATIVE))
    return T[lang]["valid_until"].format(date=short_date(d))


def dated(d: date, lang: Lang) -> str:
    """A date before the noun it dates: "2026 жылғы 23 қарашадағы" (№ 12 бұйрық) / "23.11.2026"."""
    if lang == "kk":
        located = kazakh_date(d, Case.LOCATIVE)
        return located + ("ғы" if located.endswith("а") else "гі")
    return short_date(d)


def ru_points(value: str) -> str:
    """ "из 100 баллов", "из 21 балла", "из 47,5 балла": the genitive after «из» agrees with
    the number (a fraction takes the singular)."""
    whole = value.replace(" ", "")
    if not whole.isdigit():
        return f"{value} балла"
    n = int(whole)
    return f"{value} балла" if n % 10 == 1 and n % 100 != 11 else f"{value} баллов"


def hours_phrase(hours: int, lang: Lang) -> str:
    """ "в объеме 72 академических часов" / "72 академиялық сағат көлемінде"."""
    if lang == "kk":
        return f"{hours} академиялық сағат көлемінде"
    if hours % 10 == 1 and hours % 100 != 11:
        return f"в объеме {hours} академического часа"
    return f"в объеме {hours} академических часов"


def ru_past(gender: Gender | None, masc: str, fem: str, both: str) -> str:
    """Russian past-tense verb by the holder's gender; unknown gender keeps the form's "(ла)"."""
    return {"m": masc, "f": fem}.get(gender or "", both)


def head_title(org: OrganizationInfo, lang: Lang) -> str:
    """The signer's title: the organization's own wording, or "Руководитель организации"."""
    own = org.head_title_kk if lang == "kk" else org.head_title_ru
    return own or T[lang]["head_title"]


# Both languages at once, for bilingual headings and the stamp place.
BILINGUAL = {
    "certificate": "СЕРТИФИКАТ",
    "appendix_kk": "СЕРТИФИКАТҚА ҚОСЫМША",
    "appendix_ru": "ПРИЛОЖЕНИЕ К СЕРТИФИКАТУ",
    "internship_kk": "ТАҒЫЛЫМДАМАДАН ӨТКЕНІ ТУРАЛЫ СЕРТИФИКАТ",
    "internship_ru": "СЕРТИФИКАТ О ПРОХОЖДЕНИИ СТАЖИРОВКИ",
    "order_kk": "БҰЙРЫҚ",
    "order_ru": "ПРИКАЗ",
    # the forms' "Место печати (при наличии)" (App. 3–6) in full, in both languages; the
    # Kazakh forms write "Мөр орны (бар болса)"
    "stamp": "Мөр орны\n(бар болса)\nМесто печати\n(при наличии)",
}

T: dict[Lang, dict[str, str]] = {
    "kk": {
        "head_title": "Ұйым басшысы",
        "acting_head_title": "Басшының м.а.",  # §33: the acting head signs in the head's absence
        "completed_on": "Курстың аяқталған күні:",
        "signature": "(қолы)",
        "full_name_caption": "(тегі, аты, әкесінің аты (болған жағдайда))",
        "stamp": "Мөр орны\n(бар болса)",
        "reg_number": "Тіркеу нөмірі №",
        "issued_on": "Берілген күні:",
        "valid_until": "Жарамдылық мерзімі: {date} дейін",
        "follows": "№ {number} сертификаттың орнына берілді",
        "verify": "Түпнұсқалығын тексеру",
        # App. 3
        "cert_lead": "Осы сертификат",
        "cert_body": "«{topic}» тақырыбы бойынша {hours} біліктілікті арттыру курсынан "
        "өткенін растайды.",
        # App. 4
        "appendix_body": "«{topic}» тақырыбы бойынша біліктілікті арттыру курстарында оқу "
        "кезеңінде келесі модульдер бойынша тиісті білім мен дағдыларды көрсетті:",
        "col_no": "№",
        "col_module": "Бағдарлама модульдерінің атауы",
        "col_hours": "Сағат саны",
        "col_grade": "Баға",
        "total": "Барлығы",
        # App. 6
        "internship_body": "практика базасы ретінде айқындалған ұйымның{enterprise} базасында "
        "«{topic}» тақырыбы бойынша біліктілікті арттыру курсы аясында {hours} "
        "тағылымдамадан өтті.{memorandum}",
        "internship_memorandum": " Ынтымақтастық туралы меморандум: {memorandum}.",
        "blank_line": "____________________",
        "blank_date": "«__» ________ 20__",
        "blank_hours": "______ академиялық сағат көлемінде",
        "order_internship": "Тағылымдама {enterprise} базасында ынтымақтастық туралы "
        "{date} № {number} меморандум негізінде өткізілсін.",
        # App. 5
        "ent_title": "Педагогтің кәсіпорын (ұйым) базасында тағылымдамадан өткені туралы анықтама",
        "ent_given": "Анықтама берілді:",
        "ent_enterprise": "",  # the body names the enterprise: "Ол X базасында …"
        "ent_body": "Ол {enterprise} базасында {start} – {end} аралығында {hours} "
        "тағылымдамадан өтті, «{position}» лауазымы бойынша функционалдық міндеттерді "
        "атқарды және мынадай кәсіби дағдыларды меңгерді: {skills}.",
        "ent_program": "Тағылымдама бағдарламасы: {program}.",
        "ent_assessment": "Тағылымдама нәтижесі: {assessment}.",
        "ent_supervisor": "Кәсіпорыннан жауапты тұлға: {supervisor}.",
        "ent_head": "Кәсіпорын (ұйым) басшысы",
        # §31
        "ref_title": "БІЛІКТІЛІКТІ АРТТЫРУ КУРСЫН ТЫҢДАҒАНЫ ТУРАЛЫ АНЫҚТАМА",
        "ref_number": "№ {number}, {date}",
        "ref_given": "Анықтама берілді:",
        "ref_body": "Ол «{topic}» тақырыбы бойынша {hours} біліктілікті арттыру курсын "
        "{start} – {end} аралығында тыңдады.",
        "ref_attendance": "Қатысқан сабақтары: {attended}, барлық сабақ саны — {total} "
        "({percent} %).",
        "ref_score": "Қорытынды бағалау нәтижесі: {score} балл ({max} балдың ішінен).",
        "ref_no_score": "Қорытынды бағалаудан өтпеді.",
        "ref_reason": "Сертификат берілмеді: {reason}.",
        "ref_options": "Қағидалардың 31-тармағына сәйкес сертификат алмаған тыңдаушының "
        "мынадай мүмкіндіктері бар:",
        "ref_option_1": "жылына бір реттен жиі емес білімін қайта бағалаудан өту;",
        "ref_option_2": "Курстардың келесі ағынымен білімін қайта бағалаудан өту;",
        "ref_option_3": "дәлелді себеп бойынша ағымдағы жыл ішінде бір ағыннан басқа ағынға ауысу;",
        "ref_option_4": "растайтын құжаттарды ұсына отырып, дәлелді себеп бойынша үзілген "
        "Курсты аяқтау.",
        # App. 1–2
        "app_to": "Басшыға",
        "app_school_caption": "(білім беру ұйымының атауы)",
        "app_from": "кімнен:",
        "app_position_caption": "(лауазымы)",
        "app_title": "Өтініш",
        "app_domestic": "Мен, {name}, Қазақстан Республикасы педагогтерінің біліктілігін "
        "арттыру курстарында {language} тілінде оқуға кандидатурамды қарастыруыңызды "
        "сұраймын.",
        "app_abroad": "Мен, {name}, Қазақстан Республикасы педагогтерінің шетелде "
        "({country}) өтетін {duration} біліктілікті арттыру курстарында {language} тілінде "
        "оқитын топта оқуға кандидатурамды қарастыруыңызды сұраймын.",
        "app_3_months": "3 айға дейінгі",
        "app_1_year": "1 жылға дейінгі",
        "app_signature": "(өтініш берушінің қолы)",
        "app_date": "(өтініш берілген күні)",
        "app_blank_date": "20__ жылғы «__» ____________",
        "lang_kk": "қазақ",
        "lang_ru": "орыс",
        "lang_en": "ағылшын",
        # §16, §18
        "order_city": "{city} қаласы",
        "order_title": "Тыңдаушыларды біліктілікті арттыру курстарына қабылдау туралы",
        "order_preamble": "Қазақстан Республикасы Білім және ғылым министрінің 2016 жылғы "
        "28 қаңтардағы № 95 бұйрығымен бекітілген Педагогтердің біліктілігін арттыру "
        "курстарын ұйымдастыру және өткізу, сондай-ақ педагогтің қызметін посткурстық "
        "сүйемелдеу қағидаларының 16 және 18-тармақтарына сәйкес, білім басқармаларының "
        "хаттары негізінде ({letters}) <b>БҰЙЫРАМЫН:</b>",
        "order_letter": "{department}, {date} № {number}",
        "order_item_1": "1. {start} – {end} аралығында өтетін «{topic}» тақырыбы бойынша "
        "{hours} біліктілікті арттыру курсына ({cohort} ағыны) тыңдаушылар тізімге сәйкес "
        "қабылдансын.",
        "order_item_2": "2. Тыңдаушылар Ұйымға жеке басын куәландыратын құжаттың көшірмесін "
        "ұсынсын.",
        "order_item_3": "3. Осы бұйрықтың орындалуын бақылауды өзіме қалдырамын.",
        "order_list": "Тыңдаушылар тізімі",
        "order_annex": "{date} № {number} бұйрыққа қосымша",
        "col_name": "Тегі, аты, әкесінің аты",
        "col_school": "Білім беру ұйымы",
        "col_position": "Лауазымы",
    },
    "ru": {
        "head_title": "Руководитель организации",
        "acting_head_title": "И.о. руководителя",  # §33: the acting head signs in the absence
        "completed_on": "Дата завершения курса:",
        "signature": "(подпись)",
        "full_name_caption": "(фамилия, имя, отчество (при его наличии))",
        "stamp": "Место печати\n(при наличии)",
        "reg_number": "Регистрационный номер №",
        "issued_on": "Дата выдачи:",
        "valid_until": "Действителен до: {date}",
        "follows": "Выдан взамен сертификата № {number}",
        "verify": "Проверить подлинность",
        "cert_lead": "Настоящим подтверждает, что",
        "cert_body": "{passed} курс повышения квалификации на тему «{topic}» {hours}.",
        "appendix_body": "за время обучения на курсах повышения квалификации по теме "
        "«{topic}» {showed} соответствующие знания и навыки по следующим модулям:",
        "col_no": "№",
        "col_module": "Наименование модулей программы",
        "col_hours": "Количество часов",
        "col_grade": "Оценка",
        "total": "Итого",
        "internship_body": "{passed} стажировку на базе организации, определенной в качестве "
        "базы практики{enterprise}, в рамках курса повышения квалификации на тему: "
        "«{topic}» {hours}.{memorandum}",
        "internship_memorandum": " Меморандум о сотрудничестве {memorandum}.",
        "blank_line": "____________________",
        "blank_date": "«__» ________ 20__ года",
        "blank_hours": "в объеме ______ академических часов",
        "order_internship": "Стажировку провести на базе организации: {enterprise}, на "
        "основании меморандума о сотрудничестве от {date} № {number}.",
        "ent_title": "Справка о прохождении педагогом стажировки на базе предприятия (организации)",
        "ent_given": "Справка выдана педагогу:",
        "ent_enterprise": "Предприятие (организация): {enterprise}.",
        "ent_body": "{pronoun} {passed} стажировку на базе этого предприятия (организации) "
        "с {start} по {end} {hours}, {did} функциональные обязанности по должности "
        "«{position}» и {gained} профессиональные навыки: {skills}.",
        "ent_program": "Программа стажировки: {program}.",
        "ent_assessment": "Результат стажировки: {assessment}.",
        "ent_supervisor": "Ответственное лицо предприятия: {supervisor}.",
        "ent_head": "Руководитель предприятия (организации)",
        "ref_title": "СПРАВКА О ПРОСЛУШИВАНИИ КУРСА ПОВЫШЕНИЯ КВАЛИФИКАЦИИ",
        "ref_number": "№ {number} от {date}",
        "ref_given": "Справка выдана слушателю:",
        "ref_body": "{pronoun} {listened} курс повышения квалификации на тему "
        "«{topic}» {hours} в период с {start} по {end}.",
        "ref_attendance": "Посещено занятий: {attended} из {total} ({percent} %).",
        "ref_score": "Результат итогового оценивания: {score} из {max}.",
        "ref_no_score": "Итоговое оценивание не пройдено.",
        "ref_reason": "Сертификат не выдан: {reason}.",
        "ref_options": "В соответствии с п. 31 Правил слушатель, не получивший "
        "сертификат, может подать заявку:",
        "ref_option_1": "на повторное оценивание знаний, не более одного раза в год;",
        "ref_option_2": "на повторное оценивание знаний со следующим потоком Курсов;",
        "ref_option_3": "на перевод по уважительной причине из одного потока в другой в "
        "течение текущего года;",
        "ref_option_4": "на завершение прерванного Курса по уважительной причине с "
        "предоставлением подтверждающих документов.",
        "app_to": "Руководителю",
        "app_school_caption": "(наименование организации образования)",
        "app_from": "от",
        "app_position_caption": "(должность)",
        "app_title": "Заявление",
        "app_domestic": "Я, {name}, прошу рассмотреть мою кандидатуру для обучения на "
        "курсах повышения квалификации педагогов Республики Казахстан с {language} "
        "языком обучения.",
        "app_abroad": "Я, {name}, прошу рассмотреть мою кандидатуру для обучения на "
        "{duration} курсах повышения квалификации педагогов Республики Казахстан за "
        "рубежом ({country}) в группе с {language} языком обучения.",
        "app_3_months": "3-месячных (до 3 месяцев)",
        "app_1_year": "годовых (до 1 года)",
        "app_signature": "(подпись заявителя)",
        "app_date": "(дата подачи заявления)",
        "app_blank_date": "«__» ____________ 20__ года",
        "lang_kk": "казахским",
        "lang_ru": "русским",
        "lang_en": "английским",
        "order_city": "город {city}",
        "order_title": "О зачислении слушателей на курсы повышения квалификации",
        "order_preamble": "В соответствии с пунктами 16 и 18 Правил организации и "
        "проведения курсов повышения квалификации педагогов, а также посткурсового "
        "сопровождения деятельности педагога, утвержденных приказом Министра образования "
        "и науки Республики Казахстан от 28 января 2016 года № 95, на основании писем "
        "управлений (отделов) образования ({letters}) <b>ПРИКАЗЫВАЮ:</b>",
        "order_letter": "{department} от {date} № {number}",
        "order_item_1": "1. Зачислить на курс повышения квалификации на тему «{topic}» "
        "{hours} (поток {cohort}), проводимый с {start} по {end}, слушателей согласно "
        "списку.",
        "order_item_2": "2. Слушателям предоставить в Организацию копию документа, "
        "удостоверяющего личность.",
        "order_item_3": "3. Контроль за исполнением настоящего приказа оставляю за собой.",
        "order_list": "Список слушателей",
        "order_annex": "Приложение к приказу от {date} № {number}",
        "col_name": "Фамилия, имя, отчество",
        "col_school": "Организация образования",
        "col_position": "Должность",
    },
}
