# Импорт таблиц (XLSX/CSV): ошибки чтения файла и ошибки в строках. Общие для всех импортов.

sheet-error-too-big = Файл слишком большой: не больше { $max_mb } МБ.
sheet-error-empty = Файл пустой: нужна строка заголовков и хотя бы одна строка данных.
sheet-error-type = Этот тип файла не подходит. Отправьте таблицу .xlsx (Excel) или .csv.
sheet-error-unreadable = Не удалось прочитать файл. Сохраните его заново в Excel как .xlsx или .csv и отправьте ещё раз.
sheet-error-too-many-rows = Слишком много строк: не больше { $max_rows } в одном файле. Разделите список на части.
sheet-error-headers = В строке заголовков повторяются названия столбцов. Исправьте заголовки и отправьте файл снова.
sheet-error-encoding = Не удалось определить кодировку CSV. Сохраните файл как «CSV UTF-8» и отправьте снова.

sheet-errors-title = Ничего не импортировано: в файле { $count ->
    [one] { $count } ошибка
    [few] { $count } ошибки
    [many] { $count } ошибок
   *[other] { $count } ошибки
}. Исправьте и отправьте файл целиком снова.
sheet-error-line = Строка { $row }, столбец «{ $column }»: { $reason }
sheet-errors-more = …и ещё { $count }.

sheet-reason-required = пустая ячейка, значение обязательно
sheet-reason-too-long = слишком длинный текст ({ $value })
sheet-reason-iin = ИИН «{ $value }» неверный (12 цифр с правильной контрольной цифрой)
sheet-reason-iin-future = в ИИН «{ $value }» дата рождения ещё не наступила: проверьте первые шесть цифр (год, месяц, день)
sheet-reason-duplicate = «{ $value }» повторяется: уже есть в строке { $other_row }
sheet-reason-phone = телефон «{ $value }» не распознан, нужен формат +7XXXXXXXXXX
sheet-reason-language = язык «{ $value }» не распознан: укажите kk или ru
sheet-reason-formula = формулы не принимаются («{ $value }»): вставьте значения
sheet-reason-missing-column = нет такого столбца в заголовке файла
sheet-reason-date = дата «{ $value }» не распознана: нужен формат ДД.ММ.ГГГГ
sheet-reason-time = время «{ $value }» не распознано: нужен формат ЧЧ:ММ
sheet-reason-session-hours = «{ $value }»: академических часов в занятии должно быть от 1 до 12

sheet-column-full-name = ФИО
sheet-column-iin = ИИН
sheet-column-school = Школа
sheet-column-position = Должность
sheet-column-phone = Телефон
sheet-column-language = Язык
sheet-column-date = Дата
sheet-column-time = Время
sheet-column-hours = Часы
sheet-column-place = Аудитория или ссылка
sheet-reason-schedule-outside-dates = дата вне сроков обучения потока
sheet-reason-schedule-clash = на это время у потока уже есть занятие
sheet-error-download = Не удалось получить файл от Telegram. Отправьте его ещё раз.

# Файлы, которые не являются безопасной таблицей (bot/spreadsheet_guard.py).
sheet-error-only-header = В файле только строка заголовков — нет ни одной строки с данными. Ничего не импортировано.
sheet-error-xls = Это файл старого формата Excel 97–2003 (.xls). Откройте его в Excel, сохраните как «Книга Excel (.xlsx)» и отправьте снова.
sheet-error-encrypted = Файл защищён паролем, бот не может его открыть. Снимите пароль (Файл → Сведения → Защитить книгу), сохраните и отправьте снова.
sheet-error-macros = Файлы с макросами (.xlsm) не принимаются. Сохраните таблицу как «Книга Excel (.xlsx)» без макросов и отправьте снова.
sheet-error-not-a-table = Файл «{ $name }» — не таблица: { $kind ->
    [pdf] это PDF-документ
    [program] это программа (исполняемый файл)
    [image] это изображение
    [word] это документ Word
    [archive] это архив
    [html] это веб-страница (HTML)
    [ods] это таблица OpenDocument (.ods), сохраните её в формате .xlsx
   *[other] содержимое не похоже на таблицу
}. Отправьте таблицу .xlsx (Excel) или .csv.
sheet-error-unpacked-too-big = Файл распаковывается в слишком большой объём: { $size_mb } МБ при допустимых { $max_mb } МБ. Это не похоже на список — проверьте файл или разделите его на части.
sheet-error-too-slow = Файл слишком большой для одной загрузки: его чтение и проверка заняли больше { $seconds } { $seconds ->
        [one] секунды
       *[other] секунд
    }. Ничего не загружено. Разделите список на части и отправьте их по очереди.
sheet-error-too-many-columns = Слишком много столбцов: не больше { $max_columns }. Удалите лишние столбцы и отправьте файл снова.
sheet-error-hidden-sheets = В книге есть скрытые листы: { $sheets }. Удалите их или сделайте видимыми и отправьте файл снова — бот не принимает данные, которых не видно.
sheet-error-hidden-rows = Строка { $row } скрыта, но в ней есть данные. Покажите или удалите скрытые строки и отправьте файл снова — бот не принимает данные, которых не видно.
sheet-error-hidden-columns = Столбец { $column } скрыт, но в нём есть данные. Покажите или удалите скрытые столбцы и отправьте файл снова — бот не принимает данные, которых не видно.
sheet-error-merged = В таблице есть объединённые ячейки ({ $cells }). Отмените объединение, заполните каждую ячейку и отправьте файл снова.
sheet-error-binary = Это не текстовый CSV: в строке { $row } есть двоичные данные (нулевой байт). Сохраните таблицу в Excel как «CSV UTF-8» и отправьте снова.
