# الواجهة بالعربية. كل مفتاح هنا موجود في locales/en/main.ftl أيضًا (يتحقق من ذلك اختبار).
# $n رقم مكتوب بأرقام غربية (0-9) مع فاصلة الآلاف، و$count الرقم نفسه لاختيار صيغة الجمع:
# zero (0) وone (1) وtwo (2) وfew (3-10) وmany (11-99) وother (100 فما فوق).

## الصفحة

app-title = مستكشف الحوادث العسكرية في سوريا
app-tagline = حوادث عسكرية موثقة في سوريا، كلٌّ منها مردود إلى التقرير الذي وثّقه.
lang-switch-label = لغة الواجهة
loading = جارٍ تحميل مجموعات البيانات…
notices-heading = غُيِّرت بعض أجزاء هذا الرابط أو أُهملت:
skipped-records = { $count ->
    [zero] لم يُتخطَّ أي سجل:
    [one] تعذّرت قراءة سجل واحد فتُخطّي (القائمة الكاملة في صفحة «حول»):
    [two] تعذّرت قراءة سجلّين فتُخطّيا (القائمة الكاملة في صفحة «حول»):
    [few] تعذّرت قراءة { $n } سجلات فتُخطّيت (القائمة الكاملة في صفحة «حول»):
    [many] تعذّرت قراءة { $n } سجلًا فتُخطّيت (القائمة الكاملة في صفحة «حول»):
   *[other] تعذّرت قراءة { $n } سجل فتُخطّيت (القائمة الكاملة في صفحة «حول»):
}

## التبويبات

tabs-label = طرق العرض
tab-list = الحوادث
tab-map = الخريطة
tab-figures = الأرقام المُعلنة
tab-about = حول

## شريط الملخص

summary-label = ملخص العرض الحالي
summary-of = من أصل
summary-events = { $count ->
    [zero] حدث
    [one] حدث
    [two] حدث
    [few] أحداث
    [many] حدثًا
   *[other] حدث
}
summary-milestones = { $count ->
    [one] (منها اتفاق أو حدث سياسي واحد: يُدرج ولا يُحتسب حادثةً)
    [two] (منها اتفاقان أو حدثان سياسيان: يُدرجان ولا يُحتسبان حوادث)
   *[other] (منها { $n } من الاتفاقات أو الأحداث السياسية: تُدرج ولا تُحتسب حوادث)
}
summary-deaths = القتلى: { $best } (أفضل تقدير؛ بين { $low } و{ $high })، منهم { $civilians } من المدنيين
summary-deaths-no-civilians = القتلى: { $best } (أفضل تقدير؛ بين { $low } و{ $high })؛ لا يُذكر عدد القتلى المدنيين
summary-deaths-none-given = لا يُذكر عدد القتلى؛ القتلى المدنيون: { $civilians }
summary-deaths-none-given-no-civilians = لا يُذكر عدد القتلى ولا عدد القتلى المدنيين
summary-no-deaths = { $count ->
    [zero] لا حدث يخلو من عدد القتلى
    [one] حدث واحد لا يذكر عدد القتلى
    [two] حدثان لا يذكران عدد القتلى
    [few] { $n } أحداث لا تذكر عدد القتلى
    [many] { $n } حدثًا لا تذكر عدد القتلى
   *[other] { $n } حدث لا تذكر عدد القتلى
}
summary-no-civilians = { $count ->
    [zero] لا حدث يخلو من عدد القتلى المدنيين
    [one] حدث واحد لا يذكر عدد القتلى المدنيين
    [two] حدثان لا يذكران عدد القتلى المدنيين
    [few] { $n } أحداث لا تذكر عدد القتلى المدنيين
    [many] { $n } حدثًا لا تذكر عدد القتلى المدنيين
   *[other] { $n } حدث لا تذكر عدد القتلى المدنيين
}
summary-at-least = { $count ->
    [zero] (لا حدث يذكر عدد القتلى بعبارة «على الأقل» فقط: فأعلى النطاق ليس حدًّا أقصى)
    [one] (حدث واحد يذكر عدد القتلى بعبارة «على الأقل» فقط: فأعلى النطاق ليس حدًّا أقصى)
    [two] (حدثان يذكران عدد القتلى بعبارة «على الأقل» فقط: فأعلى النطاق ليس حدًّا أقصى)
    [few] ({ $n } أحداث تذكر عدد القتلى بعبارة «على الأقل» فقط: فأعلى النطاق ليس حدًّا أقصى)
    [many] ({ $n } حدثًا تذكر عدد القتلى بعبارة «على الأقل» فقط: فأعلى النطاق ليس حدًّا أقصى)
   *[other] ({ $n } حدث تذكر عدد القتلى بعبارة «على الأقل» فقط: فأعلى النطاق ليس حدًّا أقصى)
}
summary-unstated = ({ $first }: تُحتسب صفرًا)
summary-unstated-two = ({ $first }؛ { $second }: تُحتسب صفرًا)
summary-beyond-window = { $count ->
    [zero] (لا حدث تمتد تواريخه خارج هذه الفترة)
    [one] (حدث واحد تمتد تواريخه خارج هذه الفترة، كشهر أو سنة كاملة، فيُحتسب كاملًا: { $deaths } من القتلى)
    [two] (حدثان تمتد تواريخهما خارج هذه الفترة، كشهر أو سنة كاملة، فيُحتسبان كاملين: { $deaths } من القتلى)
    [few] ({ $n } أحداث تمتد تواريخها خارج هذه الفترة، كشهر أو سنة كاملة، فتُحتسب كاملة: { $deaths } من القتلى)
    [many] ({ $n } حدثًا تمتد تواريخها خارج هذه الفترة، كشهر أو سنة كاملة، فتُحتسب كاملة: { $deaths } من القتلى)
   *[other] ({ $n } حدث تمتد تواريخها خارج هذه الفترة، كشهر أو سنة كاملة، فتُحتسب كاملة: { $deaths } من القتلى)
}
summary-beyond-window-no-deaths = { $count ->
    [zero] (لا حدث تمتد تواريخه خارج هذه الفترة)
    [one] (حدث واحد تمتد تواريخه خارج هذه الفترة، كشهر أو سنة كاملة، فيُحتسب كاملًا)
    [two] (حدثان تمتد تواريخهما خارج هذه الفترة، كشهر أو سنة كاملة، فيُحتسبان كاملين)
    [few] ({ $n } أحداث تمتد تواريخها خارج هذه الفترة، كشهر أو سنة كاملة، فتُحتسب كاملة)
    [many] ({ $n } حدثًا تمتد تواريخها خارج هذه الفترة، كشهر أو سنة كاملة، فتُحتسب كاملة)
   *[other] ({ $n } حدث تمتد تواريخها خارج هذه الفترة، كشهر أو سنة كاملة، فتُحتسب كاملة)
}
summary-best-outside = { $count ->
    [zero] (لا حدث يقع فيه أفضل تقدير للمصدر خارج نطاقه بين الأدنى والأعلى)
    [one] (في حدث واحد يقع أفضل تقدير للمصدر خارج نطاقه بين الأدنى والأعلى)
    [two] (في حدثين يقع أفضل تقدير للمصدر خارج نطاقه بين الأدنى والأعلى)
    [few] (في { $n } أحداث يقع أفضل تقدير للمصدر خارج نطاقه بين الأدنى والأعلى)
    [many] (في { $n } حدثًا يقع أفضل تقدير للمصدر خارج نطاقه بين الأدنى والأعلى)
   *[other] (في { $n } حدث يقع أفضل تقدير للمصدر خارج نطاقه بين الأدنى والأعلى)
}
summary-within-only = (الأحداث المؤرخة ضمن هذه الفترة فقط)
summary-within-left-out = { $count ->
    [zero] (الأحداث المؤرخة ضمن هذه الفترة فقط)
    [one] (الأحداث المؤرخة ضمن هذه الفترة فقط: استُبعد حدث واحد تمتد تواريخه خارجها، ومعه { $deaths })
    [two] (الأحداث المؤرخة ضمن هذه الفترة فقط: استُبعد حدثان تمتد تواريخهما خارجها، ومعهما { $deaths })
    [few] (الأحداث المؤرخة ضمن هذه الفترة فقط: استُبعدت { $n } أحداث تمتد تواريخها خارجها، ومعها { $deaths })
    [many] (الأحداث المؤرخة ضمن هذه الفترة فقط: استُبعد { $n } حدثًا تمتد تواريخها خارجها، ومعها { $deaths })
   *[other] (الأحداث المؤرخة ضمن هذه الفترة فقط: استُبعد { $n } حدث تمتد تواريخها خارجها، ومعها { $deaths })
}
summary-within-left-out-no-deaths = { $count ->
    [zero] (الأحداث المؤرخة ضمن هذه الفترة فقط)
    [one] (الأحداث المؤرخة ضمن هذه الفترة فقط: استُبعد حدث واحد تمتد تواريخه خارجها)
    [two] (الأحداث المؤرخة ضمن هذه الفترة فقط: استُبعد حدثان تمتد تواريخهما خارجها)
    [few] (الأحداث المؤرخة ضمن هذه الفترة فقط: استُبعدت { $n } أحداث تمتد تواريخها خارجها)
    [many] (الأحداث المؤرخة ضمن هذه الفترة فقط: استُبعد { $n } حدثًا تمتد تواريخها خارجها)
   *[other] (الأحداث المؤرخة ضمن هذه الفترة فقط: استُبعد { $n } حدث تمتد تواريخها خارجها)
}
summary-left-out-deaths = { $count ->
    [zero] لا قتلى
    [one] قتيل واحد
    [two] قتيلان
    [few] { $n } قتلى
    [many] { $n } قتيلًا
   *[other] { $n } قتيل
}
count-within-only = احتسب المؤرخة ضمن الفترة فقط
count-overlapping = احتسب أيضًا ما تتداخل تواريخه معها
composition-children-no-number = { $count ->
    [zero] لا حدث يذكر قتل أطفال دون عدد
    [one] حدث واحد يذكر قتل أطفال دون أن يذكر عددهم
    [two] حدثان يذكران قتل أطفال دون أن يذكرا عددهم
    [few] { $n } أحداث تذكر قتل أطفال دون أن تذكر عددهم
    [many] { $n } حدثًا تذكر قتل أطفال دون أن تذكر عددهم
   *[other] { $n } حدث تذكر قتل أطفال دون أن تذكر عددهم
}
composition-women-no-number = { $count ->
    [zero] لا حدث يذكر قتل نساء دون عدد
    [one] حدث واحد يذكر قتل نساء دون أن يذكر عددهن
    [two] حدثان يذكران قتل نساء دون أن يذكرا عددهن
    [few] { $n } أحداث تذكر قتل نساء دون أن تذكر عددهن
    [many] { $n } حدثًا تذكر قتل نساء دون أن تذكر عددهن
   *[other] { $n } حدث تذكر قتل نساء دون أن تذكر عددهن
}
composition-unstated = { $first }: لا تدخل في أيّ عمود أعلاه.
composition-unstated-two = { $first }؛ { $second }: لا تدخل في أيّ عمود أعلاه.
copy-link = نسخ الرابط
link-copied = نُسخ الرابط
export-csv = تصدير CSV
export-json = تصدير JSON
# An export being written, and the share of it written so far.
exporting = جارٍ التصدير… { $percent }٪
clear-all = مسح الكل
events-count = { $count ->
    [zero] لا أحداث
    [one] حدث واحد
    [two] حدثان
    [few] { $n } أحداث
    [many] { $n } حدثًا
   *[other] { $n } حدث
}
deaths-count = { $count ->
    [zero] لا قتلى
    [one] قتيل واحد
    [two] قتيلان
    [few] { $n } قتلى
    [many] { $n } قتيلًا
   *[other] { $n } قتيل
}

