<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../gui/actions.py" line="22"/>
        <source>&amp;New project…</source>
        <translation>مشروع جديد…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="23"/>
        <source>&amp;Open project…</source>
        <translation>فتح مشروع…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="24"/>
        <source>&amp;Import files…</source>
        <translation>استيراد ملفات…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="26"/>
        <source>&amp;Export to Excel…</source>
        <translation>تصدير إلى Excel…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="27"/>
        <source>Export for &amp;QDA tools (REFI-QDA)…</source>
        <translation>تصدير لأدوات التحليل النوعي (REFI-QDA)…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="28"/>
        <source>Import from QDA &amp;tools (REFI-QDA)…</source>
        <translation>استيراد من أدوات التحليل النوعي (REFI-QDA)…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="29"/>
        <source>&amp;Restore a backup…</source>
        <translation>استرجاع نسخة احتياطية…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="30"/>
        <source>&amp;Settings…</source>
        <translation>الإعدادات…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="31"/>
        <source>&amp;Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="33"/>
        <source>&amp;Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="34"/>
        <source>&amp;Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="35"/>
        <source>&amp;Find in article…</source>
        <translation>بحث في المادة…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="36"/>
        <source>Find in &amp;all articles…</source>
        <translation>بحث في كل المواد…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="37"/>
        <source>Find &amp;next</source>
        <translation>النتيجة التالية</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="38"/>
        <source>Find &amp;previous</source>
        <translation>النتيجة السابقة</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="39"/>
        <source>&amp;Delete annotation</source>
        <translation>حذف الترميز</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="40"/>
        <source>&amp;Link to source…</source>
        <translation>ربط بمصدر…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="41"/>
        <source>Cancel linking</source>
        <translation>إلغاء الربط</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="43"/>
        <source>&amp;Snap selection to whole words</source>
        <translation>توسيع التحديد إلى كلمات كاملة</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="44"/>
        <source>Move start backward</source>
        <translation>تحريك البداية إلى الخلف</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="45"/>
        <source>Move start forward</source>
        <translation>تحريك البداية إلى الأمام</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="46"/>
        <source>Move end backward</source>
        <translation>تحريك النهاية إلى الخلف</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="47"/>
        <source>Move end forward</source>
        <translation>تحريك النهاية إلى الأمام</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="49"/>
        <source>Zoom &amp;in</source>
        <translation>تكبير</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="50"/>
        <source>Zoom &amp;out</source>
        <translation>تصغير</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="51"/>
        <source>&amp;Actual size</source>
        <translation>الحجم الأصلي</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="54"/>
        <source>English</source>
        <translation>الإنجليزية (English)</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="55"/>
        <source>Arabic (العربية)</source>
        <translation>العربية</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="57"/>
        <source>&amp;Mark article done</source>
        <translation>تعليم المادة كمنجزة</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="58"/>
        <source>&amp;Next article</source>
        <translation>المادة التالية</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="59"/>
        <source>&amp;Previous article</source>
        <translation>المادة السابقة</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="64"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="65"/>
        <source>&amp;About Annotator</source>
        <translation>عن Annotator</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="67"/>
        <source>Category 1</source>
        <translation>الفئة 1</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="68"/>
        <source>Category 2</source>
        <translation>الفئة 2</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="69"/>
        <source>Category 3</source>
        <translation>الفئة 3</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="70"/>
        <source>Category 4</source>
        <translation>الفئة 4</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="71"/>
        <source>Category 5</source>
        <translation>الفئة 5</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="72"/>
        <source>Category 6</source>
        <translation>الفئة 6</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="73"/>
        <source>Category 7</source>
        <translation>الفئة 7</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="74"/>
        <source>Category 8</source>
        <translation>الفئة 8</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="75"/>
        <source>Category 9</source>
        <translation>الفئة 9</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="42"/>
        <source>Edit &amp;attributes</source>
        <translation>تحرير السمات</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="25"/>
        <source>Import a &amp;folder…</source>
        <translation>استيراد &amp;مجلد…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="52"/>
        <source>Article &amp;list</source>
        <translation>قائمة المواد</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="53"/>
        <source>&amp;Coding panel</source>
        <translation>لوحة الترميز</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="60"/>
        <source>Next &amp;incomplete annotation</source>
        <translation>الترميز الناقص التالي</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="61"/>
        <source>Previous incomplete annotation</source>
        <translation>الترميز الناقص السابق</translation>
    </message>
</context>
<context>
    <name>AnnotationListModel</name>
    <message>
        <location filename="../../gui/models.py" line="297"/>
        <source>Category</source>
        <translation>الفئة</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="297"/>
        <source>Quote</source>
        <translation>النص المقتبس</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="297"/>
        <source>Attributes</source>
        <translation>السمات</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="315"/>
        <source>(whole article)</source>
        <translation>(المادة كاملة)</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="324"/>
        <source>Lacks: %1</source>
        <translation>ينقصه: %1</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../gui/app.py" line="59"/>
        <source>Demo project</source>
        <translation>مشروع تجريبي</translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="85"/>
        <source>Welcome to Annotator</source>
        <translation>مرحباً بك في Annotator</translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="86"/>
        <source>Your name as a coder (saved with every annotation; you can change it in Settings):</source>
        <translation>اسمك بصفتك مرمِّزاً (يُحفظ مع كل ترميز، ويمكنك تغييره من الإعدادات):</translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="103"/>
        <source>Internal error (%1); details in %2. Everything you coded is saved.</source>
        <translation>خطأ داخلي (%1)؛ التفاصيل في %2. كل ما رمّزته محفوظ.</translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="107"/>
        <source>Internal error (%1); the details could not be written (%2). Everything you coded is saved.</source>
        <translation>خطأ داخلي (%1)؛ تعذّرت كتابة التفاصيل (%2). كل ما رمّزته محفوظ.</translation>
    </message>
</context>
<context>
    <name>ArticleNote</name>
    <message>
        <location filename="../../gui/memos.py" line="87"/>
        <source>Note on this article:</source>
        <translation>ملاحظة على هذا المقال:</translation>
    </message>
    <message>
        <location filename="../../gui/memos.py" line="88"/>
        <source>Your note on the whole article (saved as you type)</source>
        <translation>ملاحظتك على المقال كله (تُحفظ أثناء الكتابة)</translation>
    </message>
</context>
<context>
    <name>AttributePanel</name>
    <message>
        <location filename="../../gui/attribute_panel.py" line="294"/>
        <source>No annotation selected. Select text and press a category&apos;s key, or click a highlight.</source>
        <translation>لا يوجد ترميز محدد. حدّد نصاً واضغط مفتاح الفئة، أو انقر على مقطع مظلل.</translation>
    </message>
    <message>
        <location filename="../../gui/attribute_panel.py" line="298"/>
        <source>whole article</source>
        <translation>المادة كاملة</translation>
    </message>
    <message>
        <location filename="../../gui/attribute_panel.py" line="458"/>
        <source>Links:</source>
        <translation>الروابط:</translation>
    </message>
    <message>
        <location filename="../../gui/attribute_panel.py" line="459"/>
        <source>Link… (L)</source>
        <translation>ربط… (L)</translation>
    </message>
    <message>
        <location filename="../../gui/attribute_panel.py" line="460"/>
        <source>Remove link</source>
        <translation>إزالة الرابط</translation>
    </message>
    <message>
        <location filename="../../gui/attribute_panel.py" line="461"/>
        <source>Change the category</source>
        <translation>تغيير الفئة</translation>
    </message>
    <message>
        <location filename="../../gui/attribute_panel.py" line="462"/>
        <source>Note:</source>
        <translation>ملاحظة:</translation>
    </message>
    <message>
        <location filename="../../gui/attribute_panel.py" line="463"/>
        <source>Your note on this annotation (saved as you type)</source>
        <translation>ملاحظتك على هذا التوسيم (تُحفظ أثناء الكتابة)</translation>
    </message>
    <message>
        <location filename="../../gui/attribute_panel.py" line="464"/>
        <source>Discuss with the supervisor</source>
        <translation>للنقاش مع المشرف</translation>
    </message>
    <message>
        <location filename="../../gui/attribute_panel.py" line="465"/>
        <source>Marks the annotation for discussion; the supervisor sees it in the comparison window</source>
        <translation>يعلّم التوسيم للنقاش؛ يراه المشرف في نافذة المقارنة</translation>
    </message>
    <message>
        <location filename="../../gui/attribute_panel.py" line="335"/>
        <source>%1 (retired)</source>
        <translation>%1 (متقاعدة)</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <location filename="../../gui/backups_dialog.py" line="22"/>
        <source>taken when the project was opened</source>
        <translation>أُخذت عند فتح المشروع</translation>
    </message>
    <message>
        <location filename="../../gui/backups_dialog.py" line="23"/>
        <source>taken before a merge</source>
        <translation>أُخذت قبل الدمج</translation>
    </message>
    <message>
        <location filename="../../gui/backups_dialog.py" line="24"/>
        <source>taken before a restore</source>
        <translation>أُخذت قبل الاسترجاع</translation>
    </message>
    <message>
        <location filename="../../gui/backups_dialog.py" line="31"/>
        <source>Restore a backup</source>
        <translation>استرجاع نسخة احتياطية</translation>
    </message>
    <message>
        <location filename="../../gui/backups_dialog.py" line="41"/>
        <source>The project goes back to the chosen copy. Its present state is kept as a backup first, so you can come back to it.</source>
        <translation>يعود المشروع إلى النسخة المختارة. تُحفَظ حالته الحالية أولًا نسخةً احتياطية، فيمكنك الرجوع إليها.</translation>
    </message>
    <message>
        <location filename="../../gui/backups_dialog.py" line="44"/>
        <source>No backups yet: one is taken each time the project is opened after a change.</source>
        <translation>لا توجد نسخ احتياطية بعد: تُؤخذ نسخة كلما فُتح المشروع بعد تغيير فيه.</translation>
    </message>
    <message>
        <location filename="../../gui/backups_dialog.py" line="48"/>
        <source>Restore</source>
        <translation>استرجاع</translation>
    </message>
</context>
<context>
    <name>CategoryPalette</name>
    <message>
        <location filename="../../gui/palette.py" line="198"/>
        <source>&lt;b&gt;Categories&lt;/b&gt; (select text, then press the key)</source>
        <translation>&lt;b&gt;الفئات&lt;/b&gt; (حدّد النص ثم اضغط المفتاح)</translation>
    </message>
    <message>
        <location filename="../../gui/palette.py" line="213"/>
        <source>Whole article:</source>
        <translation>المادة كاملة:</translation>
    </message>
    <message>
        <location filename="../../gui/palette.py" line="226"/>
        <source>— not coded —</source>
        <translation>— دون ترميز —</translation>
    </message>
    <message>
        <location filename="../../gui/palette.py" line="201"/>
        <source>Categories</source>
        <translation>الفئات</translation>
    </message>
