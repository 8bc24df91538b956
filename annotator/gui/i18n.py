"""Interface language: the Qt translator, the layout direction, codebook names.

English is the source language; Arabic comes from resources/i18n/annotator_ar.qm, built
from annotator_ar.ts by `python -m annotator.gui.i18n` (which runs pyside6-lrelease).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from ..resources import I18N

LANGUAGES = ("en", "ar")
_state = {"lang": "en", "translators": []}


def current() -> str:
    return _state["lang"]


def is_rtl() -> bool:
    return _state["lang"] == "ar"


def install(lang: str) -> str:
    """Switch the running application to `lang` ("en" or "ar"); returns what was set.

    Widgets receive QEvent.LanguageChange and retranslate themselves; the layout direction
    change mirrors the whole window.
    """
    app = QCoreApplication.instance()
    lang = lang if lang in LANGUAGES else "en"
    for old in _state["translators"]:
        app.removeTranslator(old)
    _state["translators"] = []
    if lang != "en":
        tr = QTranslator(app)
        if tr.load(str(I18N / f"annotator_{lang}.qm")):
            app.installTranslator(tr)
            _state["translators"].append(tr)
            # Qt's own strings: OK/Cancel/Close of dialog buttons, message boxes, the
            # line edit's context menu. Missing in a stripped build: those stay English.
            qt = QTranslator(app)
            if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
                app.installTranslator(qt)
                _state["translators"].append(qt)
        else:  # a broken install: stay usable in English rather than half-translated
            lang = "en"
    _state["lang"] = lang
    QLocale.setDefault(QLocale(QLocale.Arabic if lang == "ar" else QLocale.English))
    if isinstance(app, QApplication):
        app.setLayoutDirection(Qt.RightToLeft if lang == "ar" else Qt.LeftToRight)
    return lang


def name(obj) -> str:
    """The codebook name of a category/attribute/value/relation in the interface language."""
    if _state["lang"] == "ar":
        return obj.name_ar or obj.name_en or obj.key
    return obj.name_en or obj.name_ar or obj.key


def value_name(attr, value) -> str:
    """How an attribute value reads in the interface (choice names, yes/no, numbers)."""
    if attr is None:
        return str(value)
    if attr.type == "choice":
        v = attr.value(value)
        return name(v) if v else str(value)
    if attr.type == "boolean":
        return QCoreApplication.translate("Names", "yes") if value else \
            QCoreApplication.translate("Names", "no")
    return str(value)


def rebuild(update_sources: bool = False) -> Path:
    """Compile annotator_ar.ts to .qm (and first refresh the .ts from the sources with
    pyside6-lupdate when `update_sources`). Returns the .qm path."""
    ts, qm = I18N / "annotator_ar.ts", I18N / "annotator_ar.qm"
    bindir = Path(sys.executable).parent
    if update_sources:
        lupdate = shutil.which("pyside6-lupdate", path=str(bindir)) or "pyside6-lupdate"
        gui = Path(__file__).resolve().parent
        sources = sorted(str(p) for p in gui.rglob("*.py"))  # the supervisor views too
        subprocess.run([lupdate, *sources, "-no-obsolete", "-ts", str(ts)], check=True)
    lrelease = shutil.which("pyside6-lrelease", path=str(bindir)) or "pyside6-lrelease"
    subprocess.run([lrelease, str(ts), "-qm", str(qm)], check=True)
    return qm


if __name__ == "__main__":
    print(rebuild(update_sources="--update" in sys.argv))