## المرشّحات

filters = المرشّحات
filter-search = البحث
filter-search-label = البحث في الملخصات والأماكن والاقتباسات
filter-search-placeholder = ابحث في الملخصات والأماكن والاقتباسات…
filter-dates = التواريخ
filter-from = من
filter-to = إلى
filter-date-match-label = يُحتسب الحدث حين تكون تواريخه
filter-date-overlap = متداخلة مع هذه التواريخ
filter-date-within = واقعة ضمن هذه التواريخ
filter-dates-within = الأحداث المؤرخة ضمنها فقط
filter-collection = المجموعة
filter-publisher = الجهة الناشرة
filter-actor-role = دور الجهة الفاعلة
filter-actor-role-label = تُحتسب الجهة الفاعلة حين تكون
filter-role-any = بأي دور
filter-role-perpetrator = جهةً منفِّذة فقط
filter-actor = الجهة الفاعلة
filter-kind = نوع الحدث
filter-governorate = المحافظة
filter-casualties = الضحايا
clear = مسح
cas-killed = قتلى
cas-civilians = قتلى من المدنيين
cas-children = قتلى من الأطفال
cas-injured = جرحى
facet-party = الجهة الفاعلة كما يسمّيها المصدر
facet-type = النوع كما يسمّيه المصدر
facet-district = المنطقة
facet-place = المكان
facet-source = المصدر
facet-find-label = ابحث في «{ $facet }» بين { $n } خيار
facet-find-placeholder = ابحث بين { $n } خيار…
facet-no-match = لا يطابق أي خيار
facet-more = { $n } خيارات أخرى: اكتب للعثور عليها
facet-summary = { $facet } ({ $n })
facet-summary-ticked = { $facet } (حُدِّد { $ticked } من أصل { $n })
facet-grouped-under = { $value } (ضمن فئة: { $names })

## الخط الزمني

timeline = الخط الزمني
timeline-metric = المقياس
timeline-metric-label = مقياس الخط الزمني
timeline-by = الفترة
timeline-interval-label = فترة الخط الزمني
timeline-by-actor = حسب الجهة الفاعلة
timeline-empty = لا توجد أحداث مؤرّخة تطابق هذه المرشّحات.
timeline-canvas-label = خط زمني من { $n } عمود؛ اسحب، أو استخدم مفاتيح الأسهم وEnter، لاختيار التواريخ
timeline-part = { $metric ->
    [deaths] يعرض المخطط { $shown } من أصل { $total } من القتلى في هذا العرض: فالحدث المؤرخ بفترة أطول فقط (شهر أو سنة) موزّع عليها كلها، وجزء منها يقع خارج الفترات المعروضة.
    [civilians] يعرض المخطط { $shown } من أصل { $total } من القتلى المدنيين في هذا العرض: فالحدث المؤرخ بفترة أطول فقط (شهر أو سنة) موزّع عليها كلها، وجزء منها يقع خارج الفترات المعروضة.
   *[events] يعرض المخطط { $shown } من أصل { $total } من الأحداث في هذا العرض: فالحدث المؤرخ بفترة أطول فقط (شهر أو سنة) موزّع عليها كلها، وجزء منها يقع خارج الفترات المعروضة.
}
timeline-hint = مرّر المؤشر أو اسحبه على الخط الزمني لرؤية القيم واختيار التواريخ.
timeline-imprecise-legend = مؤرّخ بالشهر أو السنة أو بفترة فقط (موزّع عليها)
timeline-other-actors = جهات أخرى
timeline-all-events = كل الأحداث
milestones-none = لا اتفاق ولا وقف لإطلاق النار بين هذه الأحداث.
milestones-label = الاتفاقات ووقف إطلاق النار والأحداث السياسية
milestones-more = عرض { $more } أخرى (المعروض { $listed } من { $total })
timeline-week-of = أسبوع { $date }
chart-value = { $label }: { $value } ({ $metric })
timeline-imprecise = ({ $value } منها من أحداث غير دقيقة التاريخ)
metric-events = الأحداث
metric-deaths = القتلى (أفضل تقدير)
metric-civilians = القتلى المدنيون
interval-week = أسبوعيًا
interval-month = شهريًا
download-svg = SVG

## المخططات الشريطية

bars-actor = حسب الجهة الفاعلة (يُحتسب الحدث لكل جهة من جهاته)
bars-kind = حسب نوع الحدث
bars-governorate = حسب المحافظة
bars-empty = لا شيء يُعرض لهذه المرشّحات.
composition = من قُتل (أفضل التقديرات)
composition-title = تركيبة الضحايا
comp-children = أطفال
comp-women = نساء
comp-other-civilians = مدنيون آخرون
comp-combatants = مقاتلون
comp-unknown = مجهولو الصفة

## المخططات جداولَ، وأسماء أزرار المخططات

chart-subject-timeline = الخط الزمني
chart-subject-actor = المخطط حسب الجهة الفاعلة
chart-subject-kind = المخطط حسب نوع الحدث
chart-subject-gov = المخطط حسب المحافظة
chart-subject-composition = تركيبة الضحايا
chart-subject-map = الخريطة
download-svg-label = نزّل { $chart } بصيغة SVG
table-toggle = جدول
table-toggle-label = اعرض { $chart } جدولًا
table-csv = CSV
table-csv-label = صدّر جدول { $chart } بصيغة CSV
table-caption = { $chart } — { $metric }
table-caption-interval = { $chart } — { $metric } ({ $interval })
table-col-actor = الجهة الفاعلة
table-col-kind = نوع الحدث
table-col-gov = المحافظة
table-col-category = الفئة
table-col-deaths = القتلى (أفضل تقدير)
table-col-month = الشهر
table-col-week = بداية الأسبوع
table-col-imprecise = منها من تواريخ غير دقيقة
table-col-other = جهات أخرى، أو دون جهة مسمّاة
table-col-area-only = أحداث بلا موقع دقيق (⁦+N⁩)
table-col-selected = التصفية
table-selected = ✓ ضمن التصفية
table-csv-columns = أسماء الأعمدة معرّفات إنجليزية ثابتة؛ أما الأسماء والفترات فبلغة الصفحة.
table-csv-view = العرض: { $link }

## القائمة

list-title = الحوادث
list-range = { $first } إلى { $last } من أصل { $total }
list-empty = لا حادثة تطابق هذه المرشّحات.
clear-all-filters = مسح كل المرشّحات
col-date = التاريخ
col-place = المكان
col-actors = الجهات الفاعلة
col-kind = النوع
col-casualties = الضحايا (حسب عدد القتلى)
col-summary = الملخص
col-source = المصدر
pages-label = الصفحات
page-previous = السابقة
page-next = التالية
page-of = الصفحة { $page } من { $pages }
sort-newest = الأحدث أولًا
sort-oldest = الأقدم أولًا
sort-most-deaths = الأكثر قتلى أولًا
sort-fewest-deaths = الأقل قتلى أولًا

## كيف يُقرأ الحدث

precision-month = مؤرّخ بالشهر
precision-year = مؤرّخ بالسنة
precision-days = خلال أيام قليلة
precision-week = خلال أسبوع
precision-period = في وقتٍ ما خلال هذه الفترة
date-range = من { $from } إلى { $to }
actor-with-role = { $actor } ({ $role })
actor-as-named = { $actor } ({ $role }، باسم «{ $name }»)
actors-none = غير مسمّاة
source-citing = { $name }، نقلًا عن { $by }
casualty-line = { $outcome } من { $group }: { $amount }
casualty-range = { $best } (بين { $low } و{ $high })
amount = { $qualifier ->
    [at_least] { $n } على الأقل
    [over] أكثر من { $n }
    [about] نحو { $n }
    [nearly] قرابة { $n }
    [several] عدد من ({ $n })
   *[exact] { $n }
}
amount-vague = { $qualifier ->
    [several] عدد غير محدد
   *[other] عدد غير معروف
}
group-all = جميع الفئات
group-civilians = المدنيين
group-children = الأطفال
group-women = النساء
group-medical-personnel = الكوادر الطبية
group-civil-defence = عناصر الدفاع المدني
group-media-workers = الإعلاميين
group-combatants = المقاتلين
group-isis-members = عناصر تنظيم داعش
group-prisoners = المعتقلين
group-people = الأشخاص
group-unknown = مجهولي الصفة
outcome-killed = قتلى
outcome-injured = جرحى
outcome-arrested = معتقلون
outcome-released = مُفرَج عنهم
outcome-displaced = نازحون

## المفردات: المحافظات