</context>
<context>
    <name>CodebookEditor</name>
    <message>
        <location filename="../../gui/codebook_editor/commands.py" line="81"/>
        <source>Merge value &apos;%1&apos; into &apos;%2&apos;</source>
        <translation>دمج القيمة «%1» في «%2»</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/editor.py" line="226"/>
        <location filename="../../gui/codebook_editor/saving.py" line="104"/>
        <source>Codebook editor</source>
        <translation>محرر دليل الترميز</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/editor.py" line="227"/>
        <location filename="../../gui/codebook_editor/groups.py" line="42"/>
        <source>Add group</source>
        <translation>إضافة مجموعة</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/editor.py" line="228"/>
        <location filename="../../gui/codebook_editor/structure.py" line="40"/>
        <source>Add category</source>
        <translation>إضافة فئة</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/editor.py" line="228"/>
        <location filename="../../gui/codebook_editor/structure.py" line="50"/>
        <source>Add attribute</source>
        <translation>إضافة سمة</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/editor.py" line="229"/>
        <location filename="../../gui/codebook_editor/structure.py" line="62"/>
        <source>Add value</source>
        <translation>إضافة قيمة</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/editor.py" line="229"/>
        <location filename="../../gui/codebook_editor/structure.py" line="72"/>
        <source>Add relation</source>
        <translation>إضافة علاقة</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/editor.py" line="230"/>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/editor.py" line="230"/>
        <source>Move up</source>
        <translation>تحريك لأعلى</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/editor.py" line="230"/>
        <source>Move down</source>
        <translation>تحريك لأسفل</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/editor.py" line="238"/>
        <source>Key</source>
        <translation>المفتاح</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/editor.py" line="238"/>
        <source>Name (English)</source>
        <translation>الاسم (بالإنجليزية)</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/editor.py" line="239"/>
        <source>Name (Arabic)</source>
        <translation>الاسم (بالعربية)</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/editor.py" line="239"/>
        <source>Coding rule</source>
        <translation>قاعدة الترميز</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/editor.py" line="240"/>
        <source>Colour</source>
        <translation>اللون</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/editor.py" line="240"/>
        <source>Hotkey (1–9)</source>
        <translation>مفتاح الاختصار (1–9)</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/editor.py" line="241"/>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/editor.py" line="241"/>
        <source>Type</source>
        <translation>نوع السمة</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/editor.py" line="242"/>
        <source>Required</source>
        <translation>إلزامية</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/editor.py" line="242"/>
        <source>Ordinal (values low to high)</source>
        <translation>ترتيبية (القيم من الأدنى إلى الأعلى)</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/editor.py" line="243"/>
        <source>Retired (hidden from coders, kept in the data)</source>
        <translation>متقاعدة (مخفية عن المرمِّزين، محفوظة في البيانات)</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/editor.py" line="244"/>
        <source>From category</source>
        <translation>من الفئة</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/editor.py" line="244"/>
        <source>To category</source>
        <translation>إلى الفئة</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/editor.py" line="245"/>
        <source>In group</source>
        <translation>ضمن المجموعة</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/editor.py" line="257"/>
        <source>Merge this value into another…</source>
        <translation>دمج هذه القيمة في قيمة أخرى…</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/editor.py" line="259"/>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/editor.py" line="260"/>
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/editor.py" line="261"/>
        <source>Import…</source>
        <translation>استيراد…</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/editor.py" line="262"/>
        <source>Export…</source>
        <translation>تصدير…</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/editor.py" line="263"/>
        <location filename="../../gui/codebook_editor/saving.py" line="110"/>
        <source>Save as new version</source>
        <translation>حفظ كإصدار جديد</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/editor.py" line="264"/>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/editor.py" line="433"/>
        <source>a span of the text</source>
        <translation>مقطع من النص</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/editor.py" line="434"/>
        <source>the whole article</source>
        <translation>المادة كاملة</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/editor.py" line="438"/>
        <source>choice</source>
        <translation>اختيار</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/editor.py" line="439"/>
        <source>text</source>
        <translation>نص</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/editor.py" line="440"/>
        <source>number</source>
        <translation>رقم</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/editor.py" line="441"/>
        <source>yes / no</source>
        <translation>نعم / لا</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/form.py" line="98"/>
        <location filename="../../gui/codebook_editor/split_dialog.py" line="250"/>
        <source>not a colour like #aec7e8</source>
        <translation>ليس لونًا مثل ‎#aec7e8‎</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/form.py" line="100"/>
        <location filename="../../gui/codebook_editor/split_dialog.py" line="254"/>
        <source>✓ dark text reads on it</source>
        <translation>✓ النص الداكن مقروء عليه</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/form.py" line="101"/>
        <location filename="../../gui/codebook_editor/split_dialog.py" line="255"/>
        <source>✗ too dark or too pale for highlighted text: choose a lighter, clearer colour</source>
        <translation>✗ داكن جدًا أو باهت جدًا للنص المظلل: اختر لونًا أفتح وأوضح</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/form.py" line="114"/>
        <source>a hotkey is one digit, 1 to 9</source>
        <translation>مفتاح الاختصار رقم واحد من 1 إلى 9</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/form.py" line="116"/>
        <source>%1 is already the key of &apos;%2&apos;</source>
        <translation>%1 هو مفتاح «%2» من قبل</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/form.py" line="168"/>
        <source>Edit %1</source>
        <translation>تعديل %1</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/structure.py" line="86"/>
        <source>&apos;%1&apos; is used by %2 annotations: it cannot be deleted. Retire it (hidden from coders, kept in the data) or merge it into another value.</source>
        <translation>«%1» مستخدم في %2 من الترميزات: لا يمكن حذفه. اجعله متقاعدًا (مخفيًا عن المرمِّزين، محفوظًا في البيانات) أو ادمجه في قيمة أخرى.</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/groups.py" line="79"/>
        <location filename="../../gui/codebook_editor/structure.py" line="101"/>
        <source>Delete %1</source>
        <translation>حذف %1</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/groups.py" line="106"/>
        <location filename="../../gui/codebook_editor/groups.py" line="169"/>
        <location filename="../../gui/codebook_editor/structure.py" line="158"/>
        <source>Reorder</source>
        <translation>إعادة ترتيب</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/editor.py" line="383"/>
        <source>Save your changes first: merging values rewrites coded data.</source>
        <translation>احفظ تعديلاتك أولًا: دمج القيم يعيد كتابة البيانات المرمَّزة.</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/editor.py" line="388"/>
        <source>Merge value</source>
        <translation>دمج قيمة</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/editor.py" line="389"/>
        <source>Annotations with &apos;%1&apos; get:</source>
        <translation>الترميزات التي قيمتها «%1» تصبح:</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/saving.py" line="42"/>
        <source>Import a codebook</source>
        <translation>استيراد دليل ترميز</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/saving.py" line="43"/>
        <location filename="../../gui/codebook_editor/saving.py" line="59"/>
        <source>Codebooks (*.yaml *.yml *.json)</source>
        <translation>أدلة الترميز (*.yaml *.yml *.json)</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/saving.py" line="52"/>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/saving.py" line="58"/>
        <source>Export the codebook</source>
        <translation>تصدير دليل الترميز</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/saving.py" line="78"/>
        <source>Saved as version %1.</source>
        <translation>حُفظ بوصفه الإصدار %1.</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/groups.py" line="48"/>
        <location filename="../../gui/codebook_editor/groups.py" line="168"/>
        <location filename="../../gui/codebook_editor/groups.py" line="181"/>
        <source>(top level)</source>
        <translation>(المستوى الأعلى)</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/groups.py" line="170"/>
        <location filename="../../gui/codebook_editor/groups.py" line="182"/>
        <source>Move to %1</source>
        <translation>نقل إلى %1</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/commands.py" line="96"/>
        <source>Split &apos;%1&apos; into &apos;%2&apos;</source>
        <translation>تقسيم «%1»: فئة جديدة «%2»</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/commands.py" line="107"/>
        <source>%1 annotations moved into &apos;%2&apos; (version %3).</source>
        <translation>نُقل %1 من الترميزات إلى «%2» (الإصدار %3).</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/editor.py" line="258"/>
        <source>Split category…</source>
        <translation>تقسيم الفئة…</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/editor.py" line="400"/>
        <source>Save your changes first: splitting a category moves coded data.</source>
        <translation>احفظ تعديلاتك أولًا: تقسيم الفئة ينقل بيانات مرمَّزة.</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/saving.py" line="105"/>
        <source>The codebook has changes that are not saved.</source>
        <translation>في دليل الترميز تغييرات لم تُحفظ.</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/saving.py" line="108"/>
        <source>Save them as a new version of the codebook, or close without them?</source>
        <translation>هل تحفظها بوصفها إصدارًا جديدًا من دليل الترميز، أم تغلق من دونها؟</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/saving.py" line="112"/>
        <source>Close without saving</source>
        <translation>إغلاق دون حفظ</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/saving.py" line="114"/>
        <source>Keep editing</source>
        <translation>متابعة التحرير</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/commands.py" line="105"/>
        <source>1 annotation moved into &apos;%2&apos; (version %3).</source>
        <translation>نُقل ترميز واحد إلى «%2» (الإصدار %3).</translation>
    </message>
</context>
<context>
    <name>CodebookRules</name>
    <message>
        <location filename="../../gui/codebook_editor/rules.py" line="22"/>
        <source>The codebook: %1</source>
        <translation>دليل الترميز: %1</translation>
    </message>
