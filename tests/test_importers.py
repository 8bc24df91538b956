"""Importers: what users rely on when they bring articles in, and every way a file can be bad."""

from __future__ import annotations

import json
import os
import time
import zipfile
from datetime import datetime
from pathlib import Path

import pytest

from annotator.core.errors import InputError
from annotator.core.importers import (
    FORMATS,
    MAX_CONTAINER_BYTES,
    MAX_DOCUMENT_BYTES,
    iter_files,
    read_path,
)
from annotator.core.importers.dates import parse_date_line, parse_date_value
from annotator.core.importers.news import parse_byline, recognise_article

FIXTURES = Path(__file__).parent / "fixtures" / "import"
SEED = FIXTURES / "seed_youm7_2017.txt"
LEVANT = FIXTURES / "levant_article.txt"
SEED_TITLE = "«رحلة الهروب الجماعي».. وثائق تكشف فرار عناصر داعش من سوريا والعراق"
ARABIC = "قالت الحكومة إن الانتخابات ستجري في موعدها.\nوأكد الوزير ذلك أمس."


def one(path, fmt="auto"):
    docs = read_path(path, fmt)
    assert len(docs) == 1
    return docs[0]


def refused(path, *fragments, fmt="auto"):
    """read_path must raise InputError whose message names the file and says what is wrong."""
    with pytest.raises(InputError) as info:
        read_path(path, fmt)
    message = str(info.value)
    assert message.startswith(str(path)), message
    for fragment in fragments:
        assert fragment in message, message
    return message


# --- Scraped news articles -------------------------------------------------------------------

def test_seed_article_fields_and_clean_text():
    doc = one(SEED)
    assert doc.title == SEED_TITLE
    assert doc.published == datetime(2017, 4, 27, 15, 53)
    assert doc.author == "محمد الشرقاوي"
    assert doc.source_file == SEED.name
    # the headline stays as the first paragraph (coders code headlines), printed once
    assert doc.text.startswith(SEED_TITLE + "\n\nيعاني تنظيم داعش الإرهابي")
    assert doc.text.count(SEED_TITLE) == 1
    assert doc.text.endswith("وبذلك أصبحت الفرصة متاحة أمام العناصر للهروب.")
    for gone in ("إقرأ أيضًا", "لا توجد تعليقات", "اضف تعليق", "كتب - محمد الشرقاوي",
                 "03:53", "داعش - أرشيفية", "القوات العراقية تحرر 12 قرية"):
        assert gone not in doc.text, gone
    stripped = doc.meta["stripped"]
    assert "الخميس، 27 أبريل 2017 03:53 م" in stripped
    assert "كتب - محمد الشرقاوي" in stripped
    assert "داعش - أرشيفية" in stripped
    tail = stripped[-1]
    assert tail.startswith("إقرأ أيضًا") and tail.endswith("اضف تعليق")
    assert "القوات العراقية تحرر 12 قرية جديدة في الموصل من قبضة داعش" in tail
    assert "\r" not in doc.text and "\ufeff" not in doc.text
    assert doc.meta["encoding"] == "utf-8"


def test_levantine_article_with_arabic_indic_digits_and_midnight():
    doc = one(LEVANT)
    assert doc.title == "مجلس الوزراء يقرّ خطة الكهرباء وسط اعتراض نقابي واسع"
    assert doc.published == datetime(2020, 10, 14, 0, 5)  # ١٢:٠٥ ص is just after midnight
    assert doc.author == "ريم حدّاد"
    assert "جلسة مجلس الوزراء - أرشيف" in doc.meta["captions"]
    assert "مواضيع ذات صلة" not in doc.text
    assert "تابعونا" not in doc.text
    assert "انقطاع الكهرباء يطال" not in doc.text
    # boilerplate-looking lines in the middle of the body are never touched
    assert "شارك أكثر من ألف شخص" in doc.text
    assert "اقرأ أيضاً: خطة الكهرباء السابقة ومصيرها" in doc.text
    assert doc.text.endswith("ومن المتوقع أن تعرض الخطة على المجلس النيابي الشهر المقبل.")
    assert doc.meta["stripped"][-1].startswith("مواضيع ذات صلة")


