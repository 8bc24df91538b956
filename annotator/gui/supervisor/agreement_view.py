"""The agreement view: every figure of the agreement report, per category, per coder pair,
per document and per attribute, coloured by Krippendorff's cut-offs (alpha >= .800
reliable, >= .667 tentative, below that not reliable), a null figure shown as "—" with its
reason as the tooltip, and the counts behind each figure beside it; a bar chart of one
coefficient per category with the two threshold lines.

The report is computed in a pool thread on a read-only second connection (see
common.ReportJob), so a large project never freezes the window. The rows of the four
tables are built from the report by `agreement_tables`; here are the controls, the
summary, the chart and the export.
"""

from __future__ import annotations

import json
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.adjudication import GOLD
from .. import i18n
from .agreement_tables import (
    attribute_table,
    category_table,
    document_table,
    pair_table,
    spans_text,
)
from .chart import Bar, BarChart
from .common import (
    NULL_TEXT,
    ReportRunner,
    ensure_fonts,
    number,
    one_line,
    reason_text,
    threshold_colour,
    translate,
)
from .figure_model import DOC_ROLE, VALUE_ROLE, Cell, FigureModel  # noqa: F401 (API)


class AgreementView(QWidget):
    """Pick coders, documents (marked done / all annotated) and a category; read the
    figures. `reportReady` fires with each new report (tests wait on it)."""

    reportReady = Signal(dict)
    openDocument = Signal(int)   # a per-document row was double-clicked

    def __init__(self, project, parent=None, coders: list[str] | None = None):
        super().__init__(parent)
        ensure_fonts()
        self.project = project
        self.report: dict | None = None
        self.error = ""
        self.runner = ReportRunner(self)
        self.runner.finished.connect(self._show_report)
        self.runner.failed.connect(self._show_failure)
        self.runner.busyChanged.connect(self._busy)
        self._stale = QTimer(self, singleShot=True, interval=1500)
        self._stale.timeout.connect(self._refresh_if_visible)
        self._build()
        self._fill_controls(coders)
        self._listener = self._make_listener()
        project.subscribe(self._listener)
        self.destroyed.connect(lambda *_: project.unsubscribe(self._listener)
                               if hasattr(self, "_listener") else None)
        self.refresh()

    # --- building ---------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        outer.addLayout(top)

        self.coder_box = QGroupBox()
        cl = QVBoxLayout(self.coder_box)
        self.coder_list = QListWidget()
        self.coder_list.setObjectName("coders")
        self.coder_list.setMaximumHeight(110)
        self.coder_list.itemChanged.connect(lambda *_: self._controls_changed())
        cl.addWidget(self.coder_list)
        top.addWidget(self.coder_box, 1)

        self.doc_box = QGroupBox()
        dl = QVBoxLayout(self.doc_box)
        self.done_radio = QRadioButton()
        self.all_radio = QRadioButton()
        self.done_radio.setChecked(True)
        self._doc_group = QButtonGroup(self)
        self._doc_group.addButton(self.done_radio)
        self._doc_group.addButton(self.all_radio)
        self.done_radio.toggled.connect(lambda *_: self._controls_changed())
        dl.addWidget(self.done_radio)
        dl.addWidget(self.all_radio)
        row = QHBoxLayout()
        self.category_label = QLabel()
        self.category_combo = QComboBox()
        self.category_combo.setObjectName("category")
        self.category_combo.currentIndexChanged.connect(lambda *_: self._controls_changed())
        self.category_label.setBuddy(self.category_combo)
        row.addWidget(self.category_label)
        row.addWidget(self.category_combo, 1)
        dl.addLayout(row)
        top.addWidget(self.doc_box, 1)

        buttons = QVBoxLayout()
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self._export_clicked)
        self.export_button.setEnabled(False)
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)   # indeterminate: a moving bar while computing
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumHeight(10)
        self.busy_bar.hide()
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.busy_bar)
        buttons.addStretch(1)
        top.addLayout(buttons)

        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.RichText)
        outer.addWidget(self.summary)

        self.category_model = FigureModel(self)
        self.pair_model = FigureModel(self)
        self.document_model = FigureModel(self)
        self.attribute_model = FigureModel(self)
        self.tabs = QTabWidget()
        self.tables: dict[str, QTableView] = {}
        for key, model in (("categories", self.category_model), ("pairs", self.pair_model),
                           ("documents", self.document_model),
                           ("attributes", self.attribute_model)):
            t = QTableView()
            t.setObjectName(f"table_{key}")
            t.setModel(model)
            t.setSelectionBehavior(QAbstractItemView.SelectRows)
            t.setEditTriggers(QAbstractItemView.NoEditTriggers)
            t.setAlternatingRowColors(False)
            t.verticalHeader().hide()
            t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
            t.horizontalHeader().setStretchLastSection(False)
            self.tables[key] = t
            self.tabs.addTab(t, "")
        self.tables["documents"].doubleClicked.connect(self._document_activated)

        chart_box = QWidget()
        ch = QVBoxLayout(chart_box)
        ch.setContentsMargins(0, 0, 0, 0)
        crow = QHBoxLayout()
        self.measure_label = QLabel()
        self.measure_combo = QComboBox()
        self.measure_combo.setObjectName("measure")
        self.measure_combo.currentIndexChanged.connect(lambda *_: self._fill_chart())
        self.measure_label.setBuddy(self.measure_combo)
        crow.addWidget(self.measure_label)
        crow.addWidget(self.measure_combo)
        crow.addStretch(1)
        ch.addLayout(crow)
        self.chart = BarChart()
        ch.addWidget(self.chart, 1)

        split = QSplitter(Qt.Vertical)
        split.addWidget(self.tabs)
        split.addWidget(chart_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        outer.addWidget(split, 1)
        self._retranslate()

    def _retranslate(self) -> None:
        self.coder_box.setTitle(translate("Supervisor", "Coders"))
        self.doc_box.setTitle(translate("Supervisor", "Documents"))
        self.done_radio.setText(translate("Supervisor",
                                          "Marked done by two or more coders"))
        self.all_radio.setText(translate("Supervisor",
                                         "All documents two or more coders annotated"))
        self.category_label.setText(translate("Supervisor", "&Category:"))
        self.refresh_button.setText(translate("Supervisor", "&Compute"))
        self.export_button.setText(translate("Supervisor", "&Export JSON…"))
        self.measure_label.setText(translate("Supervisor", "Chart:"))
        for i, text in enumerate((translate("Supervisor", "Per category"),
                                  translate("Supervisor", "Per coder pair"),
                                  translate("Supervisor", "Per document"),
                                  translate("Supervisor", "Attributes"))):
            self.tabs.setTabText(i, text)
        current = self.measure_combo.currentData()
        self.measure_combo.blockSignals(True)
        self.measure_combo.clear()
        for key, text in self._measures():
            self.measure_combo.addItem(text, key)
        i = self.measure_combo.findData(current)
        self.measure_combo.setCurrentIndex(max(0, i))
        self.measure_combo.blockSignals(False)

    @staticmethod
    def _measures() -> list[tuple[str, str]]:
        return [("alpha_u", translate("Supervisor", "αU (unitizing alpha)")),
                ("u_alpha", translate("Supervisor", "(k)u-α")),
                ("alpha_nominal", translate("Supervisor", "α nominal (character units)"))]

    def _fill_controls(self, coders: list[str] | None) -> None:
        self.coder_list.blockSignals(True)
        self.coder_list.clear()
        for c in self.project.coders():
            item = QListWidgetItem(c.name)
            item.setData(Qt.UserRole, c.name)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            on = c.name in coders if coders is not None else \
                (c.role != "gold" and c.name != GOLD)
            item.setCheckState(Qt.Checked if on else Qt.Unchecked)
            self.coder_list.addItem(item)
        self.coder_list.blockSignals(False)
        self.category_combo.blockSignals(True)
        self.category_combo.clear()
        self.category_combo.addItem(translate("Supervisor", "All categories"), "")
        for cat in self.project.codebook().categories:   # whole-article ones too
            self.category_combo.addItem(i18n.name(cat), cat.key)
        self.category_combo.blockSignals(False)

    # --- state ------------------------------------------------------------------------

    def chosen_coders(self) -> list[str]:
        return [self.coder_list.item(i).data(Qt.UserRole) for i in range(self.coder_list.count())
                if self.coder_list.item(i).checkState() == Qt.Checked]

    def set_coders(self, names: list[str]) -> None:
        for i in range(self.coder_list.count()):
            it = self.coder_list.item(i)
            it.setCheckState(Qt.Checked if it.data(Qt.UserRole) in names else Qt.Unchecked)

    def options(self) -> dict:
        """The project_report arguments the controls stand for."""
        return {"coders": self.chosen_coders(), "category": self.category_combo.currentData()
                or None, "all_docs": self.all_radio.isChecked()}

    def _controls_changed(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        self.error = ""
        self.runner.start(self.project, {"report": self.options()})

    @property
    def busy(self) -> bool:
        return self.runner.busy

    def _busy(self, busy: bool) -> None:
        self.busy_bar.setVisible(busy)
        self.refresh_button.setEnabled(not busy)
        if busy:
            self.summary.setText(translate("Supervisor", "Computing…"))

    def _make_listener(self):
        def listener(event: str, payload: object) -> None:
            if shiboken6.isValid(self) and event != "codebook_changed":
                self._stale.start()
        return listener

    def _refresh_if_visible(self) -> None:
        if self.isVisible():
            self.refresh()

    def closeEvent(self, event) -> None:
        self.project.unsubscribe(self._listener)
        super().closeEvent(event)

    def changeEvent(self, event) -> None:
        if event.type() == event.Type.LanguageChange:
            self._retranslate()
            if self.report is not None:
                self._show_report({"report": self.report})
        super().changeEvent(event)

    # --- showing a report -------------------------------------------------------------

    def _cat_name(self, key: str) -> str:
        cat = self.project.codebook().category(key)
        return i18n.name(cat) if cat else key

    def _show_failure(self, message: str) -> None:
        self.error = message
        self.summary.setText(translate("Supervisor", "Could not compute: {0}").format(message))

    def _show_report(self, result: dict) -> None:
        report = result["report"]
        self.report = report
        self.export_button.setEnabled(True)
        coders = report["coders"]
        ov = report["overall"]
        reasons = ov.get("reasons", {})

        def fig(name: str, label: str) -> str:
            v = ov.get(name)
            if v is None:
                return f"{label} {NULL_TEXT} <i>({reason_text(reasons.get(name, ''))})</i>"
            col = threshold_colour(v)
            return (f"{label} <span style='background:{col.name()}'>"
                    f"&nbsp;{number(f'{v:.3f}')}&nbsp;</span>")

        counts = translate("Supervisor", "{0} documents, {1} character units, "
                                         "continuum {2} code points").format(
            report["documents"], f"{ov.get('n_units', 0):,}", f"{report['continuum_length']:,}")
        # each figure isolated left to right (LRI ... PDI): in an Arabic layout the
        # figures then follow one another from the right without scrambling "αU 0.716"
        parts = [f"\u2066{fig(n, label)}\u2069" for n, label in
                 (("alpha_u", "α<sub>U</sub>"), ("u_alpha", "u-α"), ("bu_alpha", "|u-α"),
                  ("cu_alpha", "cu-α"))]
        self.summary.setText(translate("Supervisor", "<b>Overall</b>") + ": " +
                             " · ".join(parts) + "<br>" + counts + " · " +
                             translate("Supervisor", "coders: {0}").format(", ".join(coders))
                             + (f"<br><i>{reason_text(reasons['documents'])}</i>"
                                if reasons.get("documents") else ""))
        self._fill_categories(report)
        self._fill_pairs(report)
        self._fill_documents(report)
        self._fill_attributes(report)
        self._fill_chart()
        self.reportReady.emit(report)

    def _fill_categories(self, report: dict) -> None:
        self.category_model.set_rows(*category_table(report, self._cat_name))

    def _fill_pairs(self, report: dict) -> None:
        self.pair_model.set_rows(*pair_table(report, self._cat_name))

    def _fill_documents(self, report: dict) -> None:
        per_doc = report.get("per_document", {})
        titles = {}
        if per_doc:
            try:
                titles = {d.id: d.title for d in
                          self.project.documents([int(k) for k in per_doc])}
            except Exception:  # titles are a nicety; ids alone still read
                titles = {}
        self.document_model.set_rows(*document_table(report, self._cat_name, titles))

    def _fill_attributes(self, report: dict) -> None:
        self.attribute_model.set_rows(*attribute_table(report, self.project.codebook(),
                                                       self._cat_name))

    def _fill_chart(self) -> None:
        if self.report is None:
            return
        key = self.measure_combo.currentData() or "alpha_u"
        name = dict(self._measures()).get(key, key)
        bars = []
        for cat, e in self.report["categories"].items():
            note = translate("Supervisor", "{0} units · spans {1}").format(
                f"{e['n_units']:,}", spans_text(e["spans"]))
            bars.append(Bar(self._cat_name(cat), e.get(key),
                            reason_text(e["reasons"].get(key, "")), note))
        self.chart.set_bars(translate("Supervisor", "{0} per category").format(name), bars)

    def _document_activated(self, index) -> None:
        doc = index.data(DOC_ROLE)
        if doc is not None:
            self.openDocument.emit(int(doc))

    # --- export -----------------------------------------------------------------------

    def export_json(self, path: str | Path) -> Path:
        if self.report is None:
            raise ValueError("no report yet")
        path = Path(path)
        path.write_text(json.dumps(self.report, ensure_ascii=False, indent=2), encoding="utf-8")
        return path

    def _export_clicked(self) -> None:
        if self.report is None:
            return
        default = str(Path(self.project.path).with_suffix("")) + "-agreement.json"
        path, _ = QFileDialog.getSaveFileName(self, translate("Supervisor",
                                                              "Export agreement report"),
                                              default, translate("Supervisor",
                                                                 "JSON files (*.json)"))
        if not path:
            return
        try:
            self.export_json(path)
        except OSError as exc:
            from .common import show_error
            show_error(self, exc)


class AgreementDialog(QDialog):
    """The agreement view in a window of its own (not modal: the desk stays usable)."""

    def __init__(self, project, parent=None, open_document=None):
        super().__init__(parent)
        self.setAttribute(Qt.WA_DeleteOnClose)
        self.setWindowTitle(translate("Supervisor", "Agreement — {0}").format(
            Path(project.path).name))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        self.view = AgreementView(project, self)
        lay.addWidget(self.view)
        if open_document is not None:
            self.view.openDocument.connect(open_document)
        self.resize(1000, 720)

    def closeEvent(self, event) -> None:
        self.view.close()
        super().closeEvent(event)


__all__ = ["AgreementDialog", "AgreementView", "Cell", "FigureModel", "one_line"]