</context>
<context>
    <name>Coding</name>
    <message>
        <location filename="../../gui/coding.py" line="269"/>
        <source>Change category</source>
        <translation>تغيير الفئة</translation>
    </message>
    <message>
        <location filename="../../gui/coding.py" line="68"/>
        <source>Select some text first, then press the category&apos;s key.</source>
        <translation>حدّد نصاً أولاً، ثم اضغط مفتاح الفئة.</translation>
    </message>
    <message>
        <location filename="../../gui/coding.py" line="104"/>
        <source>Every match is already annotated with this category.</source>
        <translation>كل النتائج مرمّزة بهذه الفئة من قبل.</translation>
    </message>
    <message>
        <location filename="../../gui/coding.py" line="108"/>
        <source>Annotate all matches (%1)</source>
        <translation>ترميز كل النتائج (%1)</translation>
    </message>
    <message>
        <location filename="../../gui/coding.py" line="144"/>
        <source>Click a highlight first to select the annotation.</source>
        <translation>انقر أولاً على مقطع مظلل لتحديد ترميزه.</translation>
    </message>
    <message>
        <location filename="../../gui/coding.py" line="164"/>
        <source>Select a claim (or a reliability rating) first, then press L.</source>
        <translation>حدّد ادعاءً (أو تقييم موثوقية) أولاً، ثم اضغط L.</translation>
    </message>
    <message>
        <location filename="../../gui/coding.py" line="168"/>
        <source>Click the %1 to link it to; Esc cancels.</source>
        <translation>انقر على %1 المراد الربط به؛ Esc للإلغاء.</translation>
    </message>
    <message>
        <location filename="../../gui/coding.py" line="209"/>
        <source>These two are linked already.</source>
        <translation>هذان الترميزان مرتبطان من قبل.</translation>
    </message>
    <message>
        <location filename="../../gui/coding.py" line="215"/>
        <source>A %1 cannot be linked to a %2.</source>
        <translation>لا يمكن ربط «%1» بـ«%2».</translation>
    </message>
    <message>
        <location filename="../../gui/coding.py" line="259"/>
        <source>Annotate as</source>
        <translation>ترميز بالفئة</translation>
    </message>
    <message>
        <location filename="../../gui/coding.py" line="268"/>
        <source>Delete annotation</source>
        <translation>حذف الترميز</translation>
    </message>
    <message>
        <location filename="../../gui/coding.py" line="281"/>
        <source>Remove link %1</source>
        <translation>إزالة الرابط %1</translation>
    </message>
    <message>
        <location filename="../../gui/coding.py" line="66"/>
        <location filename="../../gui/coding.py" line="85"/>
        <location filename="../../gui/coding.py" line="138"/>
        <source>change category of %1</source>
        <translation>تغيير فئة %1</translation>
    </message>
    <message>
        <location filename="../../gui/coding.py" line="110"/>
        <source>Annotations created: %1. Skipped, already annotated with this category: %2.</source>
        <translation>أُنشئت ترميزات: %1. تُخطّي ما كان مرمَّزًا بهذه الفئة من قبل: %2.</translation>
    </message>
    <message>
        <location filename="../../gui/coding.py" line="129"/>
        <source>change attribute of %1</source>
        <translation>تغيير سمة %1</translation>
    </message>
    <message>
        <location filename="../../gui/coding.py" line="153"/>
        <source>move boundary of %1</source>
        <translation>نقل حدّ %1</translation>
    </message>
    <message>
        <location filename="../../gui/coding.py" line="306"/>
        <source>%1 of %2</source>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../../gui/commands.py" line="37"/>
        <source>%1 (whole article)</source>
        <translation>%1 (المادة كلها)</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="90"/>
        <source>add %1</source>
        <translation>إضافة %1</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="111"/>
        <source>delete %1</source>
        <translation>حذف %1</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="142"/>
        <source>change %1</source>
        <translation>تغيير %1</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="191"/>
        <source>link %1</source>
        <translation>ربط %1</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="213"/>
        <source>remove link of %1</source>
        <translation>إزالة ربط %1</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="231"/>
        <source>change status</source>
        <translation>تغيير الحالة</translation>
    </message>
</context>
<context>
    <name>DateOrder</name>
    <message>
        <location filename="../../gui/date_order.py" line="37"/>
        <source>Dates in these files</source>
        <translation>التواريخ في هذه الملفات</translation>
    </message>
    <message>
        <location filename="../../gui/date_order.py" line="41"/>
        <source>How do these files write dates? %1 of the %2 articles have a date such as %3, which can be read two ways.</source>
        <translation>كيف تكتب هذه الملفات التواريخ؟ في %1 من %2 مادة تاريخٌ مثل %3 يمكن قراءته بطريقتين.</translation>
    </message>
    <message>
        <location filename="../../gui/date_order.py" line="49"/>
        <source>&amp;Day first: %1 (as Arab newspapers write dates)</source>
        <translation>&amp;اليوم أولًا: %1 (كما تكتبها الصحف العربية)</translation>
    </message>
    <message>
        <location filename="../../gui/date_order.py" line="53"/>
        <source>&amp;Month first: %1 (as in American English)</source>
        <translation>ال&amp;شهر أولًا: %1 (كما في الإنجليزية الأمريكية)</translation>
    </message>
    <message>
        <location filename="../../gui/date_order.py" line="61"/>
        <source>The answer is kept as this project&apos;s date order: later imports read such dates the same way. Each article also keeps its date as written.</source>
        <translation>يُحفظ الجواب ترتيبًا للتاريخ في هذا المشروع: تُقرأ مثل هذه التواريخ بالطريقة نفسها في الاستيرادات اللاحقة. وتحتفظ كل مادة أيضًا بتاريخها كما كُتب.</translation>
    </message>
    <message>
        <location filename="../../gui/date_order.py" line="69"/>
        <source>&amp;Import</source>
        <translation>ا&amp;ستيراد</translation>
    </message>
    <message>
        <location filename="../../gui/date_order.py" line="73"/>
        <source>Import &amp;nothing</source>
        <translation>لا &amp;تستورد شيئًا</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../gui/dialogs.py" line="69"/>
        <source>Coding</source>
        <translation>الترميز</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="72"/>
        <source>Editing and finding</source>
        <translation>التحرير والبحث</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="74"/>
        <source>Articles and view</source>
        <translation>المواد والعرض</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="78"/>
        <source>Files</source>
        <translation>الملفات</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="91"/>
        <source>&lt;p&gt;Select text with the mouse or with Shift+arrow keys, then press a category&apos;s number (1–9) or click it in the palette: the annotation is saved at once. Selections snap to whole words (Edit menu to switch off).&lt;/p&gt;&lt;p&gt;Click a highlight to select an annotation: its attributes and links appear on the side. Press L, then click the source the claim is attributed to. Alt+arrows move the selected annotation&apos;s start, Alt+Shift+arrows its end, one word at a time (one character with snapping off); in an Arabic paragraph the left arrow moves forward in the text, as you read.&lt;/p&gt;&lt;p&gt;Where categories overlap, the colours mix and a thin line under the text shows each category.&lt;/p&gt;</source>
        <translation>&lt;p&gt;حدّد النص بالفأرة أو بمفتاح Shift مع الأسهم، ثم اضغط رقم الفئة (1–9) أو انقر عليها في لوحة الفئات: يُحفظ الترميز فوراً. يتسع التحديد تلقائياً ليشمل كلمات كاملة (يمكن إيقاف ذلك من قائمة تحرير).&lt;/p&gt;&lt;p&gt;انقر على مقطع مظلل لتحديد ترميزه، فتظهر سماته وروابطه في اللوحة الجانبية. اضغط L ثم انقر على المصدر الذي يُنسب إليه الادعاء. تحرّك Alt مع الأسهم بداية الترميز المحدد، وAlt+Shift مع الأسهم نهايته، كلمةً كلمة (أو حرفاً حرفاً عند إيقاف التوسيع إلى الكلمات)؛ وفي الفقرة العربية يتقدم السهم الأيسر في النص باتجاه القراءة.&lt;/p&gt;&lt;p&gt;حيث تتداخل الفئات تمتزج ألوانها، ويدل خط رفيع تحت النص على كل فئة.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="107"/>
        <source>Annotate with the category of that number</source>
        <translation>الترميز بالفئة التي تحمل هذا الرقم</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="120"/>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="134"/>
        <source>About Annotator</source>
        <translation>عن Annotator</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="134"/>
        <source>&lt;h3&gt;Annotator %1&lt;/h3&gt;&lt;p&gt;Code Arabic news for content analysis: claims, sources, attribution and reliability, right to left, with undo for every edit.&lt;/p&gt;&lt;p&gt;Article font: Noto Naskh Arabic (SIL Open Font License).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Annotator %1&lt;/h3&gt;&lt;p&gt;ترميز الأخبار العربية لأغراض تحليل المضمون: الادعاءات والمصادر وصيغ الإسناد والموثوقية، من اليمين إلى اليسار، مع إمكانية التراجع عن كل تعديل.&lt;/p&gt;&lt;p&gt;خط المواد: Noto Naskh Arabic (رخصة SIL للخطوط المفتوحة).&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <location filename="../../gui/models.py" line="165"/>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="165"/>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="165"/>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="175"/>
        <source>(untitled)</source>
        <translation>(بلا عنوان)</translation>
    </message>