def test_seed_article_saved_as_windows_1256_with_crlf(tmp_path):
    p = tmp_path / "seed_cp1256.txt"
    text = SEED.read_text(encoding="utf-8")
    p.write_bytes(text.replace("\n", "\r\n").encode("cp1256", errors="replace"))
    doc = one(p)
    assert doc.meta["encoding"] == "cp1256"
    assert doc.title == SEED_TITLE and doc.author == "محمد الشرقاوي"
    assert doc.published == datetime(2017, 4, 27, 15, 53)
    assert "لا توجد تعليقات" not in doc.text


def test_plain_text_comes_through_unchanged(tmp_path):
    text = "عنوان التقرير\n\nفقرة أولى من التقرير.\nشارك في الاجتماع عدد من الوزراء."
    p = tmp_path / "plain.txt"
    p.write_text(text, encoding="utf-8")
    doc = one(p)
    assert doc.text == text
    assert doc.title == "عنوان التقرير"
    assert doc.published is None and doc.author is None
    assert "stripped" not in doc.meta


@pytest.mark.parametrize("line, expected", [
    ("الخميس، 27 أبريل 2017 03:53 م", datetime(2017, 4, 27, 15, 53)),
    ("الخميس ٢٧ أبريل ٢٠١٧ ٠٣:٥٣ م", datetime(2017, 4, 27, 15, 53)),
    ("27 ابريل 2017 12:10 م", datetime(2017, 4, 27, 12, 10)),
    ("27 ابريل 2017 12:10 ص", datetime(2017, 4, 27, 0, 10)),
    ("3 يونية 2019", datetime(2019, 6, 3)),
    ("السبت 5 يوليه 2014 - 09:00 ص", datetime(2014, 7, 5, 9, 0)),
    ("1 كانون الثاني 2021", datetime(2021, 1, 1)),
    ("الأحد 2 كانون الأول 2018 - 18:30", datetime(2018, 12, 2, 18, 30)),
    ("١٥ آب ٢٠٢٠", datetime(2020, 8, 15)),
    ("7 أيلول 2016 07:15 مساءً", datetime(2016, 9, 7, 19, 15)),
    ("تاريخ النشر: 27/04/2017 - 15:53", datetime(2017, 4, 27, 15, 53)),
    ("نشر في 2017-04-27", datetime(2017, 4, 27)),
    ("27 أبريل/نيسان 2017", datetime(2017, 4, 27)),
])
def test_date_lines(line, expected):
    assert parse_date_line(line) == expected


def test_sentences_with_dates_are_not_date_lines():
    assert parse_date_line("وقال الوزير في 27 أبريل 2017 إن الحكومة ستعلن خطتها قريبا") is None
    assert parse_date_line("عنوان بلا تاريخ") is None


@pytest.mark.parametrize("line, author", [
    ("كتب - محمد الشرقاوي", "محمد الشرقاوي"),
    ("كتب: أحمد علي", "أحمد علي"),
    ("كتبت سارة محمود", "سارة محمود"),
    ("بقلم ريم حداد", "ريم حداد"),
    ("كتب ـ خالد يوسف", "خالد يوسف"),
    ("By John Smith", "John Smith"),
    ("كتب التاريخ", None),  # "books of history", not a byline
    ("كتبت الصحيفة في عددها الصادر اليوم أن الحكومة ستستقيل", None),
])
def test_bylines(line, author):
    assert parse_byline(line) == author


@pytest.mark.parametrize("value, expected", [
    (datetime(2020, 5, 1, 9, 30), datetime(2020, 5, 1, 9, 30)),
    ("2021-03-05T14:30:00Z", datetime(2021, 3, 5, 14, 30)),
    ("2021-03-05T14:30:00+03:00", datetime(2021, 3, 5, 14, 30)),
    ("05/03/2021", datetime(2021, 3, 5)),
    ("٠٥/٠٣/٢٠٢١", datetime(2021, 3, 5)),
    ("5 مارس 2021", datetime(2021, 3, 5)),
    ("قريبا", None),
    ("", None),
])
def test_date_values(value, expected):
    assert parse_date_value(value) == expected


def test_recognise_article_returns_fields():
    text = ("عنوان الخبر\n27/04/2017\nكتب: أحمد علي\n"
            "هذه فقرة الخبر الأولى وهي طويلة بما يكفي لتكون جزءا من المتن.\n"
            "اقرأ أيضا\nخبر آخر\nأضف تعليق")
    clean, fields = recognise_article(text)
    assert clean == "عنوان الخبر\nهذه فقرة الخبر الأولى وهي طويلة بما يكفي لتكون جزءا من المتن."
    assert fields["title"] == "عنوان الخبر"
    assert fields["published"] == datetime(2017, 4, 27)
    assert fields["author"] == "أحمد علي"
    assert fields["meta"]["stripped"] == ["27/04/2017", "كتب: أحمد علي",
                                          "اقرأ أيضا\nخبر آخر\nأضف تعليق"]