gov-damascus = دمشق
gov-aleppo = حلب
gov-rif-dimashq = ريف دمشق
gov-homs = حمص
gov-hama = حماة
gov-latakia = اللاذقية
gov-idlib = إدلب
gov-al-hasakah = الحسكة
gov-deir-ez-zor = دير الزور
gov-tartus = طرطوس
gov-ar-raqqah = الرقة
gov-daraa = درعا
gov-as-suwayda = السويداء
gov-quneitra = القنيطرة

## المفردات: الجهات الفاعلة

actor-russia = القوات الروسية
actor-syrian-government = قوات النظام السوري
actor-pro-government-militias = الميليشيات الموالية للنظام
actor-iran-backed = الميليشيات المدعومة من إيران
actor-iran = القوات الإيرانية
actor-hezbollah = حزب الله
actor-coalition = التحالف الدولي
actor-united-states = القوات الأمريكية
actor-turkey = القوات التركية
actor-israel = القوات الإسرائيلية
actor-iraq = القوات العراقية
actor-jordan = القوات الأردنية
actor-sdf = قوات سوريا الديمقراطية (قسد)
actor-pkk = حزب العمال الكردستاني
actor-isis = تنظيم الدولة الإسلامية (داعش)
actor-hts = هيئة تحرير الشام / جبهة فتح الشام
actor-other-jihadist = جماعات جهادية أخرى
actor-opposition = فصائل المعارضة المسلحة
actor-palestinian-factions = الفصائل الفلسطينية
actor-tribal = المجموعات القبلية والعشائرية
actor-civilians = مدنيون
actor-unknown = جهات لم تُحدَّد
actor-other = مجموعات أخرى مسمّاة
role-perpetrator = جهة منفِّذة
role-target = جهة مستهدَفة
role-participant = طرف

## المفردات: أنواع الأحداث

kind-airstrike = غارة جوية
kind-shelling = قصف مدفعي
kind-barrel-bomb = برميل متفجّر
kind-guided-missile = صاروخ موجَّه
kind-rocket-attack = هجوم صاروخي
kind-ied = عبوة ناسفة
kind-chemical-attack = هجوم كيميائي
kind-ground-attack = هجوم بري
kind-security-operation = عملية أمنية
kind-raid-arrest = مداهمة / اعتقال
kind-airdrop = إنزال جوي
kind-joint-patrol = دورية مشتركة
kind-prisoner-release = إطلاق سراح معتقلين
kind-convoy-reinforcement = رتل / تعزيزات
kind-withdrawal = انسحاب
kind-ceasefire-agreement = وقف إطلاق نار / اتفاق
kind-political-event = حدث سياسي
kind-state-based-violence = عنف تكون الدولة طرفًا فيه (UCDP)
kind-non-state-violence = عنف بين أطراف غير حكومية (UCDP)
kind-one-sided-violence = عنف من طرف واحد (UCDP)
kind-other = أخرى

## المفردات: الجهات الناشرة

pub-sohr = المرصد السوري لحقوق الإنسان (SOHR)
pub-snhr = الشبكة السورية لحقوق الإنسان (SNHR)
pub-al-jazeera = الجزيرة
pub-ucdp = برنامج أوبسالا لبيانات النزاعات (UCDP)
pub-acled = مشروع بيانات مواقع النزاعات المسلحة وأحداثها (ACLED)
pub-other = أخرى

## لوحة المفاتيح والتركيز والإعلانات (رابط التخطي، المنطقة الحية، شرائح المرشّحات النشطة)

skip-to-results = انتقل إلى النتائج
announce-results = النتائج: { $events }، { $deaths } (أفضل تقدير)
chips-label = المرشّحات النشطة
chip-remove = إزالة المرشّح:
chip-text = { $dimension }: { $value }
list-sort-label = الترتيب حسب
figures-col-events = الأحداث في القائمة

## العمل دون اتصال والتحديثات

offline-badge = دون اتصال — يعمل من النسخة المحفوظة
update-ready = نسخة جديدة جاهزة —
update-reload = إعادة التحميل

## سجل الحدث الواحد

detail-not-found = لا يوجد في المجموعات المحمّلة حدث معرّفه «{ $id }».
detail-close = إغلاق
detail-copy-link = نسخ رابط هذا الحدث
detail-date-line = { $date } ({ $precision }؛ من { $from } إلى { $to })
detail-no-coordinates = لا إحداثيات (لم يقدّمها معجم جغرافي مفتوح ولا المصدر)
detail-from-gazetteer = ، من { $gazetteer }
place-source-spelling = لا اسم عربياً لهذا المكان في المعاجم الجغرافية: التهجئة كما في المصدر
detail-arabic-name = في المصدر: «{ $source }»؛ الاسم العربي من المعجم الجغرافي، { $from }
detail-governorate-unknown = المحافظة غير معروفة
detail-district = ؛ المنطقة: { $district }
detail-place = { $governorate }؛ { $located }؛ { $coordinates }{ $gazetteer }{ $district }
located-exact = موقع محدد بدقة
located-near = موقع قرب المكان
located-district = موقع محدد على مستوى المنطقة
located-governorate = موقع محدد على مستوى المحافظة
located-region = موقع محدد على مستوى إقليم
located-country = موقع محدد على مستوى البلد فقط
detail-unknown-publisher = جهة ناشرة غير معروفة
detail-published = نُشر في { $date }
detail-published-inferred = نُشر في { $date } (تاريخ مستنتج من النص)
detail-no-publication-date = تاريخ النشر غير مذكور
detail-reported-by = نقلًا عن
detail-open-source = فتح المصدر
detail-as-reported = كما ورد:
detail-id = المعرّف
detail-places = الأماكن
detail-facilities = المنشآت
detail-weapons = الأسلحة
detail-evidence = الأدلة
ucdp-event-id = معرّف الحدث
ucdp-deaths = القتلى: الحد الأدنى / أفضل تقدير / الحد الأعلى
ucdp-sides = الطرف أ / الطرف ب / مدنيون / مجهولو الصفة
ucdp-dyad = طرفا النزاع
ucdp-type = نوع العنف
ucdp-type-1 = 1 عنف تكون الدولة طرفًا فيه
ucdp-type-2 = 2 عنف بين أطراف غير حكومية
ucdp-type-3 = 3 عنف من طرف واحد
ucdp-precision = رموز الدقة
ucdp-sources = المصادر
ucdp-sources-line = ({ $n } من المصادر، { $date })
ucdp-article = مقال المصدر
ucdp-headline-as-given = العنوان كما يكتبه UCDP

## المفردات: المنشآت

facility-vital-facilities = منشآت مدنية حيوية
facility-mosque = مساجد
facility-educational = منشآت تعليمية
facility-medical = منشآت طبية
facility-market = أسواق
facility-residential = مبانٍ سكنية
facility-military-base = قاعدة عسكرية
facility-prison = سجن
facility-vehicle = مركبة
facility-camp = مخيم
facility-oil-field = حقل نفط
facility-airport = مطار

## حول

about-title = حول هذا المستكشف
about-lead = حوادث عسكرية موثقة في سوريا، كلٌّ منها مردود إلى التقرير الذي وثّقه. يعمل كل شيء في متصفحك، ولا تغادره أي بيانات.
about-data-heading = ما تمثّله البيانات وما لا تمثّله
about-point-figures = الأرقام كما أُعلنت. تختلف المصادر في طرق العدّ وتتباين نتائجها: تعدّ الشبكة السورية لحقوق الإنسان والمرصد السوري لحقوق الإنسان الضحايا الذين توثّقهم، ويعدّ برنامج أوبسالا (UCDP) القتلى في الأحداث التي يستطيع التحقق منها من التقارير الإخبارية، مع تقدير أدنى وأفضل تقدير وتقدير أعلى. ولا تُضاف الحصيلة المُعلنة عن فترة («رقم مُعلن») إلى الحوادث أبدًا.
about-point-words = يحتفظ كل رقم بالكلمات التي أُعلن بها («أكثر من 60»، «قرابة 25»، «عدة غارات جوية») وبما يصف دقته؛ فلا يُقرَّب شيء ولا يُخمَّن.
about-point-dates = لكل تاريخ درجة دقة (يوم، أيام قليلة، أسبوع، شهر، سنة، فترة). على الخط الزمني، تُوزَّع الأحداث المؤرّخة بدقة أقل من العمود على الأعمدة التي تغطيها، وتُرسم مظلَّلة بخطوط مائلة.
about-point-places = لكل مكان درجة دقة (دقيق، قريب، منطقة، محافظة، إقليم، بلد). لا تأتي الإحداثيات إلا من معجم جغرافي مفتوح أو من UCDP؛ وحيث لا توجد، يُحدَّد موقع الحدث بمحافظته أو إقليمه، ولا تُخترع له نقطة أبدًا.
about-point-russia = يُدرج UCDP الإسناد الجوي الروسي ضمن حكومة سوريا: لا يوجد طرف روسي في مجموعة UCDP، لذا لا تجد التصفية حسب القوات الروسية إلا التقارير المنتقاة.
about-point-weapons = لا يسجّل UCDP الأسلحة: تُصنَّف أحداثه حسب نوع العنف (عنف تكون الدولة طرفًا فيه، عنف بين أطراف غير حكومية، عنف من طرف واحد).
about-collections = المجموعات
about-collection-counts = : الأحداث: { $events }، الأرقام المُعلنة: { $figures }، المصادر: { $sources }.
about-version = الإصدار:
about-licence = الترخيص:
about-problems = تُخطّيت سجلات عند التحميل: { $skipped }؛ ومجموع المشكلات والتحذيرات: { $n } (أول 100 منها أدناه).
about-licences = التراخيص والإسنادات
about-licence-ucdp = البيانات: برنامج أوبسالا لبيانات النزاعات (UCDP)، ucdp.uu.se، بترخيص CC BY 4.0.
about-licence-boundaries = حدود المحافظات: مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية (UN OCHA) / قسم رسم الخرائط في الأمم المتحدة (UNCS)، عبر HDX وgeoBoundaries
about-licence-boundaries-terms = الترخيص: CC BY 3.0 IGO. الحدود مبسّطة، والإحداثيات مقرّبة، مع إضافة سمات. لا تعني الحدود والأسماء المعروضة والتسميات المستخدمة على هذه الخريطة أي إقرار أو قبول رسمي من الأمم المتحدة.
about-licence-places = إحداثيات الأماكن: GeoNames (www.geonames.org)، بترخيص CC BY 4.0، جزئيًا عبر Who's On First؛ المطارات: airportsdata (بترخيص MIT).
about-licence-place-names = أسماء الأماكن بالعربية: GeoNames (www.geonames.org)، بترخيص CC BY 4.0، عبر Who's On First (CC0)؛ أسماء المحافظات: UN OCHA، بترخيص CC BY 3.0 IGO. المكان الذي لا تذكر المعاجم الجغرافية اسمه بالعربية يبقى بتهجئة مصدره، بخط مائل.
about-licence-reports = تُقتبس نصوص التقارير (المرصد السوري لحقوق الإنسان، الشبكة السورية لحقوق الإنسان، الجزيرة) أدلةً، ويُذكر ناشرها مع كل اقتباس.
saved-dev = النسخة دون اتصال: نسخ التطوير لا تحتفظ بأي نسخة.
saved-unsupported = النسخة دون اتصال: لا يستطيع هذا المتصفح الاحتفاظ بنسخة (يلزمه دعم Service Workers وHTTPS).
saved-saving = النسخة دون اتصال: يجري حفظها في هذا المتصفح…
saved-version = النسخة دون اتصال: الإصدار { $version }، الملفات: { $files }، الحجم: { $mb } ميغابايت، محفوظة في هذا المتصفح؛ كل شيء يعمل دون اتصال بالشبكة.
saved-unknown = النسخة دون اتصال: محفوظة، والإصدار غير معروف.

