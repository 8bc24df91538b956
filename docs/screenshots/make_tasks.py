"""Regenerate the screenshots of long work in the desk (English, Arabic), offscreen: the
progress dialog of an import half way, and the import summary asking about files that
cannot be read.

    python docs/screenshots/make_tasks.py [OUT_DIR]      # default: docs/screenshots
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def articles(folder: Path) -> Path:
    for i in range(12):
        sub = folder / ("2017" if i % 2 else "2018")
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"mosul-{i:03d}.txt").write_text(f"خبر رقم {i}\n\nقالت مصادر عراقية إن …",
                                                encoding="utf-8")
    (folder / "2017" / "interview.docx").write_bytes(b"not really a Word file")
    (folder / "2018" / "scan.pdf").write_bytes(b"%PDF-1.4")
    return folder


def main(out: Path) -> None:
    tmp = Path(tempfile.mkdtemp())
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp / "config"))
    from annotator.core.importers.batch import read_batch
    from annotator.gui import i18n
    from annotator.gui.app import setup
    from annotator.gui.import_summary import ImportSummary
    from annotator.gui.tasks import ProgressPanel

    app = setup("en")
    folder = articles(tmp / "articles")
    batch = read_batch([folder, folder / "2018" / "scan.pdf"])
    out.mkdir(parents=True, exist_ok=True)
    for lang in ("en", "ar"):
        i18n.install(lang)
        from PySide6.QtCore import QCoreApplication

        panel = ProgressPanel(QCoreApplication.translate("Files", "Importing articles"),
                              QCoreApplication.translate("Files", "Files read: %1 of %2"))
        panel.show()
        panel.set_progress(1240, 2000, "2017/الموصل-تقرير-1240.txt")
        ask = ImportSummary(batch)
        ask.show()
        for _ in range(3):
            app.processEvents()
        panel.grab().save(str(out / f"progress-{lang}.png"))
        ask.grab().save(str(out / f"import-summary-{lang}.png"))
        panel.close()
        ask.close()
    i18n.install("en")
    QApplication.processEvents()
    print(out)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent)