# --- Encodings -------------------------------------------------------------------------------

def test_cp1256_file_decodes_to_arabic(tmp_path):
    p = tmp_path / "windows.txt"
    p.write_bytes(ARABIC.replace("\n", "\r\n").encode("cp1256"))
    doc = one(p)
    assert doc.text == ARABIC
    assert doc.meta["encoding"] == "cp1256"


@pytest.mark.parametrize("encoding, bom", [
    ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"), ("utf-16-le", b""),
    ("utf-16-be", b""),
])
def test_utf16_files(tmp_path, encoding, bom):
    p = tmp_path / "utf16.txt"
    p.write_bytes(bom + (ARABIC + " 😀").replace("\n", "\r\n").encode(encoding))
    assert one(p).text == ARABIC + " 😀"


def test_utf8_with_bom_and_crlf(tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes(b"\xef\xbb\xbf" + ARABIC.replace("\n", "\r\n").encode("utf-8"))
    doc = one(p)
    assert doc.text == ARABIC
    assert doc.title == "قالت الحكومة إن الانتخابات ستجري في موعدها."


def test_no_unicode_normalisation(tmp_path):
    text = "مُحَمَّد ﷺ ﻻ"  # shadda+fatha order, ligatures: NFC/NFKC would change them
    p = tmp_path / "marks.txt"
    p.write_text(text, encoding="utf-8")
    assert one(p).text == text


def test_truncated_utf8_is_not_decoded_as_cp1256(tmp_path):
    data = ARABIC.rstrip(".").encode("utf-8")[:-1]  # cut inside the last letter
    p = tmp_path / "cut.txt"
    p.write_bytes(data)
    refused(p, "not valid UTF-8", f"truncated at byte {len(data) - 1}")


def test_utf8_with_a_bad_byte_in_the_middle(tmp_path):
    good = ARABIC.encode("utf-8")
    at = len("قالت ".encode())
    p = tmp_path / "bad.txt"
    p.write_bytes(good[:at] + b"\xff" + good[at:])
    refused(p, "not valid UTF-8", f"invalid byte 0xFF at byte {at}")


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4,
    os.urandom(4096) + b"\x00\x00",
])
def test_binary_file(tmp_path, data):
    p = tmp_path / "picture.txt"
    p.write_bytes(data)
    refused(p, "binary file, not text")


@pytest.mark.parametrize("data", [b"", b"   \r\n\t\n", b"\xef\xbb\xbf", "\u00a0\n".encode()])
def test_empty_file(tmp_path, data):
    p = tmp_path / "empty.txt"
    p.write_bytes(data)
    refused(p, "empty file")


# --- Size limits -----------------------------------------------------------------------------