## ملفك الخاص

open-file-region = ملفك الخاص
open-file-label = افتح ملفك الخاص:
open-file-hint = ملف مُصدَّر من ACLED، أو جدول UCDP GED، أو أي جدول آخر للحوادث (CSV أو جدول بيانات: تختار أنت أعمدته)، أو ملف مجموعة. يُقرأ على هذا الجهاز ولا يُرفع إلى أي مكان. يمكنك أيضًا إفلاته في أي موضع من الصفحة.
open-file-drop = أفلت الملف لفتحه
cancel = إلغاء

## الخريطة

map-unreadable = تعذّرت قراءة حدود الخريطة.
map-describe = { $name }: { $value } ({ $metric })؛ منها { $n } من الأحداث حُدِّد موقعها على مستوى المحافظة أو المنطقة فقط
map-legend-range = من { $from } إلى { $to }
map-legend-none = { $metric ->
    [deaths] لا قتلى
    [civilians] لا قتلى من المدنيين
   *[events] لا أحداث
}
map-legend = مفتاح الخريطة
map-legend-circles = أحداث حُدِّد موقعها في مكان ما أو قربه (مساحة الدائرة: عدد الأحداث ضمن نحو 10 كم)
map-legend-badges = ‎+N: أحداث لا يُعرف موقعها إلا على مستوى المحافظة أو المنطقة أو الإقليم (لا تُرسم نقاطًا)
map-unplaced = { $n } من الأحداث لا يُعرف موقعها إلا على مستوى سوريا كلها، فلا تظهر على الخريطة.
map-image = خريطة محافظات سوريا
map-governorates = المحافظات
map-hint = مرّر المؤشر فوق محافظة أو انتقل إليها بلوحة المفاتيح لرؤية قيمتها، وانقر عليها للتصفية بها.
map-attribution = حدود المحافظات: مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية (UN OCHA) / قسم رسم الخرائط في الأمم المتحدة (UNCS)، عبر HDX وgeoBoundaries، بترخيص CC BY 3.0 IGO؛ مبسّطة. لا تعني الحدود والأسماء المعروضة والتسميات المستخدمة على هذه الخريطة أي إقرار أو قبول رسمي من الأمم المتحدة.

## الأرقام المُعلنة

figures-selected = المحدَّد:
figures-unknown = لا يوجد رقم مُعلن معرّفه «{ $id }»؛ تُعرض كل الأرقام.
figures-lead = حصائل عن فترة زمنية كما نشرتها جهات الرصد. ليست حوادث، ولا تُضاف أبدًا إلى أعداد الحوادث. وتختلف التعريفات: تعدّ الشبكة السورية لحقوق الإنسان والمرصد السوري لحقوق الإنسان الضحايا الذين توثّقهم؛ ويعدّ برنامج أوبسالا (UCDP) القتلى في الأحداث التي يستطيع التحقق منها، ويُدرج الإسناد الجوي الروسي ضمن حكومة سوريا، فلا طرف روسيًا لديه.
figures-who = مَن يقول كم
figures-who-lead = أرقام من مصادر مختلفة تعدّ الشيء نفسه في فترات ومناطق وجهات فاعلة متداخلة، وما تبلغه مجموعات الأحداث في هذا المستكشف عن فترة الرقم الأول ومنطقته وجهته الفاعلة (الأحداث التي تتداخل تواريخها مع الفترة).
figures-counting-rule = كيف تُعدّ الأحداث: لا تُحتسب الاتفاقات ووقف إطلاق النار والأحداث السياسية (المحادثات والمؤتمرات والزيارات) أبدًا حوادثَ أو قتلى أو هجمات، هنا ولا في أي موضع من المستكشف. ويوضع عدد الهجمات أو المجازر لدى جهة الرصد بجانب الهجمات فقط (الغارات والقصف والقنابل والهجمات البرية وعنف UCDP)، لا بجانب الدوريات والأرتال والانسحابات والمداهمات وعمليات الإفراج. القتلى بأفضل تقدير؛ وتُحتسب الفئة الفرعية التي لا رقم لفئتها الأم ضمنها (ثلاثة أطفال قتلى يعني ثلاثة مدنيين قتلى على الأقل). ويفتح «فتح هذه الأحداث» الأحداث المعدودة بعينها.
figures-all = كل الأرقام المُعلنة
figures-col-metric = المقياس
figures-col-period = الفترة
figures-col-area = المنطقة
figures-col-by = الجهة
figures-col-value = القيمة وصياغتها
figures-col-source = المصدر والاقتباس
figures-title = { $metric } — من { $from } إلى { $to }، { $area }
figures-citing = ، نقلًا عن
figures-compare = قارن بالأحداث
figures-all-actors = كل الجهات الفاعلة
figures-mentions-russia = { $n } منها تستشهد بنص يذكر روسيا (مستخلص من نص العنوان؛ ليس طرفًا مُرمَّزًا)
figures-in-events = في { $n } من الأحداث
figures-beyond-period = { $n } منها تمتد تواريخها خارج الفترة (شهر أو سنة يتداخلان معها) فتُحتسب كاملة
figures-summing = جارٍ جمع الأحداث…
figures-open-events = فتح هذه الأحداث
figures-sums-caption = مجموعات الأحداث في الفترة والمنطقة نفسيهما: { $measure }
figures-actor-any-role = الجهة الفاعلة (بأي دور)
qual-exact = بالضبط
qual-at-least = على الأقل
qual-over = أكثر من
qual-about = نحو
qual-nearly = قرابة
qual-several = عدة
qual-unspecified = غير محدد
figure-civilians-killed = مدنيون قتلى
figure-children-killed = أطفال قتلى
figure-women-killed = نساء قتلى
figure-civilians-injured = مدنيون جرحى
figure-children-injured = أطفال جرحى
figure-women-injured = نساء جرحى
figure-massacres = مجازر
figure-attacks-on-facilities = هجمات على منشآت
figure-cluster-munition-attacks = هجمات بذخائر عنقودية
figure-incendiary-attacks = هجمات بأسلحة حارقة
figure-chemical-attacks = هجمات كيميائية
figure-barrel-bombs = براميل متفجرة أُلقيت
figure-nail-missile-attacks = هجمات بصواريخ محمّلة بالمسامير
figure-guided-missile-attacks = هجمات بصواريخ موجّهة
figure-medical-personnel-killed = قتلى من الكوادر الطبية
figure-civil-defence-killed = قتلى من عناصر الدفاع المدني
figure-media-workers-killed = قتلى من الإعلاميين
figure-displaced = نازحون
figure-attacks = هجمات
measure-civilians-killed = مدنيون قتلى (أفضل التقديرات)
measure-children-killed = أطفال قتلى (أفضل التقديرات)
measure-women-killed = نساء قتلى (أفضل التقديرات)، في الأحداث التي قُتل فيها مدنيون
measure-medical-personnel-killed = أحداث قُتل فيها مدنيون (لا تعدّ المجموعات الكوادر الطبية والمسعفين والصحفيين على حدة)
measure-civil-defence-killed = أحداث قُتل فيها مدنيون (لا تعدّ المجموعات الكوادر الطبية والمسعفين والصحفيين على حدة)
measure-media-workers-killed = أحداث قُتل فيها مدنيون (لا تعدّ المجموعات الكوادر الطبية والمسعفين والصحفيين على حدة)
measure-civilians-injured = أحداث وقع فيها جرحى (لا تعدّ المجموعات الجرحى)
measure-children-injured = أحداث وقع فيها جرحى (لا تعدّ المجموعات الجرحى)
measure-women-injured = أحداث وقع فيها جرحى (لا تعدّ المجموعات الجرحى)
measure-massacres = هجمات قُتل فيها مدنيون (المجزرة كما تعدّها جهات الرصد هجوم قُتل فيه عدة أشخاص؛ ولا تميّزها المجموعات)
measure-chemical-attacks = هجمات كيميائية
measure-barrel-bombs = هجمات بالبراميل المتفجرة (أحداث، لا عدد البراميل المُلقاة)
measure-guided-missile-attacks = هجمات بصواريخ موجّهة
measure-attacks = هجمات
measure-attacks-on-facilities = هجمات من أي نوع (لا تسجّل المجموعات المنشأة المستهدفة ولا الذخيرة)
measure-cluster-munition-attacks = هجمات من أي نوع (لا تسجّل المجموعات المنشأة المستهدفة ولا الذخيرة)
measure-incendiary-attacks = هجمات من أي نوع (لا تسجّل المجموعات المنشأة المستهدفة ولا الذخيرة)
measure-nail-missile-attacks = هجمات من أي نوع (لا تسجّل المجموعات المنشأة المستهدفة ولا الذخيرة)
measure-displaced = حوادث (لا تعدّ المجموعات النازحين)
rows-count = { $count ->
    [zero] لا صفوف
    [one] صف واحد
    [two] صفّان
    [few] { $n } صفوف
    [many] { $n } صفًا
   *[other] { $n } صف
}
records-count = { $count ->
    [zero] لا سجلات
    [one] سجل واحد
    [two] سجلّان
    [few] { $n } سجلات
    [many] { $n } سجلًا
   *[other] { $n } سجل
}

