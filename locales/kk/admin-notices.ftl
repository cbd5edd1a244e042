# Әкімші шешімдері туралы педагогке хабарламалар (кезек арқылы жіберіледі).

admin-notice-application-approved = ✅ «{ $topic }» курсына өтінішіңіз ({ $code } ағыны, басталуы { $starts }) мақұлданды. Қабылдау туралы бұйрықтан кейін растау келеді.
admin-notice-application-rejected = «{ $topic }» курсына өтінішіңіз ({ $code } ағыны, басталуы { $starts }) қабылданбады. Себебі: { $reason }
admin-notice-enrolled = 🎓 Сіз № { $order } бұйрықпен «{ $topic }» курсына ({ $code } ағыны) қабылдандыңыз. Оқу мерзімі: { $starts } – { $ends }.