</context>
<context>
    <name>Exchange</name>
    <message>
        <location filename="../../gui/exchange.py" line="28"/>
        <source>Export for QDA tools (REFI-QDA)</source>
        <translation>تصدير لأدوات التحليل النوعي (REFI-QDA)</translation>
    </message>
    <message>
        <location filename="../../gui/exchange.py" line="29"/>
        <source>REFI-QDA projects (*.qdpx)</source>
        <translation>مشاريع REFI-QDA (*.qdpx)</translation>
    </message>
    <message>
        <location filename="../../gui/exchange.py" line="48"/>
        <source>Exported %1 articles and %2 annotations to %3</source>
        <translation>صُدِّرت %1 مادة و%2 ترميزًا إلى %3</translation>
    </message>
    <message>
        <location filename="../../gui/exchange.py" line="52"/>
        <source>Exporting for QDA tools</source>
        <translation>التصدير لأدوات التحليل النوعي</translation>
    </message>
    <message>
        <location filename="../../gui/exchange.py" line="58"/>
        <source>Import from QDA tools (REFI-QDA)</source>
        <translation>استيراد من أدوات التحليل النوعي (REFI-QDA)</translation>
    </message>
    <message>
        <location filename="../../gui/exchange.py" line="59"/>
        <source>REFI-QDA projects (*.qdpx);;All files (*)</source>
        <translation>مشاريع REFI-QDA (*.qdpx);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../gui/exchange.py" line="75"/>
        <source>Importing from QDA tools</source>
        <translation>الاستيراد من أدوات التحليل النوعي</translation>
    </message>
    <message>
        <location filename="../../gui/exchange.py" line="94"/>
        <source>%1 articles added (%2 already in the project), %3 annotations added, %4 updated, %5 links.</source>
        <translation>أُضيفت %1 مادة (%2 موجودة من قبل في المشروع)، وأُضيف %3 ترميزًا، وحُدِّث %4، و%5 رابطًا.</translation>
    </message>
    <message>
        <location filename="../../gui/exchange.py" line="100"/>
        <source>New categories from the file&apos;s codes: %1</source>
        <translation>فئات جديدة من رموز الملف: %1</translation>
    </message>
    <message>
        <location filename="../../gui/exchange.py" line="103"/>
        <source>Imported %1</source>
        <translation>استُورد %1</translation>
    </message>
    <message>
        <location filename="../../gui/exchange.py" line="80"/>
        <source>Import cancelled; nothing was imported.</source>
        <translation>أُلغي الاستيراد، ولم يُستورَد شيء.</translation>
    </message>
    <message>
        <location filename="../../gui/exchange.py" line="82"/>
        <source>Rows stored: %1 of %2</source>
        <translation>الصفوف المحفوظة: %1 من %2</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <location filename="../../gui/files.py" line="101"/>
        <source>Open project</source>
        <translation>فتح مشروع</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="102"/>
        <source>Annotator projects (*.annot);;All files (*)</source>
        <translation>مشروعات Annotator (*.annot);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="107"/>
        <source>New project</source>
        <translation>مشروع جديد</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="108"/>
        <source>Annotator projects (*.annot)</source>
        <translation>مشروعات Annotator (*.annot)</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="154"/>
        <source>Import articles</source>
        <translation>استيراد مواد</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="155"/>
        <source>Articles (%1);;All files (*)</source>
        <translation>المواد (%1);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="251"/>
        <source>%1 articles added.</source>
        <translation>أُضيفت %1 مادة.</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="253"/>
        <source>%1 were already in the project.</source>
        <translation>%1 موجودة في المشروع من قبل.</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="291"/>
        <source>Export to Excel</source>
        <translation>تصدير إلى Excel</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="292"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>مصنفات Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="309"/>
        <source>Exported to %1</source>
        <translation>صُدِّر إلى %1</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="353"/>
        <source>Restored the backup; the state before it is kept as a backup too.</source>
        <translation>استُرجعت النسخة الاحتياطية؛ وحُفظت الحالة السابقة نسخةً احتياطية أيضًا.</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="162"/>
        <source>Import a folder of articles</source>
        <translation>استيراد مجلد من المواد</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="187"/>
        <source>Importing articles</source>
        <translation>استيراد المواد</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="192"/>
        <source>Files read: %1 of %2</source>
        <translation>الملفات المقروءة: %1 من %2</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="199"/>
        <source>No articles found to import.</source>
        <translation>لم يُعثر على مواد للاستيراد.</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="204"/>
        <location filename="../../gui/files.py" line="245"/>
        <source>Nothing was imported.</source>
        <translation>لم يُستورد شيء.</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="217"/>
        <source>Storing articles</source>
        <translation>حفظ المواد في المشروع</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="222"/>
        <source>Articles stored: %1 of %2</source>
        <translation>المواد المحفوظة: %1 من %2</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="263"/>
        <source>Import cancelled; nothing was added.</source>
        <translation>أُلغي الاستيراد، ولم يُضَف شيء.</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="308"/>
        <source>Exporting to Excel</source>
        <translation>التصدير إلى Excel</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="356"/>
        <source>Restore cancelled; the project is unchanged.</source>
        <translation>أُلغي الاسترجاع، والمشروع كما كان.</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="358"/>
        <source>Articles checked: %1 of %2</source>
        <translation>المواد المفحوصة: %1 من %2</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="310"/>
        <source>Export cancelled; no file was written.</source>
        <translation>أُلغي التصدير، ولم يُكتب أي ملف.</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="312"/>
        <source>Rows written: %1 of %2</source>
        <translation>الصفوف المكتوبة: %1 من %2</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="351"/>
        <source>Restoring a backup</source>
        <translation>استرجاع نسخة احتياطية</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="318"/>
        <source>A project on a server is backed up on the server (pg_dump), not by the app: see docs/team-server.md.</source>
        <translation>يُنسخ المشروع المقيم على خادم احتياطيًا على الخادم نفسه (pg_dump)، لا من التطبيق: انظر docs/team-server.md.</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../gui/find.py" line="235"/>
        <source>%1 of %2</source>
        <translation>%1 من %2</translation>
    </message>
    <message>
        <location filename="../../gui/find.py" line="245"/>
        <source>no matches</source>
        <translation>لا نتائج</translation>
    </message>
    <message>
        <location filename="../../gui/find.py" line="271"/>
        <source>Find (hamza, diacritics and tatweel are ignored)</source>
        <translation>بحث (تُتجاهل الهمزات والتشكيل والتطويل)</translation>
    </message>
    <message>
        <location filename="../../gui/find.py" line="275"/>
        <source>This article</source>
        <translation>هذه المادة</translation>
    </message>
    <message>
        <location filename="../../gui/find.py" line="275"/>
        <source>All articles</source>
        <translation>كل المواد</translation>
    </message>
    <message>
        <location filename="../../gui/find.py" line="278"/>
        <source>Annotate all as</source>
        <translation>ترميز الكل بالفئة</translation>
    </message>
    <message>
        <location filename="../../gui/find.py" line="279"/>
        <source>Previous match (Shift+F3)</source>
        <translation>النتيجة السابقة (Shift+F3)</translation>
    </message>
    <message>
        <location filename="../../gui/find.py" line="280"/>
        <source>Next match (F3, Enter)</source>
        <translation>النتيجة التالية (F3، Enter)</translation>
    </message>
    <message>
        <location filename="../../gui/find.py" line="281"/>
        <source>Close (Esc)</source>
        <translation>إغلاق (Esc)</translation>
    </message>
    <message>
        <location filename="../../gui/find.py" line="238"/>
        <source>in all articles: %1</source>
        <translation>في كل المواد: %1</translation>
    </message>
    <message>
        <location filename="../../gui/find.py" line="242"/>
        <source>none here; in other articles: %1</source>
        <translation>لا شيء هنا؛ في مواد أخرى: %1</translation>
    </message>
    <message>
        <location filename="../../gui/find.py" line="270"/>
        <source>Find</source>
        <translation>بحث</translation>
    </message>
</context>
<context>
    <name>FollowMixin</name>
    <message>
        <location filename="../../gui/follow.py" line="24"/>
        <source>Undone in this article: %1</source>
        <translation>تراجعٌ في هذه المادة: %1</translation>
    </message>
    <message>
        <location filename="../../gui/follow.py" line="34"/>
        <source>Redone in this article: %1</source>
        <translation>إعادةٌ في هذه المادة: %1</translation>
    </message>
</context>
<context>
    <name>ImportSummary</name>
    <message>
        <location filename="../../gui/import_summary.py" line="40"/>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <location filename="../../gui/import_summary.py" line="57"/>
        <source>Note: %1</source>
        <translation>ملاحظة: %1</translation>
    </message>
    <message>
        <location filename="../../gui/import_summary.py" line="65"/>
        <source>&amp;Skip these and import the rest</source>
        <translation>&amp;تخطَّ هذه واستورد الباقي</translation>
    </message>
    <message>
        <location filename="../../gui/import_summary.py" line="69"/>
        <source>Import &amp;nothing</source>
        <translation>لا &amp;تستورد شيئًا</translation>
    </message>
    <message>
        <location filename="../../gui/import_summary.py" line="87"/>
        <source>No article could be read. %1 files cannot be imported:</source>
        <translation>تعذّرت قراءة أي مادة. لا يمكن استيراد %1 ملف:</translation>
    </message>
    <message>
        <location filename="../../gui/import_summary.py" line="91"/>
        <source>%1 articles were read from %2 files.</source>
        <translation>قُرئت %1 مادة من %2 ملف.</translation>
    </message>
    <message>
        <location filename="../../gui/import_summary.py" line="93"/>
        <source>%1 files cannot be imported:</source>
        <translation>لا يمكن استيراد %1 ملف:</translation>
    </message>
    <message>
        <location filename="../../gui/import_summary.py" line="95"/>
        <source>%1 articles added.</source>
        <translation>أُضيفت %1 مادة.</translation>
    </message>
    <message>
        <location filename="../../gui/import_summary.py" line="98"/>
        <source>%1 were already in the project and were not added again.</source>
        <translation>%1 منها موجودة في المشروع من قبل، فلم تُضَف مرة أخرى.</translation>
    </message>
    <message>
        <location filename="../../gui/import_summary.py" line="102"/>
        <source>%1 files were skipped:</source>
        <translation>تُخُطِّي %1 ملف:</translation>
    </message>
    <message>
        <location filename="../../gui/import_summary.py" line="85"/>
        <source>No articles found to import.</source>
        <translation>لم يُعثر على مواد للاستيراد.</translation>
    </message>
</context>
<context>
    <name>Incomplete</name>
    <message>
        <location filename="../../gui/incomplete.py" line="65"/>
        <source>%1 incomplete</source>
        <translation>%1 ناقص</translation>
    </message>
    <message>
        <location filename="../../gui/incomplete.py" line="66"/>
        <source>Annotations lacking a required attribute (*): click or F8 for the next, Shift+F8 for the previous</source>
        <translation>ترميزات تنقصها سمة مطلوبة (*): انقر أو اضغط F8 للتالي، وShift+F8 للسابق</translation>
    </message>
    <message>
        <location filename="../../gui/incomplete.py" line="79"/>
        <source>and %1 more</source>
        <translation>و%1 غيرها</translation>
    </message>
    <message>
        <location filename="../../gui/incomplete.py" line="81"/>
        <source>Marked done. Lacking a required attribute (*): %1. F8 goes to each.</source>
        <translation>عُلِّمت المادة منجزة. تنقص سمةٌ مطلوبة (*) هذه الترميزات: %1. اضغط F8 للانتقال إليها واحدًا واحدًا.</translation>
    </message>
    <message>
        <location filename="../../gui/incomplete.py" line="88"/>
        <source>No annotation lacks a required attribute.</source>
        <translation>لا ينقص أيَّ ترميز سمةٌ مطلوبة.</translation>
    </message>
    <message>
        <location filename="../../gui/incomplete.py" line="102"/>
        <source>Incomplete %1 of %2: %3 lacks %4</source>
        <translation>الناقص %1 من %2: %3 ينقصه %4</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="264"/>
        <source>Saved %1</source>
        <translation>حُفظ %1</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="249"/>
        <source>Not saved</source>
        <translation>لم يُحفظ</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="250"/>
        <source>Annotator</source>
        <translation>Annotator</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="256"/>
        <source>Coder: %1</source>
        <translation>المرمِّز: %1</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="257"/>
        <source>%1 of %2 done</source>
        <translation>أُنجز %1 من %2</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="268"/>
        <source>Mark article not done</source>
        <translation>إلغاء تعليم المادة كمنجزة</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="308"/>
        <source>&amp;File</source>
        <translation>ملف</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="309"/>
        <source>Recent projects</source>
        <translation>المشروعات الأخيرة</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="310"/>
        <source>&amp;Edit</source>
        <translation>تحرير</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="311"/>
        <source>&amp;Code</source>
        <translation>ترميز</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="312"/>
        <source>&amp;View</source>
        <translation>عرض</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="313"/>
        <source>Interface &amp;language</source>
        <translation>لغة الواجهة</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="314"/>
        <source>&amp;Article</source>
        <translation>المادة</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="315"/>
        <source>&amp;Help</source>
        <translation>مساعدة</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="316"/>
        <source>Toolbar</source>
        <translation>شريط الأدوات</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="317"/>
        <source>Filter articles by title</source>
        <translation>تصفية المواد حسب العنوان</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="181"/>
        <source>This is the last article.</source>
        <translation>هذا آخر مقال.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="183"/>
        <source>This is the first article.</source>
        <translation>هذا أول مقال.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="202"/>
        <source>Select an annotation that has attributes first.</source>
        <translation>حدّد أولاً ترميزاً له سمات.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="262"/>
        <source>Typing…</source>
        <translation>جارٍ الكتابة…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="275"/>
        <source>&amp;Undo: %1</source>
        <translation>تراجع: %1</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="276"/>
        <source>&amp;Redo: %1</source>
        <translation>إعادة: %1</translation>
    </message>