## بياناتك

your-data-title = بياناتك ({ $n })
your-data-note = قُرئت على هذا الجهاز ولم يُرفع شيء. تُحفظ على هذا الجهاز، لهذا الموقع وحده، إلى أن تزيلها.
your-data-counts = قُرئ: { $read }؛ تُخطّي: { $skipped }؛ مع تحذيرات: { $warned }؛ { $events }
your-data-details = { $format } · { $size } · فُتح { $when }
your-data-problems = { $count ->
    [zero] لا مشكلات
    [one] مشكلة واحدة
    [two] مشكلتان
    [few] { $n } مشكلات
    [many] { $n } مشكلةً
   *[other] { $n } مشكلة
}
your-data-first-shown = تُعرض أول { $shown } منها؛ والملف المنزَّل يضمّها كلها ({ $total }).
your-data-not-listed = وُجدت مشكلات أخرى لم تُدرج ({ $n })؛ في أغلب صفوف الملف مشكلة.
your-data-download-problems = تنزيل قائمة المشكلات (CSV)
your-data-save-title = كل الأحداث المقروءة من هذا الملف، في ملف مجموعة لهذا التطبيق
your-data-save = حفظ بصيغة مجموعة (JSON)
saving = جارٍ الحفظ… { $percent }٪
your-data-remove = إزالة
problem-left-out = مُستبعَد:
problem-kept = مُحتفَظ به:
problem-row = الصف { $row }

## رابط يعرض ملفًا ليس على هذا الجهاز

link-missing-several = ليست على هذا الجهاز. افتح الملفات نفسها هنا
link-missing-one = ليس على هذا الجهاز. افتح الملف نفسه هنا
link-still-several = ما زالت ملفات الرابط غير موجودة.
link-still-one = ما زال ملف الرابط غير موجود.
link-open-several = افتح أحد هذه الملفات…
link-open-one = افتح هذا الملف…
link-other-before = فتحتَ
link-other-middle = ، وليس من الملفات التي يعرضها هذا الرابط (صار المجموعة «
link-other-after = »).
link-files-region = الملفات التي يعرضها هذا الرابط
link-see = { $missing } لرؤية عرض الرابط بمرشّحاته؛ يُقرأ الملف على هذا الجهاز ولا يُرفع أبدًا.
dismiss = تجاهل
link-sha-starting = بصمة SHA-256 تبدأ بـ
link-collection = المجموعة
link-counts = قُرئ: { $rows }، { $events }؛
link-shows = يعرض هذا الرابط
link-shows-after = ، وهو ملف فُتح على جهاز آخر.
link-shows-unnamed = يعرض هذا الرابط ملفًا فُتح على جهاز آخر

## حين يتعذّر تحميل البيانات

error-title = تعذّر تحميل البيانات
error-problems = { $count ->
    [one] مشكلة واحدة:
    [two] مشكلتان؛ وهما:
    [few] { $n } مشكلات في المجموع؛ أولاها:
    [many] { $n } مشكلةً في المجموع؛ أولاها:
   *[other] { $n } مشكلة في المجموع؛ أولاها:
}
try-again = إعادة المحاولة

## خطوة تعيين الأعمدة

map-title = اختر أعمدة
mapping-hint = ليس هذا الجدول ملفًا مُصدَّرًا من ACLED أو UCDP: حدّد أي عمود يحمل أي حقل. التخمين أدناه مأخوذ من أسماء الأعمدة ومن الصفوف الأولى.
map-not-in-table = — ليس في هذا الجدول —
map-guessed-from = خُمِّن من «{ $value }» في الصفوف الأولى: تحقّق منه.
map-date-order = كيف تُكتب التواريخ مثل 03/04/2019؟
map-sheet = الورقة
map-first-rows = { $count ->
    [zero] لا صفوف
    [one] الصف الأول
    [two] أول صفّين
    [few] أول { $n } صفوف
    [many] أول { $n } صفًا
   *[other] أول { $n } صف
}
map-open = افتح بهذه الأعمدة
date-order-ymd = سنة، شهر، يوم
date-order-dmy = يوم/شهر/سنة: 03/04/2019 هو 3 نيسان 2019
date-order-mdy = شهر/يوم/سنة: 03/04/2019 هو 4 آذار 2019
map-field-id = معرّف الصف
map-field-date = التاريخ (أو تاريخ البدء)
map-field-end-date = تاريخ الانتهاء
map-field-place = المكان
map-field-governorate = المحافظة
map-field-district = المنطقة
map-field-latitude = خط العرض
map-field-longitude = خط الطول
map-field-actor1 = الجهة المنفِّذة (الطرف 1)
map-field-actor2 = الجهة المستهدَفة أو الطرف الآخر (الطرف 2)
map-field-kind = نوع الحادثة
map-field-deaths = القتلى (رقم واحد أو أفضل تقدير)
map-field-deaths-low = القتلى، التقدير الأدنى
map-field-deaths-high = القتلى، التقدير الأعلى
map-field-civilians = القتلى المدنيون
map-field-summary = الوصف (مقتبس)
map-field-source = المصدر (نقلًا عن)

## ما طلبه الرابط فأُهمل أو غُيِّر

# The pair param=value is laid out left to right (U+2066 … U+2069), as a link writes it.
notice-invalid = «⁦{ $param }={ $value }⁩» قيمة غير صالحة (المتوقَّع: { $expects })؛ أُهملت
notice-unknown-param = المعامل «{ $param }» غير معروف، فأُهمل
notice-repeated-list = ورد «{ $param }» أكثر من مرة ({ $n })؛ جُمعت القيم
notice-repeated-last = ورد «{ $param }» أكثر من مرة ({ $n })؛ أُخذت القيمة الأخيرة
notice-swapped = «from={ $from }» بعد «to={ $to }»؛ بُدِّل التاريخان
notice-too-long = تجاوز «{ $param }» حدّ { $limit } بايت؛ أُهمل
notice-search-cut = تجاوز نص البحث حدّ { $limit } بايت فقُصّ
notice-more = أُهملت مشكلات أخرى في العنوان ({ $n })
notice-no-page = لا توجد صفحة { $asked }: في القائمة { $count ->
    [one] صفحة واحدة
    [two] صفحتان
    [few] { $n } صفحات
    [many] { $n } صفحةً
   *[other] { $n } صفحة
}، وتُعرض الأخيرة
notice-no-event-has = لا يحمل أي حدث محمَّل القيمة { $values } ({ $expects })؛ أُهملت
notice-no-collection = المجموعة { $named } غير محمّلة (المحمّلة: { $loaded })؛ أُهملت
notice-no-collection-file = المجموعة { $named } غير محمّلة (المحمّلة: { $loaded })؛ أُهملت. مجموعة «file-» ملفٌّ فُتح على جهاز آخر: افتح الملف نفسه هنا لرؤية هذا العرض
expects-lang = لغة للواجهة (ar أو en)
expects-view = طريقة عرض (list أو figures أو map أو about)
expects-c = معرّف مجموعة
expects-file = ملف (collection id:rows:events:name)
expects-from = تاريخ (YYYY-MM-DD)
expects-to = تاريخ (YYYY-MM-DD)
expects-dates = طريقة لمطابقة التواريخ (within أو overlap)
expects-actor = جهة فاعلة
expects-role = دور للجهة الفاعلة (perpetrator أو any)
expects-party = اسم جهة فاعلة
expects-type = نوع حدث
expects-district = منطقة
expects-place = مكان
expects-source = مصدر
expects-kind = نوع حدث
expects-gov = محافظة
expects-pub = جهة ناشرة
expects-cas = مرشّح للضحايا (killed أو civilians أو children أو injured)
expects-q = نص بحث
expects-sort = ترتيب
expects-metric = مقياس (events أو deaths أو civilians)
expects-by = فترة (week أو month)
expects-stack = إعداد للتكديس (0 أو 1)
expects-table = مخطط (timeline أو actor أو kind أو gov أو composition أو map)
expects-sel = معرّف حدث
expects-page = رقم صفحة (من 1)

# Adding a file the worker read to the explorer (src/ui/adding.rs)
adding-label = إضافة { $name }
adding-waiting = بانتظار تحميل المجموعات المرفقة، ثم يُضاف { $name }
adding-checking = جارٍ فحص { $name }: { $percent }%
adding-building = جارٍ بناء جدول المستكشف لـ { $name }: { $percent }%

## File import and checking
notice-stray-percent = في «{ $param }» علامة «%» لا تبدأ ترميزًا؛ قُرئت كما كُتبت
notice-not-utf8 = في «{ $param }» بايتات ليست نصًا بترميز UTF-8؛ استُبدلت بها العلامة «�»
notice-list-cut = لا يحمل الرابط أكثر من { $limit } بايت من قيم «{ $param }»؛ أُسقطت منها قيم ({ $n })
# Why a file cannot be read at all (core::import::ImportError)
import-empty = الملف فارغ.
import-header-only = في الملف صف عناوين ولا صفوف حوادث تحته.
import-binary = هذا ليس ملفًا نصيًا: فيه بايتات NUL لا يحملها أي جدول محفوظ نصًا (UTF-8، أو UTF-16 مع علامة ترتيب البايتات، أو Windows-1256، أو Windows-1252). افتحه في البرنامج الذي أنشأه واحفظه بصيغة CSV.
import-missing-columns = يبدو هذا { $format }، لكن صف عناوينه يخلو من { $count ->
        [one] العمود
       *[other] الأعمدة
    } { $columns }.
