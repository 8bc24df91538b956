"""Regenerate the screenshots of the codebook editor (English, Arabic), offscreen, on the
shipped codebook filed in two groups, with the source category open.

    python docs/screenshots/make_codebook_editor.py [OUT_DIR]   # default: docs/screenshots
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def main(out: Path) -> None:
    tmp = Path(tempfile.mkdtemp())
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp / "config"))
    from annotator.core.project import Project
    from annotator.gui import i18n
    from annotator.gui.app import setup
    from annotator.gui.codebook_editor import CodebookEditor

    setup("en")
    project = Project.create(tmp / "study.annot")
    import copy

    from annotator.core.codebook import GroupDef

    cb = copy.deepcopy(project.codebook())
    cb.groups = [GroupDef("content", "المضمون", "Content", "What the article says"),
                 GroupDef("sourcing", "الإسناد", "Sourcing", "Who it says it")]
    for key, group in (("claim", "content"), ("attribution", "content"),
                       ("source", "sourcing"), ("reliability", "sourcing")):
        cb.category(key).group = group
    project.set_codebook(cb, author="sara")
    for lang in ("en", "ar"):
        i18n.install(lang)
        ed = CodebookEditor(project, author="sara")
        ed.resize(1000, 620)
        ed.show()
        ed.tree.collapseAll()  # the groups and their categories; the source one open
        for label in ("[content]", "[sourcing]", "[source]"):
            for it in ed.tree.findItems(label, i18n_match(), 0):
                it.setExpanded(True)
        items = ed.tree.findItems("[source]", i18n_match(), 0)
        if items:
            ed.tree.setCurrentItem(items[0])
            ed.tree.scrollToItem(items[0])
        QApplication.processEvents()
        ed.grab().save(str(out / f"codebook-editor-{lang}.png"))
        ed.close()
    project.close()
    i18n.install("en")


def i18n_match():
    from PySide6.QtCore import Qt

    return Qt.MatchContains | Qt.MatchRecursive


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent)
