"""Variable and value labels of the export tables, in English and Arabic, taken from the
codebook: what SPSS gets as labels and R users get as labels.csv.

    labels = table_labels(plan, table)
    labels.variables["claim.claim_type"]  -> ("Claim: Claim type", "ادعاء: نوع الادعاء")
    labels.values["claim.claim_type"]     -> {"factual": ("Factual", "وقائعي"), ...}
    labels.ordinal                        -> {"reliability.level", ...}
"""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..exporters.plan import RELIABILITY, Plan
from ..exporters.table import Table

# The fixed columns of the tables (names as the workbook has them).
FIXED = {
    "annotation_id": ("Annotation id", "معرّف الترميز"),
    "document_id": ("Document id", "رقم المادة"),
    "document_title": ("Document title", "عنوان المادة"),
    "title": ("Title", "العنوان"),
    "outlet": ("Outlet", "الوسيلة"),
    "author": ("Author", "الكاتب"),
    "published": ("Published", "تاريخ النشر"),
    "url": ("URL", "الرابط"),
    "length": ("Length (characters)", "الطول (حروف)"),
    "coder": ("Coder", "المرمِّز"),
    "category": ("Category", "الفئة"),
    "category_ar": ("Category, Arabic name", "اسم الفئة بالعربية"),
    "category_en": ("Category, English name", "اسم الفئة بالإنجليزية"),
    "start": ("Start (code point)", "البداية"),
    "end": ("End (code point)", "النهاية"),
    "text": ("Coded text", "النص المرمَّز"),
    "context_before": ("Context before", "السياق قبله"),
    "context_after": ("Context after", "السياق بعده"),
    "note": ("Note", "ملاحظة"),
    "flag": ("Marked for discussion", "معلَّم للنقاش"),
    "origin": ("Origin", "المنشأ"),
    "created": ("Created (UTC)", "وقت الإنشاء"),
    "updated": ("Updated (UTC)", "وقت التعديل"),
    "n_sources": ("Number of sources", "عدد المصادر"),
    "sources": ("Sources", "المصادر"),
    "source_types": ("Source types", "أنواع المصادر"),
    "source_ids": ("Source annotation ids", "معرّفات المصادر"),
    "reliability": ("Reliability", "الموثوقية"),
    "reliability_basis": ("Reliability from", "مصدر تقدير الموثوقية"),
    "relation_id": ("Link id", "معرّف الربط"),
    "relation": ("Link type", "نوع الربط"),
    "from_id": ("From annotation", "من الترميز"),
    "from_category": ("From category", "فئة المنطلق"),
    "from_text": ("From text", "نص المنطلق"),
    "to_id": ("To annotation", "إلى الترميز"),
    "to_category": ("To category", "فئة الهدف"),
    "to_text": ("To text", "نص الهدف"),
}
STATUS = {"todo": ("To do", "لم يبدأ"), "in_progress": ("In progress", "قيد العمل"),
          "done": ("Done", "منجز")}
BOOL = {0: ("No", "لا"), 1: ("Yes", "نعم")}
ORIGIN = {"manual": ("Coded by hand", "ترميز يدوي"),
          "suggested": ("Accepted suggestion", "اقتراح مقبول"),
          "imported": ("Imported", "مستورد")}


@dataclass
class Labels:
    variables: dict[str, tuple[str, str]] = field(default_factory=dict)
    values: dict[str, dict] = field(default_factory=dict)  # column -> {value: (en, ar)}
    ordinal: set[str] = field(default_factory=set)
    booleans: set[str] = field(default_factory=set)  # written as 0/1
    numeric: set[str] = field(default_factory=set)  # numbers whatever the sheet's format