import-unreadable = تتعذر قراءة ملف CSV عند الصف { $row }: { $reason }.
import-unsupported = يبدو هذا { $format }، ويجب اختيار أعمدته أولًا: افتحه في صفحة التطبيق التي تعرضها؛ لا يُقرأ هنا إلا ملفات ACLED المُصدَّرة وجداول UCDP GED.
import-invalid-id = لا يصلح معرّف المجموعة «{ $id }» (من 1 إلى 200 حرف أو رقم أو «.» أو «_» أو «-»).
import-read = تعذرت قراءة الملف: { $reason }.
import-shapes = تعذرت قراءة حدود المحافظات، فلا يمكن توزيع أي ملف عليها: { $reason }.
import-not-a-table = يبدو هذا { $what }، لا جدولًا للحوادث.
import-json-list = يبدو هذا قائمة JSON، لا ملف مجموعة (كائن JSON فيه schema_version وcollection وsources وevents) ولا جدولًا للحوادث.
import-utf16 = هذا الملف نص بترميز UTF-16: احفظه بصيغة CSV بترميز UTF-8 لاستيراده.
looks-pdf = مستند PDF
looks-png = صورة PNG
looks-jpeg = صورة JPEG
looks-gif = صورة GIF
looks-gzip = ملفًا مضغوطًا بـgzip (فُكَّ ضغطه أولًا)
looks-7z = أرشيف 7-Zip (فُكَّ ضغطه أولًا)
looks-rar = أرشيف RAR (فُكَّ ضغطه أولًا)
looks-sqlite = قاعدة بيانات SQLite
looks-parquet = ملف Parquet
looks-old-office = مستند Office بالصيغة القديمة (.doc أو .ppt)
looks-word = مستند Word
looks-powerpoint = عرضًا تقديميًا PowerPoint
looks-zip = أرشيف ZIP (فُكَّ ضغطه وافتح الجدول الذي فيه)
looks-html = صفحة ويب (HTML)
looks-xml = مستند XML
looks-rtf = مستندًا بنص منسَّق (RTF)
looks-plain-text = نصًا عاديًا
format-collection = ملف مجموعة من ملفات هذا التطبيق
format-acled = ملفًا مُصدَّرًا من ACLED
format-ucdp = جدول UCDP GED
format-other-csv = جدول CSV
format-spreadsheet = مصنَّف جداول بيانات
workbook-no-sheet = لا ورقة خلايا في هذا المصنَّف (فيه رسوم بيانية فقط، أو لا أوراق فيه أصلًا).
workbook-no-such-sheet-none = لا ورقة باسم «{ $name }» في هذا المصنَّف: لا ورقة خلايا فيه.
workbook-no-such-sheet-one = لا ورقة باسم «{ $name }» في هذا المصنَّف: ورقته الوحيدة { $only }.
workbook-no-such-sheet-many = لا ورقة باسم «{ $name }» في هذا المصنَّف: أوراقه { $init } و{ $last }.
workbook-password = هذا المصنَّف محميّ بكلمة مرور فتتعذر قراءته: افتحه في تطبيق جداول البيانات، واحفظ نسخة بلا كلمة مرور، وافتحها.
workbook-old-office = هذا ملف Office بالصيغة القديمة، لكنه ليس مصنَّف جداول بيانات (أهو ملف Word أو PowerPoint؟).
workbook-not-one = هذا ليس مصنَّف جداول بيانات: تُقرأ مصنَّفات ‎.xlsx و‎.xlsb و‎.ods و‎.xls.
workbook-zip-without = هذا أرشيف ZIP، لكن لا مصنَّف جداول بيانات فيه (‎.xlsx أو ‎.xlsb أو ‎.ods).
# How a table was read, and what it was read as (the mapping step, "Your data")
reading-text = { $encoding }
reading-semicolons = { $encoding }، مفصول بفواصل منقوطة
reading-tabs = { $encoding }، مفصول بمسافات جدولة
reading-commas = { $encoding }، مفصول بفواصل
reading-sheet = الورقة «{ $sheet }»، والعناوين في الصف { $row }
summary-format-acled = ملف ACLED مُصدَّر (CSV)
summary-format-ucdp = UCDP GED ‏(CSV)
summary-format-collection = مجموعة (JSON)
summary-format-csv-table = جدول CSV، باختيار الأعمدة
summary-format-sheet = جدول بيانات، الورقة «{ $sheet }»، باختيار الأعمدة
# What the mapping step still lacks (core::import::table_mapping::Mapping::missing)
mapping-missing-date = اختر العمود الذي يحمل التاريخ.
mapping-missing-order = اختر طريقة كتابة التواريخ: يوم/شهر/سنة أو شهر/يوم/سنة.
mapping-missing-coordinates = اختر خط العرض وخط الطول معًا، أو لا تختر أيًا منهما.
mapping-missing-where = اختر المكان: بلدة أو محافظة أو منطقة أو إحداثيات.
mapping-no-such-column = يشير «{ $field }» إلى عمود ليس في الجدول.
mapping-column-twice = اختير عمود واحد لـ«{ $first }» و«{ $second }» معًا.
# A row's problems (row N / column / value: what is wrong)
problem-id-not-in-link = لا يصلح جزءًا من رابط: المعرّف حروف وأرقام و«:» و«.» و«_» و«-»
problem-same-id = المعرّف نفسه في الصف { $first }؛ أُسقط هذا الصف
problem-no-description = لا وصف: يذكر الاستشهاد النوع والمكان بدل الاقتباس
problem-before-start = قبل تاريخ البداية { $start }
problem-governorate-placed = ليس اسم محافظة سورية؛ وُضع في { $governorate } بحسب إحداثياته
problem-governorate-unknown = ليس اسم محافظة سورية: أُبقي بلا محافظة (يُذكر مرة واحدة لكل اسم)
problem-no-place = لا مكان: البلدة والمحافظة والمنطقة والإحداثيات كلها فارغة
problem-swapped-coordinates = يبدو أن خط العرض وخط الطول متبادلان؛ أُبقيا كما كُتبا، بلا نقطة على الخريطة
problem-outside-syria-map = خارج سوريا: أُبقي بلا نقطة على الخريطة، فهي لا تعرض إلا سوريا
problem-above-higher = أعلى من التقدير الأعلى بجانبه ({ $higher })
problem-no-best = تقدير أدنى أو أعلى بلا تقدير مرجَّح: أُبقي مع السجل، لكن المجاميع لا تجمع إلا التقديرات المرجَّحة، فلا يضيف هذا الصف قتلى إليها
problem-more-civilians = عدد القتلى المدنيين أكبر من عدد القتلى ({ $total }): أُبقي، فتحقق منه
problem-milestone-deaths = الاتفاق محطة: يُحفظ عدد قتلاه ولا يُحسب أبدًا
problem-far-too-many-people = عدد كبير جدًا على حدث واحد (أكثر من 4,294,967,295): تحقق من القيمة
problem-many-killed = أكثر من { $limit } قتيل في حدث واحد: أُبقي، لكن تحقق من القيمة فهي تؤثر في كل المجاميع
problem-negative-people = عدد أشخاص سالب
problem-not-whole-people = ليس عددًا صحيحًا من الأشخاص
problem-not-utf8 = ليس نصًا بترميز UTF-8
problem-required = مطلوب، لكنه فارغ
problem-not-degrees = ليس عددًا من الدرجات
problem-unclosed-quote = علامة اقتباس فُتحت في هذا الصف ولم تُغلق، فقُرئ باقي الملف داخلها؛ أُسقط الصف
problem-field-count = { $n } حقول وفي صف العناوين { $header }؛ أُسقط الصف
problem-field-count-break = { $n } حقول وفي صف العناوين { $header } (حقل يمتد عبر سطر جديد: قد تكون علامة اقتباس ناقصة أو زائدة)؛ أُسقط الصف
# The page's messages about opening a file (src/ui/open_file.rs, src/ui/import_client.rs, the worker)
open-interrupted = توقفت قراءة { $earlier }: فُتح { $name } بدلًا منه.
open-failed = تعذر فتح { $name }. { $reason }
open-reading-cancelled = أُلغيت قراءة الملف.
open-cancelled = أُلغي فتح الملف.
open-reader-stopped = توقف قارئ الملفات.
open-several-dropped = أُفلت { $n } ملفات؛ لا يُفتح منها إلا { $name }. افتح الملفات الأخرى واحدًا تلو الآخر.
open-reading = قراءة { $name }
reader-cannot-start = تعذر على هذا المتصفح تشغيل قارئ الملفات (Web Worker).
reader-not-handed = تعذر تسليم الملف إلى قارئ الملفات.
reader-stopped-error = توقف قارئ الملفات بخطأ: { $reason }
reader-choice-not-written = تعذرت كتابة الاختيار: { $reason }
reader-unreachable = تعذر الوصول إلى قارئ الملفات.
reader-not-understood = أرسل قارئ الملفات رسالة لا تفهمها هذه الصفحة ({ $reason }).
worker-not-understood = لم يفهم قارئ الملفات رسالة الصفحة ({ $reason }).
worker-not-a-file = أُرسل إلى قارئ الملفات شيء ليس ملفًا.
worker-nothing-waiting = لا ملف ينتظر لدى قارئ الملفات؛ افتحه من جديد.
worker-sheet-unusable = لا تصلح الورقة «{ $sheet }»: { $reason }
worker-not-handed-over = قُرئ الملف لكن تعذر تسليمه: { $reason }
worker-no-file-reader = لا يستطيع هذا المتصفح قراءة الملفات في عامل خلفي.
worker-not-checked = قُرئ الملف، لكن العامل الخلفي الذي يتحقق منه توقف ({ $reason }).
worker-not-handed-to-page = قُرئ الملف لكن تعذر تسليمه إلى الصفحة.
blob-not-read = تعذرت قراءة المجموعة المقروءة من الملف من المتصفح ({ $detail }).
# Adding a file, keeping it on the device, saving it (src/ui/app.rs, src/ui/adding.rs, src/ui/device_store.rs)
adding-id-open = مجموعة بالمعرّف «{ $id }» مفتوحة من قبل ({ $open })، فلم يُضف { $name }
adding-not-opened = تعذر فتح هذا الملف
adding-not-opened-because = تعذر فتح هذا الملف: { $problem }
adding-bundled-failed = لم يُضف { $name }: تعذر تحميل المجموعات المرفقة. أعد المحاولة، ثم افتح الملف مرة أخرى.
adding-files-changed = لم يُضف { $name }: تغيّرت الملفات المفتوحة أثناء إضافته. افتحه مرة أخرى.
adding-read-again = قُرئ { $name } مرة أخرى بحسب الاختيار الحالي، واستُبدلت به قراءته السابقة.
adding-not-kept = { $name } مفتوح، لكن تعذر حفظه على هذا الجهاز: { $reason }. سيختفي بعد إعادة تحميل الصفحة.
removed-not-forgotten = أُزيل الملف من هذه الصفحة، لكن تعذر على هذا الجهاز محوه: { $reason }
save-still-loading = الصفحة ما زالت قيد التحميل
save-not-open = لم يعد مفتوحًا
save-not-written = { $reason }
save-not-offered = { $reason }
save-failed = تعذر حفظ المجموعة: { $reason }.
kept-data-gone = حُفظ { $name } على هذا الجهاز، لكن بياناته لم تعد موجودة؛ افتحه مرة أخرى.
kept-not-read = حُفظ { $name } على هذا الجهاز، لكن تعذرت قراءته ({ $reason })؛ افتحه مرة أخرى.
kept-stored-damaged = نسخته المحفوظة تالفة أو ناقصة: { $detail }
kept-id-open = حُفظ { $name } على هذا الجهاز، لكن مجموعة بمعرّفه نفسه مفتوحة من قبل.
kept-not-reopened = حُفظ { $name } على هذا الجهاز لكن تعذرت إعادة فتحه؛ افتحه مرة أخرى.
kept-not-reopened-because = حُفظ { $name } على هذا الجهاز لكن تعذرت إعادة فتحه ({ $problem })؛ افتحه مرة أخرى.
store-too-large = يحفظ هذا الإصدار على الجهاز ملفات حتى { $limit } ميغابايت، وحجم هذا الملف { $size } ميغابايت
store-too-large-to-reopen = حجمه أكبر من { $limit } ميغابايت التي يعيد هذا الإصدار فتحها
store-index-not-written = تعذرت كتابة قائمة الملفات المحفوظة ({ $reason })
store-index-damaged = قائمة الملفات المحفوظة تالفة ({ $reason })
store-no-window = لا نافذة
store-form-not-made = لم يقبل المتصفح الاحتفاظ بالنسخة المراد حفظها
store-not-in-this-mode = لا يحفظ هذا المتصفح ملفات للصفحات في هذا الوضع ({ $reason })
store-no-room = لا مساحة متبقية له على هذا الجهاز ({ $detail })
store-browser-error = { $name }: { $detail }
store-browser-said = { $detail }
store-unknown-error = خطأ غير معروف
# The events' CSV export: its comment lines, after the rows (src/core/export.rs)
export-csv-holds = مستكشف الحوادث العسكرية في سوريا: { $count ->
        [zero] لا أحداث في العرض المُصفّى
        [one] حدث واحد، هو العرض المُصفّى
        [two] حدثان، هما العرض المُصفّى
        [few] { $n } أحداث، هي العرض المُصفّى
        [many] { $n } حدثًا، هي العرض المُصفّى
       *[other] { $n } حدث، هي العرض المُصفّى
    }