</context>
<context>
    <name>Memos</name>
    <message>
        <location filename="../../gui/memos.py" line="104"/>
        <source>discuss</source>
        <translation>للنقاش</translation>
    </message>
</context>
<context>
    <name>Models</name>
    <message>
        <location filename="../../gui/models.py" line="56"/>
        <source>To do</source>
        <translation>لم تبدأ</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="57"/>
        <source>In progress</source>
        <translation>قيد الترميز</translation>
    </message>
    <message>
        <location filename="../../gui/models.py" line="58"/>
        <source>Done</source>
        <translation>منجزة</translation>
    </message>
</context>
<context>
    <name>Names</name>
    <message>
        <location filename="../../gui/i18n.py" line="77"/>
        <source>yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <location filename="../../gui/i18n.py" line="78"/>
        <source>no</source>
        <translation>لا</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../gui/dialogs.py" line="30"/>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="34"/>
        <source>Snap selections to whole words</source>
        <translation>توسيع التحديد إلى كلمات كاملة</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="40"/>
        <source>Your name (as coder):</source>
        <translation>اسمك (بصفتك مرمِّزاً):</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="50"/>
        <source>Interface language:</source>
        <translation>لغة الواجهة:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="44"/>
        <source>This file is a package for this coder; the name is part of it and cannot be changed here.</source>
        <translation>هذا الملف حزمة لهذا المرمِّز؛ الاسم جزء منها ولا يمكن تغييره هنا.</translation>
    </message>
</context>
<context>
    <name>SplitDialog</name>
    <message>
        <location filename="../../gui/codebook_editor/split_dialog.py" line="163"/>
        <source>Split category</source>
        <translation>تقسيم الفئة</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/split_dialog.py" line="164"/>
        <source>Move the chosen annotations of &apos;%1&apos; into a new category. The new category gets the same kind and attributes; the annotations keep their values. One step: Undo in the editor moves them back.</source>
        <translation>انقل الترميزات المختارة من «%1» إلى فئة جديدة. تأخذ الفئة الجديدة النوع نفسه والسمات نفسها، وتحتفظ الترميزات بقيمها. خطوة واحدة: «تراجع» في المحرِّر يعيدها.</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/split_dialog.py" line="169"/>
        <source>New category&apos;s key</source>
        <translation>مفتاح الفئة الجديدة</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/split_dialog.py" line="170"/>
        <source>Name (English)</source>
        <translation>الاسم (بالإنجليزية)</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/split_dialog.py" line="171"/>
        <source>Name (Arabic)</source>
        <translation>الاسم (بالعربية)</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/split_dialog.py" line="172"/>
        <source>Colour</source>
        <translation>اللون</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/split_dialog.py" line="173"/>
        <source>Hotkey</source>
        <translation>مفتاح الاختصار</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/split_dialog.py" line="175"/>
        <source>e.g. %1_quoted</source>
        <translation>مثلًا %1_quoted</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/split_dialog.py" line="177"/>
        <source>none</source>
        <translation>بلا</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/split_dialog.py" line="178"/>
        <source>Filter by the quoted text…</source>
        <translation>تصفية حسب النص المقتبس…</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/split_dialog.py" line="179"/>
        <source>Select all</source>
        <translation>تحديد الكل</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/split_dialog.py" line="180"/>
        <source>Tick every annotation shown</source>
        <translation>علِّم كل الترميزات المعروضة</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/split_dialog.py" line="181"/>
        <source>Select none</source>
        <translation>إلغاء التحديد</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/split_dialog.py" line="182"/>
        <source>Quote</source>
        <translation>النص المقتبس</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/split_dialog.py" line="183"/>
        <source>Article</source>
        <translation>المادة</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/split_dialog.py" line="184"/>
        <source>Coder</source>
        <translation>المرمِّز</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/split_dialog.py" line="185"/>
        <source>Attributes</source>
        <translation>السمات</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/split_dialog.py" line="186"/>
        <source>Links</source>
        <translation>الروابط</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/split_dialog.py" line="187"/>
        <source>linked: remove its links to move it</source>
        <translation>مرتبط: احذف روابطه لتنقله</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/split_dialog.py" line="192"/>
        <source>Split</source>
        <translation>تقسيم</translation>
    </message>
    <message>
        <location filename="../../gui/codebook_editor/split_dialog.py" line="237"/>
        <source>%1 of %2 chosen</source>
        <translation>%1 من %2 مختارة</translation>
    </message>
</context>
<context>
    <name>Suggestions</name>
    <message>
        <location filename="../../gui/suggestion_commands.py" line="58"/>
        <source>Reject suggestion</source>
        <translation>رفض الاقتراح</translation>
    </message>
    <message>
        <location filename="../../gui/suggestions.py" line="93"/>
        <source>Show &amp;suggestions</source>
        <translation>إظهار الاقتراحات</translation>
    </message>
    <message>
        <location filename="../../gui/suggestions.py" line="94"/>
        <source>Accept suggestions in this &amp;paragraph</source>
        <translation>قبول اقتراحات هذه الفقرة</translation>
    </message>
    <message>
        <location filename="../../gui/suggestions.py" line="95"/>
        <source>Allow suggestions in this project</source>
        <translation>السماح بالاقتراحات في هذا المشروع</translation>
    </message>
    <message>
        <location filename="../../gui/suggestions.py" line="97"/>
        <source>Hide suggestions on the reliability sample</source>
        <translation>إخفاء الاقتراحات في عيّنة الثبات</translation>
    </message>
    <message>
        <location filename="../../gui/suggestions.py" line="276"/>
        <source>Suggested %1 «%2» (%3 of %4): Enter accepts, Backspace rejects, Tab goes on.</source>
        <translation>اقتراح %1 «%2» (%3 من %4): Enter للقبول، وBackspace للرفض، وTab للتالي.</translation>
    </message>
    <message>
        <location filename="../../gui/suggestions.py" line="296"/>
        <source>Accept suggestion</source>
        <translation>قبول الاقتراح</translation>
    </message>
    <message>
        <location filename="../../gui/suggestions.py" line="314"/>
        <source>No more suggestions in this article.</source>
        <translation>لا اقتراحات أخرى في هذه المادة.</translation>
    </message>
    <message>
        <location filename="../../gui/suggestions.py" line="329"/>
        <source>No suggestions in this paragraph.</source>
        <translation>لا اقتراحات في هذه الفقرة.</translation>
    </message>
    <message>
        <location filename="../../gui/suggestions.py" line="331"/>
        <source>Accept %1 suggestions</source>
        <translation>قبول %1 من الاقتراحات</translation>
    </message>