def test_50_mb_text_file_is_refused_quickly(tmp_path):
    p = tmp_path / "huge.txt"
    chunk = ("نص عربي طويل " * 1000 + "\n").encode("utf-8")
    with open(p, "wb") as f:
        for _ in range(50 * 1024 * 1024 // len(chunk) + 1):
            f.write(chunk)
        f.truncate(50 * 1024 * 1024)
    t0 = time.perf_counter()
    refused(p, "file is 50.0 MB; the limit for one article is 10 MB")
    assert time.perf_counter() - t0 < 1.0  # refused from the size, before reading
    assert MAX_DOCUMENT_BYTES == 10 * 1024 * 1024
    assert MAX_CONTAINER_BYTES == 200 * 1024 * 1024


def test_container_row_over_the_article_limit(tmp_path):
    p = tmp_path / "big_row.csv"
    with open(p, "w", encoding="utf-8") as f:
        f.write("title,text\nsmall,نص قصير\nbig,")
        f.write("a" * (MAX_DOCUMENT_BYTES + 10))
        f.write("\n")
    refused(p, "row 3", "the limit for one article is 10 MB")


# --- .docx -----------------------------------------------------------------------------------

def _docx(path, paragraphs, title=None, author=None, table=None):
    import docx
    from docx.enum.text import WD_PARAGRAPH_ALIGNMENT
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement

    d = docx.Document()
    for i, text in enumerate(paragraphs):
        par = d.add_paragraph(text)
        if i == 1:  # a right-to-left paragraph, as Word writes Arabic
            ppr = par._p.get_or_add_pPr()
            ppr.append(OxmlElement("w:bidi"))
            par.alignment = WD_PARAGRAPH_ALIGNMENT.RIGHT
            for run in par.runs:
                run._r.get_or_add_rPr().append(OxmlElement("w:rtl"))
        if table is not None and i == 2:
            t = d.add_table(rows=len(table), cols=len(table[0]))
            for r, row in enumerate(table):
                for c, value in enumerate(row):
                    t.cell(r, c).text = value
    d.core_properties.title = title or ""
    d.core_properties.author = author or ""
    assert qn("w:bidi")
    d.save(path)
    return path


def test_docx_paragraph_order_rtl_tables_and_blank_lines(tmp_path):
    p = _docx(tmp_path / "a.docx",
              ["عنوان المقال", "فقرة من اليمين إلى اليسار 😀", "", "", "", "فقرة بعد الجدول",
               "English paragraph"],
              table=[["خلية ١", "خلية ٢"], ["cell 3", "cell 4"]])
    doc = one(p)
    assert doc.text == ("عنوان المقال\nفقرة من اليمين إلى اليسار 😀\n\nخلية ١\nخلية ٢\ncell 3\n"
                        "cell 4\n\nفقرة بعد الجدول\nEnglish paragraph")
    assert doc.title == "عنوان المقال"
    assert doc.author is None


def test_docx_core_properties(tmp_path):
    p = _docx(tmp_path / "b.docx", ["سطر أول", "سطر ثان"], title="العنوان الرسمي",
              author="هدى")
    doc = one(p)
    assert doc.title == "العنوان الرسمي"
    assert doc.author == "هدى"


def test_docx_with_a_scraped_article_is_cleaned(tmp_path):
    lines = SEED.read_text(encoding="utf-8").split("\n")
    doc = one(_docx(tmp_path / "seed.docx", lines))
    assert doc.title == SEED_TITLE
    assert doc.author == "محمد الشرقاوي"
    assert "لا توجد تعليقات" not in doc.text


def test_docx_not_a_zip(tmp_path):
    p = tmp_path / "fake.docx"
    p.write_text("هذا ليس ملف وورد", encoding="utf-8")
    refused(p, "not a .docx file (not a zip archive)")


def test_old_doc_or_encrypted_docx(tmp_path):
    p = tmp_path / "locked.docx"
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    refused(p, "not a .docx file", "password")


def test_docx_zip_without_document(tmp_path):
    p = tmp_path / "other.docx"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("hello.txt", "hi")
    refused(p, "not a .docx file", "word/document.xml")


def _zip_bomb(path, member, megabytes):
    chunk = bytes(1024 * 1024)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        with z.open(member, "w", force_zip64=True) as f:
            for _ in range(megabytes):
                f.write(chunk)
    return path


@pytest.mark.parametrize("name, member", [("bomb.docx", "word/document.xml"),
                                          ("bomb.xlsx", "xl/workbook.xml")])
def test_zip_bomb_is_refused_before_opening(tmp_path, name, member):
    p = _zip_bomb(tmp_path / name, member, 250)
    assert p.stat().st_size < 5 * 1024 * 1024
    t0 = time.perf_counter()
    refused(p, "refused: archive expands to 250.0 MB (zip bomb?)")
    assert time.perf_counter() - t0 < 1.0


def test_highly_compressed_small_archive_is_refused_by_ratio(tmp_path):
    p = _zip_bomb(tmp_path / "ratio.docx", "word/document.xml", 20)
    refused(p, "refused: archive expands to 20.0 MB (zip bomb?)")


# --- .html -----------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="ar" dir="rtl"><head>
<meta charset="utf-8">
<title>وزير الخارجية يصل إلى بغداد - جريدة المثال</title>
<meta property="og:title" content="وزير الخارجية يصل إلى بغداد">
<meta property="og:site_name" content="جريدة المثال">
<meta property="og:url" content="https://example.com/news/1">
<meta property="article:published_time" content="2021-03-05T14:30:00+03:00">
<meta name="author" content="سامي نادر">
<script>var tracking = "لا تظهر";</script><style>p {color: red}</style>
</head><body>
<header><a href="/">الرئيسية</a> <a href="/sport">رياضة</a></header>
<nav><ul><li>سياسة</li><li>اقتصاد</li></ul></nav>
<div class="content">
 <h1>وزير الخارجية يصل إلى بغداد</h1>
 <div class="body">
  <p>وصل وزير الخارجية إلى بغداد صباح اليوم في زيارة رسمية تستمر يومين.</p>
  <p>وقال في تصريح   للصحفيين<br>إن الزيارة تهدف إلى تعزيز العلاقات.</p>
  <p>ومن المقرر أن يلتقي رئيس الوزراء 😀 غدا.</p>
 </div>
 <aside><p>الأكثر قراءة: خبر لا علاقة له</p></aside>
</div>
<footer><p>جميع الحقوق محفوظة © 2021</p></footer>
<form><input name="q"><p>ابحث في الموقع</p></form>
</body></html>
"""


def test_html_article_without_navigation(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(PAGE, encoding="utf-8")
    doc = one(p)
    assert doc.text == ("وزير الخارجية يصل إلى بغداد\n"
                        "وصل وزير الخارجية إلى بغداد صباح اليوم في زيارة رسمية تستمر يومين.\n"
                        "وقال في تصريح للصحفيين\nإن الزيارة تهدف إلى تعزيز العلاقات.\n"
                        "ومن المقرر أن يلتقي رئيس الوزراء 😀 غدا.")
    assert doc.title == "وزير الخارجية يصل إلى بغداد"
    assert doc.published == datetime(2021, 3, 5, 14, 30)  # the outlet's local time
    assert doc.author == "سامي نادر"
    assert doc.outlet == "جريدة المثال"
    assert doc.url == "https://example.com/news/1"
    assert doc.language == "ar"
    for junk in ("الرئيسية", "اقتصاد", "الأكثر قراءة", "جميع الحقوق", "ابحث", "tracking", "color"):
        assert junk not in doc.text


def test_html_prefers_article_element_and_declared_cp1256(tmp_path):
    page = ("<html><head><meta http-equiv='Content-Type' content='text/html; "
            "charset=windows-1256'><title>عنوان</title></head><body>"
            "<div><p>روابط</p><p>روابط أخرى كثيرة جدا جدا جدا جدا جدا جدا جدا جدا</p></div>"
            "<article><h2>عنوان</h2><p>المتن هنا.</p><time datetime='2019-01-02T08:00'>"
            "</time></article></body></html>")
    p = tmp_path / "old.htm"
    p.write_bytes(page.encode("cp1256"))
    doc = one(p)
    assert doc.text == "عنوان\nالمتن هنا."
    assert doc.published == datetime(2019, 1, 2, 8, 0)


def test_html_without_text(tmp_path):
    p = tmp_path / "blank.html"
    p.write_text("<html><body><script>x()</script><nav>menu</nav></body></html>", "utf-8")
    refused(p, "no article text")


# --- .csv / .xlsx ----------------------------------------------------------------------------

def test_csv_with_arabic_headers_bom_and_semicolons(tmp_path):
    p = tmp_path / "articles.csv"
    rows = ("العنوان;النص;الصحيفة;الكاتب;تاريخ النشر;الرابط;ملاحظة\r\n"
            'خبر أول;"فقرة أولى.\r\nفقرة ثانية؛ فيها ; فاصلة";الأهرام;أحمد;27/04/2017;'
            "https://a.example/1;مهم\r\n"
            ";;;;;;\r\n"
            "خبر ثان;نص الخبر الثاني;الشروق;;2018-01-05;;\r\n")
    p.write_bytes(b"\xef\xbb\xbf" + rows.encode("utf-8"))
    docs = read_path(p)
    assert [d.title for d in docs] == ["خبر أول", "خبر ثان"]  # the empty row is skipped
    a, b = docs
    assert a.text == "فقرة أولى.\nفقرة ثانية؛ فيها ; فاصلة"
    assert a.outlet == "الأهرام" and a.author == "أحمد"
    assert a.published == datetime(2017, 4, 27)
    assert a.url == "https://a.example/1"
    assert a.meta["ملاحظة"] == "مهم"
    assert a.meta["row"] == 2 and a.source_file == "articles.csv"
    assert b.published == datetime(2018, 1, 5) and b.author is None


def test_csv_cp1256_and_english_headers(tmp_path):
    p = tmp_path / "win.csv"
    p.write_bytes(("Headline,Body,Source\r\nعنوان,نص عربي,المصدر\r\n").encode("cp1256"))
    doc = one(p)
    assert (doc.title, doc.text, doc.outlet) == ("عنوان", "نص عربي", "المصدر")


def test_tsv_without_title_column_uses_first_line(tmp_path):
    p = tmp_path / "a.tsv"
    p.write_text("id\tcontent\n7\tسطر أول\nسطر ثان\n", encoding="utf-8")
    doc = one(p)
    assert doc.title == "سطر أول" and doc.meta["id"] == "7"


def test_csv_without_text_column(tmp_path):
    p = tmp_path / "no_text.csv"
    p.write_text("a,b\n1,2\n", encoding="utf-8")
    refused(p, "no text column (looked for: text, body", "نص", "found: a, b)")


def test_xlsx_rows(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Title", "TEXT", "Date", "Outlet", "views"])
    ws.append(["خبر", "متن الخبر الأول 😀", datetime(2020, 5, 1, 9, 30), "الجزيرة", 1200])
    ws.append(["بدون نص", None, None, None, None])
    ws.append(["ثان", "متن ثان", "05/06/2020", None, 3])
    wb.create_sheet("ignored").append(["text"])
    p = tmp_path / "sheet.xlsx"
    wb.save(p)
    docs = read_path(p)
    assert [d.text for d in docs] == ["متن الخبر الأول 😀", "متن ثان"]
    assert docs[0].published == datetime(2020, 5, 1, 9, 30)
    assert docs[0].outlet == "الجزيرة" and docs[0].meta["views"] == "1200"
    assert docs[0].meta["row"] == 2 and docs[1].meta["row"] == 4
    assert docs[1].published == datetime(2020, 6, 5)


def test_xlsx_not_a_zip(tmp_path):
    p = tmp_path / "fake.xlsx"
    p.write_bytes(b"title,text\nx,y\n")
    refused(p, "not a .xlsx file (not a zip archive)")


def test_xlsx_damaged_inside(tmp_path):
    p = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("xl/workbook.xml", "<not really")
    refused(p, "cannot read the .xlsx file")


# --- doccano ---------------------------------------------------------------------------------

MIXED = "قال John Smith لصحيفة الغارديان 😀 إن 𝐀 الحكومة ستستقيل"


def _span(text, sub):
    start = text.index(sub)
    return [start, start + len(sub)]


def test_doccano_offsets_round_trip_exactly(tmp_path):
    expected = ["John Smith", "الغارديان", "😀 إن 𝐀", "ستستقيل"]
    labels = [_span(MIXED, s) + [f"L{i}"] for i, s in enumerate(expected)]
    p = tmp_path / "export.jsonl"
    lines = [
        json.dumps({"id": 1, "text": MIXED, "label": labels, "meta": {"outlet": "x"}},
                   ensure_ascii=False),
        json.dumps({"id": 2, "text": "  نص بمسافات\u2028وفاصل  ",
                    "entities": [{"id": 9, "start_offset": 2, "end_offset": 4, "label": "A"}]},
                   ensure_ascii=False),
        "",
        json.dumps({"text": MIXED, "labels": []}),  # ASCII-escaped JSON, "labels" key
    ]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs = read_path(p)
    assert len(docs) == 3
    a, b, c = docs
    assert a.text == MIXED
    assert [a.text[s.start:s.end] for s in a.spans] == expected
    assert [s.label for s in a.spans] == ["L0", "L1", "L2", "L3"]
    assert a.meta["doccano_id"] == 1 and a.meta["outlet"] == "x"
    assert a.title == MIXED
    assert b.text == "  نص بمسافات\u2028وفاصل  "  # not stripped, U+2028 kept
    assert [(s.start, s.end, s.label) for s in b.spans] == [(2, 4, "A")]
    assert c.text == MIXED and c.spans == []


def test_doccano_crlf_moves_offsets(tmp_path):
    raw = "سطر أول\r\nسطر ثان\r\nJohn"
    p = tmp_path / "crlf.jsonl"
    spans = [_span(raw, "سطر ثان") + ["A"], _span(raw, "John") + ["B"],
             [0, len(raw), "ALL"]]
    p.write_text(json.dumps({"text": raw, "label": spans}) + "\n", encoding="utf-8")
    doc = one(p)
    assert doc.text == "سطر أول\nسطر ثان\nJohn"
    assert [doc.text[s.start:s.end] for s in doc.spans] == ["سطر ثان", "John", doc.text]


def test_doccano_json_array_and_title_from_meta(tmp_path):
    p = tmp_path / "export.json"
    p.write_text(json.dumps([{"text": "x" * 300, "meta": {"title": "عنوان"}},
                             {"text": "y" * 300}]), encoding="utf-8")
    a, b = read_path(p)
    assert a.title == "عنوان"
    assert len(b.title) <= 120 and b.title.endswith("…")


def test_doccano_span_outside_text(tmp_path):
    p = tmp_path / "bad_span.jsonl"
    good = json.dumps({"text": "abc", "label": [[0, 1, "A"]]})
    bad = json.dumps({"text": "x" * 120, "label": [[5, 900, "A"]]})
    p.write_text(f"{good}\n{good}\n{bad}\n", encoding="utf-8")
    refused(p, "line 3: span [5, 900) is outside the text (length 120)")


def test_doccano_bad_json(tmp_path):
    p = tmp_path / "bad.jsonl"
    good = json.dumps({"text": "abc"})
    p.write_text("\n".join([good] * 6 + ['{"text": "abc", ']), encoding="utf-8")
    refused(p, "line 7: not valid JSON")


@pytest.mark.parametrize("record, fragment", [
    ({"label": []}, 'no "text" field'),
    ({"text": "abc", "label": [[2, 1, "A"]]}, "span [2, 1) is empty or reversed"),
    ({"text": "abc", "label": [[0, "2", "A"]]}, "whole numbers"),
    ({"text": "abc", "label": [[0, 2]]}, "[start, end"),
    ({"text": "abc", "entities": [{"start_offset": 0}]}, "start_offset, end_offset"),
    (5, "expected a JSON object, found int"),
])
def test_doccano_bad_records(tmp_path, record, fragment):
    p = tmp_path / "bad.jsonl"
    p.write_text(json.dumps(record) + "\n", encoding="utf-8")
    refused(p, "line 1: ", fragment)


# --- Dispatch and folders --------------------------------------------------------------------

def test_iter_files_walks_folders_sorted_and_skips_hidden_and_unknown(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    for name in ("b/2.txt", "b/1.docx", "a.csv", "z.jsonl", "notes.pdf", ".hidden.txt",
                 ".git/x.txt", "~$lock.docx", "page.HTM"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    single = tmp_path / "a.csv"
    found = iter_files([tmp_path, single])
    rel = [f.relative_to(tmp_path).as_posix() for f in found]
    assert rel == ["a.csv", "b/1.docx", "b/2.txt", "page.HTM", "z.jsonl"]  # a.csv once


def test_iter_files_refuses_named_unknown_or_missing_files(tmp_path):
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    with pytest.raises(InputError) as info:
        iter_files([pdf])
    assert str(info.value).startswith(str(pdf)) and "unsupported file type '.pdf'" in str(info.value)
    assert iter_files([pdf], fmt="txt") == [pdf]  # the user said what it is
    missing = tmp_path / "missing.txt"
    with pytest.raises(InputError, match="no such file"):
        iter_files([missing])


def test_read_path_explicit_format_and_errors(tmp_path):
    p = tmp_path / "article.md"
    p.write_text("عنوان\nنص", encoding="utf-8")
    assert one(p, fmt="txt").text == "عنوان\nنص"
    refused(p, "unsupported file type '.md'")
    refused(p, "unknown format 'pdf'", fmt="pdf")
    refused(tmp_path / "nope.txt", "no such file")
    assert FORMATS == ("auto", "txt", "docx", "html", "csv", "xlsx", "doccano")


def test_pdf_with_txt_extension_is_binary(tmp_path):
    p = tmp_path / "paper.txt"
    p.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 5 >>\nstream\n\x00\x01\x02")
    refused(p, "binary file, not text", "PDF")


def test_html_title_is_the_headline_not_the_site_name(tmp_path):
    page = tmp_path / "p.html"
    page.write_text("<html><head><title>موقع الأخبار | خبر مهم</title></head><body>"
                    "<nav>الرئيسية</nav><article><h1>خبر مهم</h1><p>نص الخبر الطويل هنا عن "
                    "الموصل والجارديان.</p></article></body></html>", encoding="utf-8")
    [doc] = read_path(page)
    assert doc.title == "خبر مهم"
