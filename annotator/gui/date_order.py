"""The question the desk asks before storing imported articles whose date can be read two
ways (03/07/2017: 3 July or 7 March?): how do these files write dates? The answer becomes
the project's date order (setting `date_order`, as `annotator settings` sets it), so later
imports, from the desk or the command line, read dates the same way."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
)

translate = QCoreApplication.translate

DAY_FIRST, MONTH_FIRST = "day-first", "month-first"
FSI, PDI = "\u2068", "\u2069"  # a date as written keeps its own direction in Arabic text


def long_date(value) -> str:
    """3 July 2017 (3 يوليو 2017): the month by name in the interface's language, the
    numbers in the digits of the date as written, so 03 and 3 are seen to match."""
    return f"{value.day} {QLocale().monthName(value.month, QLocale.LongFormat)} {value.year}"


class DateOrderDialog(QDialog):
    """`readings`: (as written, day first, month first) per article with such a date;
    `total`: the articles about to be stored; `order`: the project's date order now."""

    def __init__(self, readings, total: int, order: str, parent=None):
        super().__init__(parent)
        self.setObjectName("dateOrderDialog")
        self.setWindowTitle(translate("DateOrder", "Dates in these files"))
        written, day, month = readings[0]
        lay = QVBoxLayout(self)
        self.question = QLabel(
            translate("DateOrder", "How do these files write dates? %1 of the %2 articles "
                                   "have a date such as %3, which can be read two ways.")
            .replace("%1", str(len(readings))).replace("%2", str(total))
            .replace("%3", FSI + written + PDI))
        self.question.setObjectName("dateOrderQuestion")
        self.question.setWordWrap(True)
        lay.addWidget(self.question)
        self.day = QRadioButton(
            translate("DateOrder", "&Day first: %1 (as Arab newspapers write dates)")
            .replace("%1", long_date(day)))
        self.day.setObjectName("dateDayFirst")
        self.month = QRadioButton(
            translate("DateOrder", "&Month first: %1 (as in American English)")
            .replace("%1", long_date(month)))
        self.month.setObjectName("dateMonthFirst")
        self.group = QButtonGroup(self)
        for button in (self.day, self.month):
            self.group.addButton(button)
            lay.addWidget(button)
        (self.month if order == MONTH_FIRST else self.day).setChecked(True)
        note = QLabel(translate(
            "DateOrder", "The answer is kept as this project's date order: later imports "
                         "read such dates the same way. Each article also keeps its date "
                         "as written."))
        note.setObjectName("dateOrderNote")
        note.setWordWrap(True)
        lay.addWidget(note)
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(translate("DateOrder", "&Import"),
                                                    QDialogButtonBox.AcceptRole)
        self.import_button.setObjectName("dateOrderImport")
        self.import_button.setDefault(True)
        nothing = self.buttons.addButton(translate("DateOrder", "Import &nothing"),
                                         QDialogButtonBox.RejectRole)
        nothing.setObjectName("dateOrderNothing")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        (self.month if order == MONTH_FIRST else self.day).setFocus(Qt.OtherFocusReason)
        self.resize(520, self.sizeHint().height())

    def order(self) -> str:
        return MONTH_FIRST if self.month.isChecked() else DAY_FIRST