</context>
<context>
    <name>Supervisor</name>
    <message>
        <location filename="../../gui/supervisor/__init__.py" line="120"/>
        <source>S&amp;upervisor</source>
        <translation>الإشراف</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/__init__.py" line="121"/>
        <source>&amp;Agreement…</source>
        <translation>الاتفاق بين المرمّزين…</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/__init__.py" line="122"/>
        <source>&amp;Compare coders on this article…</source>
        <translation>مقارنة المرمّزين في هذا المقال…</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/__init__.py" line="123"/>
        <source>&amp;Package for a coder…</source>
        <translation>حزمة لمرمّز…</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/__init__.py" line="124"/>
        <source>&amp;Merge coders&apos; files…</source>
        <translation>دمج ملفات المرمّزين…</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/__init__.py" line="125"/>
        <source>A&amp;ssign documents…</source>
        <translation>توزيع المقالات…</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/__init__.py" line="126"/>
        <source>P&amp;rogress per coder…</source>
        <translation>تقدّم كل مرمّز…</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/__init__.py" line="160"/>
        <location filename="../../gui/supervisor/__init__.py" line="188"/>
        <location filename="../../gui/supervisor/common.py" line="158"/>
        <source>Annotator</source>
        <translation>Annotator</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/__init__.py" line="161"/>
        <source>Open a project first.</source>
        <translation>افتح مشروعًا أولًا.</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/__init__.py" line="189"/>
        <source>No article has been annotated by two coders yet.</source>
        <translation>لم يرمّز مرمّزان أيّ مقال بعد.</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/adjudication.py" line="82"/>
        <source>Accept {0}&apos;s span (edited)</source>
        <translation>قبول مقطع {0} (معدّلًا)</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/adjudication.py" line="83"/>
        <source>Accept {0}&apos;s span</source>
        <translation>قبول مقطع {0}</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/adjudication.py" line="116"/>
        <source>Reject gold span</source>
        <translation>رفض المقطع المرجعي</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/adjudication.py" line="140"/>
        <source>Accept all agreed spans</source>
        <translation>قبول كل المقاطع المتفق عليها</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/adjudication.py" line="305"/>
        <source>Move gold span boundary</source>
        <translation>تحريك حدّ المقطع المرجعي</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/chart.py" line="168"/>
        <location filename="../../gui/supervisor/figure_model.py" line="90"/>
        <source>cannot be computed</source>
        <translation>لا يمكن حسابه</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/agreement_tables.py" line="65"/>
        <location filename="../../gui/supervisor/agreement_tables.py" line="101"/>
        <location filename="../../gui/supervisor/agreement_view.py" line="200"/>
        <source>Coders</source>
        <translation>المرمّزون</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/agreement_tables.py" line="40"/>
        <location filename="../../gui/supervisor/agreement_tables.py" line="71"/>
        <location filename="../../gui/supervisor/agreement_view.py" line="201"/>
        <location filename="../../gui/supervisor/comparison_layout.py" line="221"/>
        <location filename="../../gui/supervisor/team_dialogs.py" line="312"/>
        <source>Documents</source>
        <translation>المقالات</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/agreement_view.py" line="202"/>
        <source>Marked done by two or more coders</source>
        <translation>أنهاها مرمّزان أو أكثر</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/agreement_view.py" line="204"/>
        <source>All documents two or more coders annotated</source>
        <translation>كل المقالات التي رمّزها مرمّزان أو أكثر</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/agreement_view.py" line="206"/>
        <source>&amp;Category:</source>
        <translation>الفئة:</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/agreement_view.py" line="207"/>
        <source>&amp;Compute</source>
        <translation>احسب</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/agreement_view.py" line="208"/>
        <source>&amp;Export JSON…</source>
        <translation>تصدير JSON…</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/agreement_view.py" line="209"/>
        <source>Chart:</source>
        <translation>الرسم:</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/agreement_view.py" line="210"/>
        <source>Per category</source>
        <translation>حسب الفئة</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/agreement_view.py" line="211"/>
        <source>Per coder pair</source>
        <translation>حسب زوج المرمّزين</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/agreement_view.py" line="212"/>
        <source>Per document</source>
        <translation>حسب المقال</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/agreement_view.py" line="213"/>
        <source>Attributes</source>
        <translation>الخصائص</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/agreement_view.py" line="226"/>
        <source>αU (unitizing alpha)</source>
        <translation>αU (ألفا التقطيع)</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/agreement_view.py" line="227"/>
        <source>(k)u-α</source>
        <translation>(k)u-α</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/agreement_view.py" line="228"/>
        <source>α nominal (character units)</source>
        <translation>α الاسمية (وحدات الحروف)</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/agreement_view.py" line="244"/>
        <source>All categories</source>
        <translation>كل الفئات</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/agreement_view.py" line="280"/>
        <location filename="../../gui/supervisor/gold_decisions.py" line="234"/>
        <source>Computing…</source>
        <translation>جارٍ الحساب…</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/agreement_view.py" line="311"/>
        <source>Could not compute: {0}</source>
        <translation>تعذّر الحساب: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/agreement_view.py" line="329"/>
        <source>{0} documents, {1} character units, continuum {2} code points</source>
        <translation>{0} مقالات، {1} وحدة حرفية، متصل من {2} محرفًا</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/agreement_view.py" line="337"/>
        <source>&lt;b&gt;Overall&lt;/b&gt;</source>
        <translation>&lt;b&gt;الإجمالي&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/agreement_view.py" line="339"/>
        <source>coders: {0}</source>
        <translation>المرمّزون: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/agreement_tables.py" line="35"/>
        <location filename="../../gui/supervisor/agreement_tables.py" line="64"/>
        <location filename="../../gui/supervisor/agreement_tables.py" line="102"/>
        <location filename="../../gui/supervisor/agreement_tables.py" line="136"/>
        <source>Category</source>
        <extracomment>(columns, rows): columns as (key, heading), rows as lists of Cells</extracomment>
        <translation>الفئة</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/agreement_tables.py" line="37"/>
        <location filename="../../gui/supervisor/agreement_tables.py" line="104"/>
        <source>α nominal</source>
        <translation>α الاسمية</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/agreement_tables.py" line="38"/>
        <location filename="../../gui/supervisor/agreement_tables.py" line="69"/>
        <location filename="../../gui/supervisor/agreement_tables.py" line="105"/>
        <source>% agreement</source>
        <translation>نسبة الاتفاق</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/agreement_tables.py" line="39"/>
        <location filename="../../gui/supervisor/agreement_tables.py" line="70"/>
        <location filename="../../gui/supervisor/agreement_tables.py" line="106"/>
        <source>Units</source>
        <translation>الوحدات</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/agreement_tables.py" line="41"/>
        <source>Spans: {0}</source>
        <translation>مقاطع: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/agreement_tables.py" line="44"/>
        <location filename="../../gui/supervisor/agreement_tables.py" line="117"/>
        <source>All categories (overall)</source>
        <translation>كل الفئات (الإجمالي)</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/agreement_tables.py" line="56"/>
        <source>{0} after merging overlaps</source>
        <translation>{0} بعد دمج المتداخل</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/agreement_tables.py" line="67"/>
        <source>F1 exact</source>
        <translation>F1 تطابق تام</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/agreement_tables.py" line="68"/>
        <source>F1 overlap</source>
        <translation>F1 تداخل</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/agreement_tables.py" line="72"/>
        <location filename="../../gui/supervisor/agreement_tables.py" line="107"/>
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/agreement_tables.py" line="81"/>
        <source>{0} spans match exactly</source>
        <translation>{0} مقاطع متطابقة تمامًا</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/agreement_tables.py" line="85"/>
        <source>{0} spans match by overlap</source>
        <translation>{0} مقاطع متطابقة بالتداخل</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/agreement_tables.py" line="88"/>
        <location filename="../../gui/supervisor/common.py" line="122"/>
        <source>the two coders share no included document</source>
        <translation>لا يشترك المرمّزان في أي مقال مشمول</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/agreement_tables.py" line="100"/>
        <source>Document</source>
        <translation>المقال</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/agreement_tables.py" line="137"/>
        <source>Attribute</source>
        <translation>الخاصية</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/agreement_view.py" line="377"/>
        <source>{0} units · spans {1}</source>
        <translation>{0} وحدة · المقاطع {1}</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/agreement_view.py" line="381"/>
        <source>{0} per category</source>
        <translation>{0} حسب الفئة</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/agreement_view.py" line="401"/>
        <source>Export agreement report</source>
        <translation>تصدير تقرير الاتفاق</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/agreement_view.py" line="403"/>
        <source>JSON files (*.json)</source>
        <translation>ملفات JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/agreement_view.py" line="420"/>
        <source>Agreement — {0}</source>
        <translation>الاتفاق — {0}</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/common.py" line="55"/>
        <source>reliable (≥ 0.800)</source>
        <translation>موثوق (≥ 0.800)</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/common.py" line="57"/>
        <source>tentative (0.667 – 0.800)</source>
        <translation>مبدئي (0.667 – 0.800)</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/common.py" line="59"/>
        <source>not reliable (&lt; 0.667)</source>
        <translation>غير موثوق (&lt; 0.667)</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/comparison_layout.py" line="180"/>
        <source>&amp;Article:</source>
        <translation>المقال:</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/comparison_layout.py" line="181"/>
        <source>Previous</source>
        <translation>السابق</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/comparison_layout.py" line="182"/>
        <source>Next</source>
        <translation>التالي</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/comparison_layout.py" line="185"/>
        <source>Disagreements</source>
        <translation>مواضع الاختلاف</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/comparison_layout.py" line="186"/>
        <source>Decide (gold)</source>
        <translation>القرار (المرجع)</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/comparison_layout.py" line="192"/>
        <source>&amp;Edit (E)</source>
        <translation>تعديل (E)</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/comparison_layout.py" line="193"/>
        <source>Put the chosen span into gold with the text selected in the article as its bounds and the category below</source>
        <translation>أدخِل المقطع المختار في المرجع بحدود النص المحدّد في المقال وبالفئة أدناه</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/comparison_layout.py" line="196"/>
        <source>&amp;Reject (R)</source>
        <translation>رفض (R)</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/comparison_layout.py" line="197"/>
        <source>Take the span out of gold</source>
        <translation>أخرِج المقطع من المرجع</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/comparison_layout.py" line="198"/>
        <source>Category for Edit:</source>
        <translation>فئة التعديل:</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/comparison_layout.py" line="199"/>
        <source>Accept all agreed spans (Ctrl+Shift+A)</source>
        <translation>قبول كل المقاطع المتفق عليها (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/comparison_layout.py" line="217"/>
        <source>Gold against each coder</source>
        <translation>المرجع مقارنةً بكل مرمّز</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/comparison_layout.py" line="219"/>
        <location filename="../../gui/supervisor/team_dialogs.py" line="218"/>
        <location filename="../../gui/supervisor/team_dialogs.py" line="311"/>
        <location filename="../../gui/supervisor/team_dialogs.py" line="381"/>
        <source>Coder</source>
        <translation>المرمّز</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/comparison_layout.py" line="219"/>
        <source>αU this article</source>
        <translation>αU هذا المقال</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/comparison_layout.py" line="220"/>
        <source>αU all adjudicated</source>
        <translation>αU كل ما حُسم</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/comparison_layout.py" line="222"/>
        <source>Compare coders</source>
        <translation>مقارنة المرمّزين</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/comparison_view.py" line="92"/>
        <source>{0} · {1} — {2} coders, {3} done</source>
        <translation>{0} · {1} — {2} مرمّزين، {3} أنهوا</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/comparison_view.py" line="129"/>
        <source>Compare coders — {0}</source>
        <translation>مقارنة المرمّزين — {0}</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/comparison_view.py" line="208"/>
        <source>missed by {0}</source>
        <translation>فاته: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/comparison_view.py" line="209"/>
        <source>✓ decided: {0}</source>
        <translation>✓ حُسم: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/comparison_view.py" line="212"/>
        <location filename="../../gui/supervisor/comparison_view.py" line="230"/>
        <source>not decided</source>
        <translation>لم يُحسم</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/comparison_view.py" line="261"/>
        <source>gold</source>
        <translation>المرجع</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/comparison_view.py" line="274"/>
        <source>Lanes under each line, top to bottom: {0}</source>
        <translation>المسارات تحت كل سطر، من الأعلى إلى الأسفل: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/comparison_view.py" line="276"/>
        <source>coders differ</source>
        <translation>اختلاف المرمّزين</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/comparison_view.py" line="281"/>
        <source>{0} of {1} · {2} undecided</source>
        <translation>{0} من {1} · {2} لم تُحسم</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/gold_decisions.py" line="59"/>
        <source>gold: {0} {1} (by {2})</source>
        <translation>المرجع: {0} {1} (قرّره {2})</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/gold_decisions.py" line="139"/>
        <source>{0} agreed spans put into gold</source>
        <translation>أُدخل {0} من المقاطع المتفق عليها في المرجع</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/gold_decisions.py" line="230"/>
        <source>No gold spans yet: decide a disagreement, or accept all agreed spans.</source>
        <translation>لا مقاطع مرجعية بعد: احسم موضع اختلاف، أو اقبل كل المقاطع المتفق عليها.</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/gold_decisions.py" line="252"/>
        <source>gold has no span in this article yet</source>
        <translation>لا مقطع مرجعيًا في هذا المقال بعد</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/team_dialogs.py" line="96"/>
        <source>Package for a coder</source>
        <translation>حزمة لمرمّز</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/team_dialogs.py" line="103"/>
        <source>&amp;Coder:</source>
        <translation>المرمّز:</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/team_dialogs.py" line="105"/>
        <source>Tick the documents assigned to this coder</source>
        <translation>علّم المقالات المسندة إلى هذا المرمّز</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/team_dialogs.py" line="121"/>
        <source>All</source>
        <translation>الكل</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/team_dialogs.py" line="122"/>
        <source>None</source>
        <translation>لا شيء</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/team_dialogs.py" line="130"/>
        <source>&amp;Save package…</source>
        <translation>حفظ الحزمة…</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/team_dialogs.py" line="162"/>
        <source>tick at least one document</source>
        <translation>علّم مقالًا واحدًا على الأقل</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/team_dialogs.py" line="186"/>
        <source>Save package</source>
        <translation>حفظ الحزمة</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/team_dialogs.py" line="187"/>
        <source>Annotator projects (*.annot)</source>
        <translation>مشاريع Annotator (*.annot)</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/team_dialogs.py" line="194"/>
        <source>Package for {0}: {1} documents, {2} annotations, saved to {3}</source>
        <translation>حزمة {0}: {1} مقالات، {2} ترميزات، حُفظت في {3}</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/team_dialogs.py" line="211"/>
        <source>Merge coders&apos; files</source>
        <translation>دمج ملفات المرمّزين</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/team_dialogs.py" line="213"/>
        <source>A backup of the project is written before each merge. Merging the same file twice changes nothing.</source>
        <translation>تُكتب نسخة احتياطية من المشروع قبل كل دمج. دمج الملف نفسه مرتين لا يغيّر شيئًا.</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/team_dialogs.py" line="218"/>
        <source>File</source>
        <translation>الملف</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/team_dialogs.py" line="219"/>
        <source>Added</source>
        <translation>أضيف</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/team_dialogs.py" line="219"/>
        <source>Updated</source>
        <translation>حُدّث</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/team_dialogs.py" line="220"/>
        <source>Deleted</source>
        <translation>حُذف</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/team_dialogs.py" line="221"/>
        <source>Skipped</source>
        <translation>تُخطّي</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/team_dialogs.py" line="229"/>
        <source>&amp;Choose files and merge…</source>
        <translation>اختر الملفات وادمج…</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/team_dialogs.py" line="238"/>
        <source>Coders&apos; files</source>
        <translation>ملفات المرمّزين</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/team_dialogs.py" line="239"/>
        <source>Annotator projects (*.annot);;All files (*)</source>
        <translation>مشاريع Annotator (*.annot);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/team_dialogs.py" line="253"/>
        <source>Merge refused</source>
        <translation>رُفض الدمج</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/team_dialogs.py" line="270"/>
        <source>Merged. Backup before the merge: {0}</source>
        <translation>تم الدمج. النسخة الاحتياطية قبل الدمج: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/team_dialogs.py" line="286"/>
        <source>Assign documents</source>
        <translation>توزيع المقالات</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/team_dialogs.py" line="291"/>
        <source>&amp;Coders (comma-separated):</source>
        <translation>المرمّزون (مفصولون بفواصل):</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/team_dialogs.py" line="297"/>
        <source>&amp;Overlap coded by everyone:</source>
        <translation>الجزء المشترك الذي يرمّزه الجميع:</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/team_dialogs.py" line="301"/>
        <source>&amp;Seed:</source>
        <translation>البذرة:</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/team_dialogs.py" line="303"/>
        <source>Only documents nobody has yet</source>
        <translation>المقالات غير المسندة فقط</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/team_dialogs.py" line="308"/>
        <source>&amp;Preview plan</source>
        <translation>معاينة الخطة</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/team_dialogs.py" line="313"/>
        <source>Of them in the overlap</source>
        <translation>منها في الجزء المشترك</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/team_dialogs.py" line="314"/>
        <source>Ids</source>
        <translation>الأرقام</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/team_dialogs.py" line="318"/>
        <source>&amp;Apply</source>
        <translation>تطبيق</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/team_dialogs.py" line="333"/>
        <source>no documents to assign</source>
        <translation>لا مقالات للتوزيع</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/team_dialogs.py" line="370"/>
        <source>Assigned. Hand out the packages next.</source>
        <translation>تم التوزيع. وزّع الحزم بعد ذلك.</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/team_dialogs.py" line="379"/>
        <source>Progress per coder</source>
        <translation>تقدّم كل مرمّز</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/team_dialogs.py" line="382"/>
        <source>Assigned</source>
        <translation>المسند</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/team_dialogs.py" line="383"/>
        <source>To do</source>
        <translation>للإنجاز</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/team_dialogs.py" line="384"/>
        <source>In progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/team_dialogs.py" line="385"/>
        <source>Done</source>
        <translation>أُنجز</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/team_dialogs.py" line="386"/>
        <source>Done %</source>
        <translation>نسبة الإنجاز</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/team_dialogs.py" line="390"/>
        <source>&amp;Refresh</source>
        <translation>تحديث</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/__init__.py" line="81"/>
        <source>Article {0} has fewer than two coders: showing article {1}, the first one two or more coders annotated.</source>
        <translation>المقال {0} رمّزه أقل من مرمّزَين: يُعرض المقال {1}، أول مقال رمّزه مرمّزان أو أكثر.</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/common.py" line="87"/>
        <source>no spans of this category</source>
        <translation>لا مقاطع من هذه الفئة</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/common.py" line="88"/>
        <source>no spans of this category from either coder</source>
        <translation>لا مقاطع من هذه الفئة لدى أيٍّ من المرمّزَين</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/common.py" line="90"/>
        <source>no spans</source>
        <translation>لا مقاطع</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/common.py" line="91"/>
        <source>only one coder</source>
        <translation>مرمّز واحد فقط</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/common.py" line="92"/>
        <source>nothing pairable</source>
        <translation>لا شيء يمكن مقابلته</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/common.py" line="93"/>
        <source>fewer than 2 pairable values</source>
        <translation>أقل من قيمتين يمكن مقابلتهما</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/common.py" line="95"/>
        <source>no units coded by both coders</source>
        <translation>لا وحدات رمّزها المرمّزان كلاهما</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/common.py" line="97"/>
        <source>no stretch that two coders both identified as a unit</source>
        <translation>لا مقطع حدّده مرمّزان كلاهما وحدةً</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/common.py" line="99"/>
        <source>no expected disagreement (the units leave no room for chance)</source>
        <translation>لا اختلاف متوقَّع (الوحدات لا تترك مجالاً للصدفة)</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/common.py" line="101"/>
        <source>no variation</source>
        <translation>لا تباين</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/common.py" line="102"/>
        <source>no variation: every character unit has the same value</source>
        <translation>لا تباين: لكل وحدة حرفية القيمة نفسها</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/common.py" line="104"/>
        <source>no variation: every stretch has the same value</source>
        <translation>لا تباين: لكل مقطع القيمة نفسها</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/common.py" line="106"/>
        <source>no variation: every unit has the same value</source>
        <translation>لا تباين: لكل وحدة القيمة نفسها</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/common.py" line="108"/>
        <source>no variation: no coder marked anything, or coders marked everything</source>
        <translation>لا تباين: لم يحدّد أي مرمّز شيئاً، أو حدّد المرمّزون كل شيء</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/common.py" line="111"/>
        <source>no variation: no coder marked this category</source>
        <translation>لا تباين: لم يحدّد أي مرمّز هذه الفئة</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/common.py" line="113"/>
        <source>no variation: only one category among the jointly identified units</source>
        <translation>لا تباين: فئة واحدة فقط بين الوحدات التي حدّدها المرمّزون معاً</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/common.py" line="116"/>
        <source>neither coder marked this category</source>
        <translation>لم يحدّد أيٌّ من المرمّزَين هذه الفئة</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/common.py" line="118"/>
        <source>no coder pair shares a document</source>
        <translation>لا يشترك أي زوج من المرمّزين في مقال</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/common.py" line="120"/>
        <source>no document has two or more included coders</source>
        <translation>لا مقال فيه مرمّزان مشمولان أو أكثر</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/adjudication.py" line="167"/>
        <source>Link in gold</source>
        <translation>ربط في المرجع</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/adjudication.py" line="168"/>
        <source>Leave unlinked in gold</source>
        <translation>ترك الرابط خارج المرجع</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/adjudication.py" line="197"/>
        <source>Link gold spans</source>
        <translation>ربط مقاطع المرجع</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/adjudication.py" line="222"/>
        <source>Mark gold done</source>
        <translation>تعليم المرجع مكتملًا</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/adjudication.py" line="223"/>
        <source>Reopen gold</source>
        <translation>إعادة فتح المرجع</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/comparison_layout.py" line="187"/>
        <source>&amp;Accept (1–9, A)</source>
        <translation>قبول (1–9، A)</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/comparison_layout.py" line="188"/>
        <source>Put the chosen span into gold as it is; keys 1–9 accept the span with that number, Ctrl+Down and Ctrl+Up choose among all candidates and A or Return accepts the chosen one</source>
        <translation>يضع المقطع المختار في المرجع كما هو؛ المفاتيح 1–9 تقبل المقطع الذي يحمل الرقم، وCtrl+Down وCtrl+Up تنتقلان بين كل المقاطع المرشَّحة، وA أو Return يقبل المختار منها</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/comparison_layout.py" line="201"/>
        <source>Agreed: identical bounds, category and attributes from every coder who marked the article done; the links whose both ends are then in gold come too</source>
        <translation>المتفق عليه: الحدود والفئة والسمات نفسها عند كل مرمِّز أكمل المقال؛ وتأتي معه الروابط التي يصبح طرفاها كلاهما في المرجع</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/comparison_layout.py" line="205"/>
        <source>Two identical spans are enough</source>
        <translation>يكفي مقطعان متطابقان</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/comparison_layout.py" line="206"/>
        <source>Count a span as agreed when at least two coders have it identically, instead of every coder who finished the article</source>
        <translation>عُدَّ المقطع متفقًا عليه إذا تطابق عند مرمِّزَين على الأقل، بدل كل مرمِّز أكمل المقال</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/comparison_layout.py" line="209"/>
        <source>&amp;Link gold spans (L)</source>
        <translation>ربط مقاطع المرجع (L)</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/comparison_layout.py" line="210"/>
        <source>Link the chosen gold span to another: press L, then click the other gold span; linked ones are unlinked. Esc cancels</source>
        <translation>اربط المقطع المرجعي المختار بآخر: اضغط L ثم انقر المقطع المرجعي الآخر؛ ويُفك الرابط إن كانا مرتبطين. Esc للإلغاء</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/comparison_layout.py" line="213"/>
        <source>&amp;Gold done (D)</source>
        <translation>اكتمل المرجع (D)</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/comparison_layout.py" line="214"/>
        <source>Gold is finished for this article: what is not in gold was left out on purpose, and agreement with gold counts this article</source>
        <translation>اكتمل المرجع لهذا المقال: ما ليس فيه تُرك عمدًا، ويُحسب المقال في الاتفاق مع المرجع</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/comparison_view.py" line="211"/>
        <source>✓ left out of gold (gold done)</source>
        <translation>✓ تُرك خارج المرجع (اكتمل المرجع)</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/comparison_view.py" line="221"/>
        <source>link {0}: {1} → {2}</source>
        <translation>رابط {0}: {1} ← {2}</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/comparison_view.py" line="224"/>
        <source>linked by {0}</source>
        <translation>ربطه: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/comparison_view.py" line="226"/>
        <source>not linked by {0}</source>
        <translation>لم يربطه: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/comparison_view.py" line="228"/>
        <source>✓ linked in gold</source>
        <translation>✓ مربوط في المرجع</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/comparison_view.py" line="229"/>
        <source>✓ left unlinked</source>
        <translation>✓ تُرك دون ربط</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/comparison_view.py" line="285"/>
        <source>{0} agreed not yet in gold</source>
        <translation>{0} متفق عليه لم يدخل المرجع بعد</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/gold_decisions.py" line="40"/>
        <source>1  link in gold: {0} → {1}</source>
        <translation>1  ربط في المرجع: {0} ← {1}</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/gold_decisions.py" line="169"/>
        <source>Choose a disagreement that has a gold span first, then L.</source>
        <translation>اختر أولًا موضع اختلاف له مقطع في المرجع، ثم اضغط L.</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/gold_decisions.py" line="174"/>
        <source>Click the gold span to link {0} to (linked ones are unlinked); Esc cancels.</source>
        <translation>انقر المقطع المرجعي الذي تربط به {0} (ويُفك الرابط إن كانا مرتبطين)؛ Esc للإلغاء.</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/gold_decisions.py" line="196"/>
        <source>No gold span there that {0} can be linked to.</source>
        <translation>لا مقطع مرجعيًا هناك يمكن ربط {0} به.</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/gold_decisions.py" line="202"/>
        <source>Gold links changed: {0} — {1}</source>
        <translation>تغيّرت روابط المرجع: {0} — {1}</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/common.py" line="124"/>
        <source>no document with this attribute coded by two coders</source>
        <translation>لا مقال رمّز فيه مرمِّزان هذه السمة</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/common.py" line="136"/>
        <source>Below −1: the two disagree more than twice as much as chance would make them. This happens where one side marked far fewer spans than the other (gold still incomplete, a coder who stopped early): read it as not comparable yet. Finish gold and mark it done first.</source>
        <translation>أقل من ‎−1‎: يختلف الطرفان أكثر من ضعف ما تُحدثه الصدفة. يحدث هذا حين يحدّد أحد الطرفين مقاطع أقل بكثير من الآخر (مرجع لم يكتمل، أو مرمِّز توقف مبكرًا): اقرأه على أنه غير قابل للمقارنة بعد. أكمل المرجع وعلّمه مكتملًا أولًا.</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/team_dialogs.py" line="168"/>
        <source>Writing the package</source>
        <translation>كتابة حزمة المرمّز</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/team_dialogs.py" line="174"/>
        <source>Documents written: %1 of %2</source>
        <translation>المواد المكتوبة: %1 من %2</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/team_dialogs.py" line="249"/>
        <source>Merging coders&apos; files</source>
        <translation>دمج ملفات المرمّزين</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/team_dialogs.py" line="254"/>
        <source>Merge cancelled; the project is unchanged.</source>
        <translation>أُلغي الدمج، والمشروع كما كان.</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/team_dialogs.py" line="256"/>
        <source>Rows merged: %1 of %2</source>
        <translation>الصفوف المدموجة: %1 من %2</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/team_dialogs.py" line="358"/>
        <source>Assigning documents</source>
        <translation>توزيع المواد</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/team_dialogs.py" line="364"/>
        <source>Documents assigned: %1 of %2</source>
        <translation>المواد الموزَّعة: %1 من %2</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/agreement_tables.py" line="138"/>
        <source>α</source>
        <translation>α</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/agreement_tables.py" line="139"/>
        <source>Level</source>
        <translation>المستوى</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/agreement_tables.py" line="140"/>
        <source>Units (matched span pairs or documents)</source>
        <translation>الوحدات (أزواج المقاطع المتقابلة أو المقالات)</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/agreement_tables.py" line="141"/>
        <source>ordinal</source>
        <translation>ترتيبي</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/agreement_tables.py" line="142"/>
        <source>nominal</source>
        <translation>اسمي</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/agreement_tables.py" line="151"/>
        <source>documents as units</source>
        <translation>المقالات وحداتٍ</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/__init__.py" line="127"/>
        <source>Code&amp;book editor…</source>
        <translation>محرر دليل الترميز…</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/gold_decisions.py" line="269"/>
        <source>αU of gold against each coder: in this article, and over the articles gold is marked done for (D) with this one. {0} = cannot be computed (hover for why).</source>
        <translation>αU للمرجع مقارنةً بكل مرمّز: في هذا المقال، وفي المقالات التي عُلّم المرجع فيها مكتملًا (D) ومعها هذا المقال. {0} = لا يمكن حسابه (مرّر المؤشر لمعرفة السبب).</translation>
    </message>
    <message>
        <location filename="../../gui/supervisor/common.py" line="126"/>
        <source>gold is marked done on no article the other coders finished: mark gold done per article in the comparison window (D), or with `annotator adjudicate --done`</source>
        <translation>لم يُعلَّم المرجع مكتملًا في أي مقال أكمله المرمّزون الآخرون: علّمه مكتملًا لكل مقال في نافذة المقارنة (D)، أو بالأمر ‎`annotator adjudicate --done`‎</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <location filename="../../gui/sync_control.py" line="24"/>
        <location filename="../../gui/sync_control.py" line="28"/>
        <source>Not synced yet</source>
        <translation>لم تجرِ المزامنة بعد</translation>
    </message>
    <message>
        <location filename="../../gui/sync_control.py" line="32"/>
        <source>Synced just now</source>
        <translation>تمت المزامنة للتو</translation>
    </message>
    <message>
        <location filename="../../gui/sync_control.py" line="34"/>
        <source>Last synced %1 min ago</source>
        <translation>آخر مزامنة قبل %1 دقيقة</translation>
    </message>
    <message>
        <location filename="../../gui/sync_control.py" line="36"/>
        <source>Last synced %1 h ago</source>
        <translation>آخر مزامنة قبل %1 ساعة</translation>
    </message>
    <message>
        <location filename="../../gui/sync_control.py" line="37"/>
        <source>Last synced %1 days ago</source>
        <translation>آخر مزامنة قبل %1 يوم</translation>
    </message>
    <message>
        <location filename="../../gui/sync_control.py" line="64"/>
        <source>S&amp;ync with the team server</source>
        <translation>مزامنة مع خادم الفريق</translation>
    </message>
    <message>
        <location filename="../../gui/sync_control.py" line="65"/>
        <source>Send your work to the team server and get new articles (Ctrl+Shift+Y)</source>
        <translation>أرسل عملك إلى خادم الفريق واستلم المقالات الجديدة (Ctrl+Shift+Y)</translation>
    </message>
    <message>
        <location filename="../../gui/sync_control.py" line="88"/>
        <source>Sync is for a coder&apos;s file (the package your supervisor gave you). This project is not one.</source>
        <translation>المزامنة لملف المرمِّز (الملف الذي أعطاك إياه المشرف)، وهذا المشروع ليس كذلك.</translation>
    </message>
    <message>
        <location filename="../../gui/sync_control.py" line="95"/>
        <source>Team server</source>
        <translation>خادم الفريق</translation>
    </message>
    <message>
        <location filename="../../gui/sync_control.py" line="96"/>
        <source>The server&apos;s address, from your supervisor (postgresql://YOUR_LOGIN@HOST/DATABASE):</source>
        <translation>عنوان الخادم كما أعطاك إياه المشرف (postgresql://YOUR_LOGIN@HOST/DATABASE):</translation>
    </message>
    <message>
        <location filename="../../gui/sync_control.py" line="103"/>
        <source>Not a server address: %1</source>
        <translation>ليس عنوان خادم: %1</translation>
    </message>
    <message>
        <location filename="../../gui/sync_control.py" line="115"/>
        <source>Syncing with the team server</source>
        <translation>المزامنة مع خادم الفريق</translation>
    </message>
    <message>
        <location filename="../../gui/sync_control.py" line="118"/>
        <source>Rows sent: %1 of %2</source>
        <translation>الصفوف المرسلة: %1 من %2</translation>
    </message>
    <message>
        <location filename="../../gui/sync_control.py" line="123"/>
        <source>Synced: %1 changes sent, %2 new articles.</source>
        <translation>تمت المزامنة: أُرسل %1 من التغييرات، ووصلت %2 من المقالات الجديدة.</translation>
    </message>
    <message>
        <location filename="../../gui/sync_control.py" line="126"/>
        <source>The codebook was updated.</source>
        <translation>وحُدِّث دليل الترميز.</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <location filename="../../gui/tasks.py" line="111"/>
        <source>Starting…</source>
        <translation>جارٍ البدء…</translation>
    </message>
    <message>
        <location filename="../../gui/tasks.py" line="117"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../gui/tasks.py" line="143"/>
        <source>Cancelling…</source>
        <translation>جارٍ الإلغاء…</translation>
    </message>
    <message>
        <location filename="../../gui/tasks.py" line="189"/>
        <source>“%1” is still running. Wait until it finishes, or cancel it.</source>
        <translation>لا تزال «%1» جارية. انتظر حتى تنتهي، أو ألغِها.</translation>
    </message>
    <message>
        <location filename="../../gui/tasks.py" line="190"/>
        <source>Please wait</source>
        <translation>يُرجى الانتظار</translation>
    </message>
    <message>
        <location filename="../../gui/tasks.py" line="212"/>
        <source>%1 of %2</source>
        <translation>%1 من %2</translation>
    </message>
    <message>
        <location filename="../../gui/tasks.py" line="307"/>
        <source>Annotator</source>
        <translation>Annotator</translation>
    </message>
</context>
</TS>