export-csv-columns = أسماء الأعمدة معرّفات إنجليزية ثابتة (id وdate_start وdeaths_best…)، لا تتغير بتغيّر لغة الواجهة، لتقرأ البرامج كل ملف مُصدَّر بالطريقة نفسها.
# A row's problems: dates and the ACLED importer's (src/core/import/acled.rs, acled_fields.rs, table_mapping.rs, src/core/date.rs)
problem-not-iso-date = ليس تاريخًا بالصيغة YYYY-MM-DD
problem-no-month = لا يوجد شهر رقمه { $month }
problem-no-day = لا يوم { $day } في { $month }
problem-year-before = السنة { $year } قبل { $first }، والأرجح أنها خطأ في الكتابة
problem-year-before-guess = السنة { $year } قبل { $first }، والأرجح أن المقصود { $guess }
problem-year-after = السنة { $year } بعد { $next }، والأرجح أنها خطأ في الكتابة
problem-not-a-table-date = ليس تاريخًا (اكتب 2019-03-04 أو 04/03/2019 أو 4 March 2019)
problem-two-digit-year = «{ $year }» ليست سنة من أربعة أرقام: اكتب السنة كاملة
problem-order-unknown = لا يمكن التمييز بين اليوم والشهر: اختر ترتيب التواريخ
problem-no-such-month = لا يوجد شهر رقمه { $month }: هل ترتيب اليوم والشهر صحيح؟
problem-acled-slashes = لا يمكن التمييز بين اليوم والشهر في تاريخ بخطوط مائلة؛ اكتب 2023-01-31 أو 31 January 2023
problem-acled-not-a-date = ليس تاريخًا بالصيغة 2023-01-31 أو 31 January 2023 (كما يكتبه ACLED)
problem-acled-year = تخالف سنة event_date ‏({ $day })، وهي المعتمدة
problem-acled-no-time-precision = لا قيمة في time_precision: قُرئ التاريخ يومًا محددًا
problem-one-two-three = يجب أن تكون 1 أو 2 أو 3
problem-acled-event-type = ليس من أنواع أحداث ACLED الستة: أطرافه مشاركون
problem-acled-sub-event-type = ليس من الأنواع الفرعية لأحداث ACLED: صُنّف تحت «أخرى»
problem-far-too-many-fatalities = عدد قتلى كبير جدًا على حدث واحد (أكثر من 4,294,967,295): تحقق من القيمة
problem-many-fatalities = أكثر من { $limit } قتيل في حدث واحد: أُبقي، لكن تحقق من القيمة فهي تؤثر في كل المجاميع
problem-negative-fatalities = عدد قتلى سالب
problem-too-many-fatalities = عدد قتلى كبير جدًا على حدث واحد: تحقق من القيمة
problem-not-whole-fatalities = ليس عددًا صحيحًا من القتلى
problem-milestone-fatalities = الاتفاق محطة: يُحفظ عدد قتلاه ولا يُحسب أبدًا
problem-acled-no-notes = لا ملاحظات (notes): يذكر الاستشهاد النوع الفرعي والمكان بدل الاقتباس
problem-acled-no-geo-precision = لا قيمة في geo_precision: قُرئت 3، أي منطقة أوسع (فلا نقطة على الخريطة)
problem-governorate-nowhere = ليس اسم محافظة سورية، والإحداثيات لا تقع في أي منها: أُبقي بلا محافظة
problem-acled-other-country = خارج سوريا: تُبقى صفوف هذا البلد وتُحسب في كل المجاميع؛ حدّد المحافظات لاستبعادها (يُذكر مرة واحدة لكل بلد)
problem-outside-syria-placed = خارج سوريا مع أن الصف يضعه فيها؛ أُبقي بلا نقطة على الخريطة

## Phone, touch and keyboard
timeline-touch-hint = اسحب بإصبعك لتمرير الخط الزمني. المس عمودًا ثم آخر لاختيار التواريخ.
timeline-touch-start = من { $period }: المس عمودًا آخر للنهاية، أو العمود نفسه لاختيار { $period } وحده.

# --- ownfile helper (session 26) ---
map-header-row = أُخذت أسماء الأعمدة من الصف { $row }.
map-header-skipped = { $count ->
    [zero] لا صفوف فوقه.
    [one] الصف الذي فوقه لا يُقرأ.
    [two] الصفّان اللذان فوقه لا يُقرآن.
    [few] الصفوف الـ{ $n } التي فوقه لا تُقرأ.
    [many] الصفوف الـ{ $n } التي فوقه لا تُقرأ.
   *[other] الصفوف الـ{ $n } التي فوقه لا تُقرأ.
}
map-header-choice = صف أسماء الأعمدة
map-header-option = الصف { $row }: { $text }
worker-header-unusable = لا يصلح هذا الصف لأسماء الأعمدة: { $reason }
workbook-too-wide = في الورقة «{ $sheet }» خلية في { $cell }، بعد العمود { $last } وهو آخر عمود يمكن قراءته هنا: احذف ما في الأعمدة البعيدة (أو احفظ الجدول بصيغة CSV) ثم افتحه مرة أخرى.
workbook-too-spread = تنتشر خلايا الورقة «{ $sheet }» المملوءة ({ $cells }) من { $from } إلى { $to }، في شبكة أكبر من أن تُقرأ هنا: احذف الخلايا البعيدة (آخرها { $to })، أو احفظ الجدول بصيغة CSV، ثم افتحه مرة أخرى.
kept-unfinished = كان { $name } لا يزال يُحفظ على هذا الجهاز حين أُغلقت الصفحة أو أُعيد تحميلها، فلم يُحفظ كاملًا: افتحه مرة أخرى لحفظه.
problem-governorate-unknown-rows = ليس اسم محافظة سورية ({ $rows ->
        [one] صف واحد
        [two] صفّان، ويُذكر مرة واحدة عند أولهما
        [few] { $rows } صفوف، ويُذكر مرة واحدة عند أولها
        [many] { $rows } صفًا، ويُذكر مرة واحدة عند أولها
       *[other] { $rows } صف، ويُذكر مرة واحدة عند أولها
    }): { $placed ->
        [0] أُبقي بلا محافظة
       *[other] { $unplaced ->
            [0] وُضع في محافظة بحسب الإحداثيات
           *[other] وُضع { $placed } منها في محافظة بحسب الإحداثيات، وأُبقي { $unplaced } بلا محافظة
        }
    }