def table_labels(plan: Plan, table: Table) -> Labels:
    out = Labels()
    attrs = {a.column: (c, a) for c in plan.categories for a in c.attributes}
    cats = {c.key: c for c in plan.categories}
    categories = {c.key: (c.name_en, c.name_ar) for c in plan.categories}
    relations = {r.key: (r.name_en, r.name_ar) for r in plan.relations}
    ends = {"from": ("From ", "من "), "to": ("To ", "إلى ")}  # the Links table's two ends
    for col in table.columns:
        name = col.name
        side, _, rest = name.partition(".")
        prefix = ends[side] if side in ends and rest in attrs else ("", "")
        base = rest if prefix[0] else name
        if base in attrs:
            c, a = attrs[base]
            out.variables[name] = (f"{prefix[0]}{c.name_en}: {a.name_en}",
                                   f"{prefix[1]}{c.name_ar}: {a.name_ar}")
            if a.type == "number" or a.numeric_codes:
                out.numeric.add(name)
            if a.type == "choice":
                numeric = a.numeric_codes
                out.values[name] = {(int(v["key"]) if numeric else v["key"]):
                                    (v.get("name_en") or v["key"], v.get("name_ar") or v["key"])
                                    for v in a.values}
                if a.ordinal:
                    out.ordinal.add(name)
            elif a.type == "boolean":
                out.values[name] = dict(BOOL)
                out.booleans.add(name)
        elif name in FIXED:
            out.variables[name] = FIXED[name]
            if name in ("category", "from_category", "to_category"):
                out.values[name] = dict(categories)
            elif name == "relation":
                out.values[name] = dict(relations)
            elif name == "origin":
                out.values[name] = dict(ORIGIN)
            elif name == "flag":
                out.values[name] = dict(BOOL)
                out.booleans.add(name)
        elif name.startswith("status [") and name.endswith("]"):
            coder = name[8:-1]
            out.variables[name] = (f"Status [{coder}]", f"الحالة [{coder}]")
            out.values[name] = dict(STATUS)
        elif " [" in name and name.endswith("]") and name.split(" [", 1)[0] in cats:
            key, coder = name[:-1].split(" [", 1)
            c = cats[key]
            out.variables[name] = (f"{c.name_en} [{coder}]: number of annotations",
                                   f"{c.name_ar} [{coder}]: عدد الترميزات")
        else:
            out.variables[name] = (name, name)
    rel = next((a for c in plan.categories if c.key == RELIABILITY for a in c.attributes
                if a.key == "level"), None)
    if table.name == "Claims" and "reliability" in out.variables and rel is not None:
        out.numeric.add("reliability")
        out.values["reliability"] = {int(v["key"]) if rel.numeric_codes else v["key"]:
                                     (v.get("name_en", ""), v.get("name_ar", ""))
                                     for v in rel.values}
        if rel.ordinal:
            out.ordinal.add("reliability")
    return out


def write_labels_csv(plan: Plan, folder, names: str = "labels") -> Path:
    """labels.csv beside the CSV tables: one row per value label (variable, value,
    label_en, label_ar) and one per variable label (value left empty), so R users can
    apply them (docs/file-formats.md has the snippet). `names`: as the CSV files were
    written ("labels": the workbook's column names, "spss": exporters/names.py)."""
    from ..exporters.files import temp_beside
    from ..exporters.names import coder_slugs, spss_names
    from ..exporters.sheet_annotations import annotations_table
    from ..exporters.sheet_claims import claims_table
    from ..exporters.sheet_documents import documents_table
    from ..exporters.sheet_links import links_table
    from ..exporters.sheet_matrix import matrix_table

    # only the columns are read: the tables' rows are generators never started
    tables = [documents_table(plan), annotations_table(plan), claims_table(plan),
              links_table(plan), matrix_table(plan)]
    target = Path(folder) / "labels.csv"
    tmp = temp_beside(target)
    seen: set[tuple[str, str]] = set()
    try:
        with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["variable", "value", "label_en", "label_ar"])
            slugs = coder_slugs(plan.coder_names)
            for t in tables:
                lab = table_labels(plan, t)
                cols = [c.name for c in t.columns]
                var = dict(zip(cols, spss_names(cols, slugs) if names == "spss" else cols,
                               strict=True))
                for col, (en, ar) in lab.variables.items():
                    name = var[col]
                    if (name, "") not in seen:
                        seen.add((name, ""))
                        w.writerow([name, "", en, ar])
                for col, values in lab.values.items():
                    name = var[col]
                    for value, (en, ar) in values.items():
                        shown = ("TRUE" if value else "FALSE") if col in lab.booleans \
                            else str(value)
                        if (name, shown) not in seen:
                            seen.add((name, shown))
                            w.writerow([name, shown, en, ar])
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target
