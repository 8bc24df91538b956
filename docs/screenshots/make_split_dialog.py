"""Regenerate the screenshots of the codebook editor's split dialog (English, Arabic),
offscreen: four claims, one of them linked (listed, greyed, with the reason), two ticked.

    python docs/screenshots/make_split_dialog.py [OUT_DIR]   # default: docs/screenshots
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

TEXT = ("قالت صحيفة الجارديان إن المقاتل غادر الموصل في 2017، وأكدت مواقع عراقية ذلك الخبر. "
        "The Guardian said the fighter left Mosul.")


def main(out: Path) -> None:
    tmp = Path(tempfile.mkdtemp())
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp / "config"))
    from annotator.core.importers.base import ImportedDocument
    from annotator.core.project import Project
    from annotator.gui import i18n
    from annotator.gui.app import setup
    from annotator.gui.codebook_editor import CodebookEditor

    def span(word):
        s = TEXT.index(word)
        return s, s + len(word)

    setup("en")
    p = Project.create(tmp / "study.annot")
    p.add_documents([ImportedDocument(text=TEXT, title="مقاتل غادر الموصل")])
    p.add_annotation(1, "Mona", "claim", *span("المقاتل غادر الموصل في 2017"),
                     attrs={"claim_type": "factual"})
    p.add_annotation(1, "Ali", "claim", *span("غادر الموصل"),
                     attrs={"claim_type": "prediction"})
    linked = p.add_annotation(1, "Ali", "claim", *span("ذلك الخبر"))
    p.add_annotation(1, "Mona", "claim", *span("the fighter left Mosul"))
    src = p.add_annotation(1, "Ali", "source", *span("صحيفة الجارديان"))
    p.add_relation("attributed_to", linked.uuid, src.uuid, "Ali")
    for lang in ("en", "ar"):
        i18n.install(lang)
        ed = CodebookEditor(p, author="sara")
        ed.show()
        ed.tree.setCurrentItem(ed.tree.findItems("[claim]", Qt.MatchContains)[0])
        ed.split_category()
        dlg = ed.split_dialog
        dlg.f_key.setText("claim_quoted")
        dlg.f_name_en.setText("Quoted claim")
        dlg.f_name_ar.setText("ادعاء منقول")
        for i in (0, 1):
            dlg.list.topLevelItem(i).setCheckState(0, Qt.Checked)
        dlg.resize(900, 460)
        QApplication.processEvents()
        dlg.grab().save(str(out / f"split-dialog-{lang}.png"))
        dlg.reject()
        ed.close()
    p.close()
    i18n.install("en")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent)