# --- arabic helper (session 26) ---
# The UCDP importer's problems (src/core/import/ucdp*.rs) and the shared row checks (csv_rows.rs)
problem-ucdp-before-start = قبل تاريخ البداية date_start ‏{ $start }
problem-ucdp-best-outside = خارج المدى بين low وhigh ‏({ $low }..{ $high })؛ أُبقي كما ينشره UCDP
problem-ucdp-best-not-sum = ليس مجموع deaths_a وdeaths_b وdeaths_civilians وdeaths_unknown؛ أُبقي كما ينشره UCDP
problem-ucdp-no-headline = لا قيمة في source_headline ولا في source_article: يذكر الاستشهاد الطرفين والمكان بدل الاقتباس
problem-ucdp-unknown-group = جماعة لا يعرفها هذا التطبيق من ملف UCDP الخاص بسوريا: صُنّفت تحت «{ $label }» (لا يُنبَّه إليها في الصفوف اللاحقة التي تذكرها)
problem-ucdp-adm1-unknown = ليست من محافظات سوريا الأربع عشرة: تؤخذ المحافظة من الإحداثيات
problem-ucdp-nearest = خارج كل المحافظات، على بعد { $degrees } درجة من أقربها: وُضع في { $governorate }
problem-ucdp-abroad = خارج سوريا: أُبقي بلا محافظة ولا نقطة على الخريطة، فهي لا تعرض إلا سوريا (لا يُنبَّه إلى الصفوف اللاحقة في هذا البلد)
problem-ucdp-over-limit = عدد كبير جدًا (أكثر من 4,294,967,295): تحقق من القيمة
problem-ucdp-over-limit-deaths = عدد قتلى كبير جدًا (أكثر من 4,294,967,295): تحقق من القيمة
problem-ucdp-negative = عدد سالب
problem-ucdp-negative-deaths = عدد قتلى سالب
problem-ucdp-too-large = عدد كبير جدًا: تحقق من القيمة
problem-ucdp-too-large-deaths = عدد قتلى كبير جدًا: تحقق من القيمة
problem-ucdp-not-whole = ليس عددًا صحيحًا
problem-ucdp-not-whole-deaths = ليس عددًا صحيحًا من القتلى
problem-ucdp-too-large-column = عدد أكبر مما يتسع له هذا العمود
problem-one-to = يجب أن تكون من 1 إلى { $last }
problem-ucdp-not-a-date = ليس تاريخًا بالصيغة 2019-11-30 (ويُقبل بعده وقت من اليوم، 2019-11-30 00:00:00.000)
problem-ucdp-dyad-changed = ظهرت هذه الثنائية أول مرة باسم أو نزاع أو طرفين آخرين؛ أُسقط الصف
problem-too-many-parties = أطراف أكثر مما يتسع له الجدول؛ أُسقط الصف
problem-too-many-dyads = ثنائيات أكثر مما يتسع له الجدول؛ أُسقط الصف
problem-text-too-long = { $count ->
    [one] نص من بايت واحد
    [two] نص من بايتين
    [few] نص من { $n } بايتات
    [many] نص من { $n } بايتًا
   *[other] نص من { $n } بايت
} أطول من الحد المسموح به، { $max } بايت
problem-degrees-range = ليس بين ‎-{ $limit } و{ $limit } درجة
# The collection checker's problems (src/core/validate.rs, src/core/validate/steps.rs)
problem-collection-not-object = الملف { $kind }، لا كائن JSON فيه schema_version وcollection وsources وevents؛ رُفض الملف
problem-kind-null = قيمة فارغة (null)
problem-kind-bool = قيمة منطقية (true أو false)
problem-kind-number = عدد
problem-kind-string = نص
problem-kind-array = مصفوفة
problem-kind-object = كائن
problem-collection-loaded = المجموعة «{ $id }» محمَّلة من قبل من { $first }
problem-identity-ucdp = حدث UCDP رقم { $id }
problem-identity-acled = حدث ACLED ‏{ $id }
problem-same-event-loaded = { $identity } نفسه محمَّل من قبل من { $first }؛ لا يُحسب إلا ذاك
problem-id-loaded = المعرّف مستخدم من قبل في سجل من { $first }؛ لا يُعرض إلا ذاك
problem-id-unusable = «{ $id }» لا يصلح معرّفًا: من 1 إلى { $max } من الحروف والأرقام و«:» و«.» و«_» و«-»، ليتمكن رابط من تسميته
problem-id-used-earlier = المعرّف مستخدم من قبل في سجل سابق ({ $first })
problem-id-prefix = لا يبدأ بمعرّف المجموعة «{ $collection }:»، فقد يتعارض مع معرّفات مجموعة أخرى
problem-source-no-id = يحتاج المصدر إلى معرّف لتستشهد به الأحداث
problem-quoted = «{ $value }»: { $why }
problem-url-not-web = «{ $url }» ليس عنوان http(s)؛ يُعرض نصًا لا رابطًا
problem-event-no-place = يحتاج الحدث إلى مكان واحد على الأقل
problem-no-party-index = لا طرف بالرقم { $index }
problem-low-above-high = التقدير الأدنى { $low } أعلى من التقدير الأعلى { $high }، كما نُشر
problem-no-dyad-index = لا ثنائية بالرقم { $index }
problem-field-missing = حقل مطلوب غير موجود
problem-field-unreadable = قيمة لا تُقرأ: { $reason }
problem-not-json = الملف ليس JSON صالحًا، فرُفض: { $reason }{ $hint ->
    [nan] {" "}(NaN وInfinity ليسا عددين في JSON: احذف الحقل أو اكتب عددًا)
    [deep] {" "}(مصفوفات أو كائنات متداخلة أكثر من 128 مستوى)
    [eof] {" "}(ينتهي الملف قبل أوانه: ربما اقتُطع)
   *[none] {""}
}
problem-not-json-near = الملف ليس JSON صالحًا، فرُفض: { $reason }، قرب «{ $near }»{ $hint ->
    [nan] {" "}(NaN وInfinity ليسا عددين في JSON: احذف الحقل أو اكتب عددًا)
    [deep] {" "}(مصفوفات أو كائنات متداخلة أكثر من 128 مستوى)
    [eof] {" "}(ينتهي الملف قبل أوانه: ربما اقتُطع)
   *[none] {""}
}
problem-unknown-field = حقل غير معروف، تُرك (هل في اسمه خطأ إملائي؟)
problem-more-unknown-fields = { $count ->
    [one] تُرك حقل آخر غير معروف
    [two] تُرك حقلان آخران غير معروفين
    [few] تُركت { $n } حقول أخرى غير معروفة
    [many] تُرك { $n } حقلًا آخر غير معروف
   *[other] تُرك { $n } حقل آخر غير معروف
}
problem-more-problems = { $count ->
    [one] وُجدت مشكلة أخرى لم تُدرج
    [two] وُجدت مشكلتان أخريان لم تُدرجا
    [few] وُجدت { $n } مشكلات أخرى لم تُدرج
    [many] وُجدت { $n } مشكلةً أخرى لم تُدرج
   *[other] وُجدت { $n } مشكلة أخرى لم تُدرج
} (لا يُدرج إلا أول { $max })
problem-ends-before-start = ينتهي ({ $end }) قبل أن يبدأ ({ $start })
problem-coordinates-outside = الإحداثيات { $lat }، { $lon } (خط العرض، خط الطول) خارج سوريا (من { $lat_min } إلى { $lat_max } شمالًا، ومن { $lon_min } إلى { $lon_max } شرقًا)
problem-coordinates-together = يجب أن يُعطى خط العرض وخط الطول معًا
problem-no-citation = يحتاج كل سجل إلى استشهاد واحد على الأقل
problem-source-skipped = «{ $source }» مصدر أُسقط (انظر مشكلته)
problem-source-not-here = «{ $source }» ليس مصدرًا في هذا الملف
problem-quote-empty = الاقتباس فارغ
problem-version-unsupported = الإصدار { $version } غير مدعوم؛ يقرأ هذا التطبيق الإصدار { $supported }، فرُفض الملف
problem-version-not-number = يجب أن يكون العدد { $supported }، لا { $kind }؛ رُفض الملف
problem-version-missing = غير موجود؛ يقرأ هذا التطبيق الملفات التي فيها "schema_version": { $supported }، فرُفض الملف
problem-array-sources = المصادر
problem-array-events = الأحداث
problem-array-figures = الأرقام المُعلنة
problem-not-an-array = يجب أن يكون مصفوفة من { $what }، لا { $kind }؛ رُفض الملف
problem-array-missing = غير موجود؛ تحتاج المجموعة إلى مصفوفة من { $what }، فرُفض الملف
problem-file-rejected = { $why }؛ رُفض الملف
problem-header-invalid = { $why }؛ رأس المجموعة غير صالح، فرُفض الملف
problem-not-collection-id = «{ $id }» ليس معرّف مجموعة (من 1 إلى { $max } من الحروف والأرقام و«.» و«_» و«-»)؛ رُفض الملف
problem-source-id-twice = لمصدر آخر في هذا الملف المعرّف نفسه
problem-not-a-figure-here = «{ $figure }» ليس رقمًا مُعلنًا في هذا الملف
# A text file's encoding, in "how the table was read" (src/core/import/text_decoding.rs)
encoding-plain = الترميز { $id }
encoding-little-endian = الترميز { $id } (البايت الأصغر أولًا)
encoding-big-endian = الترميز { $id } (البايت الأكبر أولًا)
encoding-arabic = الترميز { $id } (العربي)
encoding-western = الترميز { $id } (الأوروبي الغربي)
# Why the bundled data could not be loaded (src/ui/loader.rs)
load-network = تعذر تنزيل { $file }: { $reason }
load-status = أجاب الخادم بـ{ $status } على طلب { $file }
load-rejected = رُفض الملف { $file }
load-rejected-any = رُفضت البيانات
# An open record that gives no casualties (src/ui/event_detail.rs)
detail-casualties-none = لا يذكر المصدر عددًا للضحايا (يُحسب صفرًا في المجاميع)
# A reported figure that counts the whole country (src/ui/figures_view.rs)
figures-area-syria = سوريا
# Words an earlier version kept on the device in English only, shown as written (src/core/import/message.rs)
import-as-written = { $reason }
# A collection file's record without a valid id, named by its kind and place in the file (src/core/validate.rs)
record-source = المصدر
record-event = الحدث
record-figure = الرقم المُعلن
record-at = { $what } رقم { $n }
record-at-id = { $what } رقم { $n } (المعرّف «{ $id }»)
