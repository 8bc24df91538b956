"""The desk's widgets, menus and toolbar, and which signal goes to which handler (a mixin
of MainWindow): the article list with its filter on the left, the article with the find
bar in the middle, the palette, attributes, annotation list and article note on the
right, the status bar. Menu titles and texts are set by MainWindow.retranslate; the
handlers are MainWindow's and its mixins'.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QLineEdit, QVBoxLayout, QWidget

from . import exchange
from .actions import Act
from .article_view import ArticleView
from .attribute_panel import AttributePanel
from .find import FindBar
from .layout import LEFT, RIGHT, NarrowColumns, Panels, scrolling
from .memos import ArticleNote
from .models import AnnotationListModel, DocumentFilter, DocumentListModel
from .palette import CategoryPalette
from .supervisor import install_supervisor_menu
from .tables import FittedColumns, table


class DeskWidgetsMixin:
    """Builds the desk (`_build`, then `_connect` once the handlers exist); keeps the
    panels' layout with the settings."""

    def restore_layout(self) -> None:
        if self.settings is None:
            return
        value = self.settings.value("geometry")
        if value is not None:
            self.restoreGeometry(value)
        self.panels.restore(self.settings)

    def _panels_changed(self) -> None:
        """The View menu's panel entries follow the splitter (dragged shut counts)."""
        for act, which in ((Act.SHOW_ARTICLES, LEFT), (Act.SHOW_PANEL, RIGHT)):
            self.acts[act].setChecked(self.panels.is_shown(which))

    # --- construction -------------------------------------------------------------------

    def _build(self) -> None:
        self.doc_model = DocumentListModel(self)
        self.doc_filter = DocumentFilter(self)
        self.doc_filter.setSourceModel(self.doc_model)
        self.doc_search = QLineEdit()
        self.doc_search.setObjectName("docFilter")
        self.doc_search.setClearButtonEnabled(True)
        self.doc_table = table(self.doc_filter)
        self.doc_table.setObjectName("documents")
        self.doc_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        # a narrow list keeps the titles readable: the date goes first, then the status
        # (the status bar counts what is done)
        NarrowColumns(self.doc_table, {DocumentListModel.DATE: 300,
                                       DocumentListModel.STATUS: 200})
        left = QWidget()
        lay = QVBoxLayout(left)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.doc_search)
        lay.addWidget(self.doc_table)

        self.view = ArticleView()
        self.view.setObjectName("article")
        self.view.setContextMenuPolicy(Qt.CustomContextMenu)
        self.view.setTabChangesFocus(True)
        self.find = FindBar()
        self.find.setVisible(False)
        centre = QWidget()
        lay = QVBoxLayout(centre)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.find)

        self.palette = CategoryPalette()
        self.attrs = AttributePanel()
        self.ann_model = AnnotationListModel(self)
        self.ann_table = table(self.ann_model)
        self.ann_table.setObjectName("annotations")
        h = self.ann_table.horizontalHeader()
        h.setStretchLastSection(False)  # the quote is what the coder reads: it stretches
        h.setSectionResizeMode(AnnotationListModel.QUOTE, QHeaderView.Stretch)
        h.setSectionResizeMode(AnnotationListModel.ATTRS, QHeaderView.Interactive)
        NarrowColumns(self.ann_table, {}, {AnnotationListModel.ATTRS: 0.28})
        self.columns = FittedColumns(self.doc_table, self.doc_model, self.ann_table,
                                     self.ann_model, self._category_name)
        self.article_note = ArticleNote()
        self.panels = Panels(left, centre, [self.palette, scrolling(self.attrs),
                                            self.ann_table, self.article_note],
                             [0, 3, 2, 1], on_change=self._panels_changed)
        self.split = self.panels.split
        self.setCentralWidget(self.split)

        self.coder_label, self.progress_label, self.save_label = QLabel(), QLabel(), QLabel()
        for w in (self.build_incomplete_button(), self.coder_label, self.progress_label,
                  self.save_label):
            self.statusBar().addPermanentWidget(w)
        self._build_menus()
        # 1400x860 where it fits; on a smaller screen (a 1280x800 laptop) the whole window
        # with its frame stays on it (a remembered geometry replaces this later)
        avail = self.screen().availableGeometry()
        self.resize(min(1400, int(avail.width() * 0.96)), min(860, int(avail.height() * 0.9)))

    def _build_menus(self) -> None:
        a = self.acts
        mb = self.menuBar()
        self.file_menu = mb.addMenu("")
        self.recent_menu = self.file_menu.addMenu("")
        for act in (Act.NEW_PROJECT, Act.OPEN_PROJECT):
            self.file_menu.insertAction(self.recent_menu.menuAction(), a[act])
        self.file_menu.addSeparator()
        for act in (Act.IMPORT, Act.IMPORT_FOLDER, Act.EXPORT_XLSX, None, Act.IMPORT_REFI,
                    Act.EXPORT_REFI, None, Act.RESTORE_BACKUP, Act.SETTINGS, None, Act.QUIT):
            self.file_menu.addSeparator() if act is None else self.file_menu.addAction(a[act])
        self.edit_menu = mb.addMenu("")
        for act in (Act.UNDO, Act.REDO, None, Act.FIND, Act.FIND_PROJECT, Act.FIND_NEXT,
                    Act.FIND_PREVIOUS, None, Act.DELETE, Act.LINK, Act.EDIT_ATTRIBUTES,
                    Act.START_FORWARD,
                    Act.START_BACK, Act.END_FORWARD, Act.END_BACK, None, Act.SNAP):
            self.edit_menu.addSeparator() if act is None else self.edit_menu.addAction(a[act])
        self.code_menu = mb.addMenu("")
        for i in range(1, 10):
            self.code_menu.addAction(a[Act.hotkey(str(i))])
        self.view_menu = mb.addMenu("")
        for act in (Act.ZOOM_IN, Act.ZOOM_OUT, Act.ZOOM_RESET, None, Act.SHOW_ARTICLES,
                    Act.SHOW_PANEL, None):
            self.view_menu.addSeparator() if act is None else self.view_menu.addAction(a[act])
        self.lang_menu = self.view_menu.addMenu("")
        self.lang_menu.addAction(a[Act.LANG_EN])
        self.lang_menu.addAction(a[Act.LANG_AR])
        self.article_menu_ = mb.addMenu("")
        for act in (Act.MARK_DONE, Act.NEXT_DOC, Act.PREVIOUS_DOC, None, Act.NEXT_INCOMPLETE,
                    Act.PREVIOUS_INCOMPLETE):
            self.article_menu_.addSeparator() if act is None else \
                self.article_menu_.addAction(a[act])
        # Supervisor menu (agreement, comparison/adjudication, package, merge, assign)
        self.supervisor = install_supervisor_menu(self, mb, lambda: self.project, self.undo,
                                                  doc_getter=lambda: self.doc_id)
        self.help_menu = mb.addMenu("")
        self.help_menu.addAction(a[Act.SHORTCUTS])
        self.help_menu.addAction(a[Act.ABOUT])
        self.toolbar = self.addToolBar("")
        self.toolbar.setObjectName("toolbar")
        self.toolbar.setMovable(False)
        for act in (Act.OPEN_PROJECT, Act.IMPORT, None, Act.UNDO, Act.REDO, None, Act.FIND,
                    None, Act.PREVIOUS_DOC, Act.MARK_DONE, Act.NEXT_DOC, None, Act.ZOOM_OUT,
                    Act.ZOOM_IN):
            self.toolbar.addSeparator() if act is None else self.toolbar.addAction(a[act])

    def _connect(self) -> None:
        a = self.acts
        handlers = {
            Act.UNDO: self.do_undo, Act.REDO: self.do_redo, Act.DELETE: self.delete_active,
            Act.LINK: self.start_linking, Act.CANCEL: self.cancel,
            Act.EDIT_ATTRIBUTES: self.edit_attributes,
            Act.FIND: lambda: self.find.open(False, self._find_seed()),
            Act.FIND_PROJECT: lambda: self.find.open(True, self._find_seed()),
            Act.FIND_NEXT: self.find.next, Act.FIND_PREVIOUS: self.find.previous,
            Act.START_FORWARD: lambda: self.move_boundary("start", self._forward(True)),
            Act.START_BACK: lambda: self.move_boundary("start", self._forward(False)),
            Act.END_FORWARD: lambda: self.move_boundary("end", self._forward(True)),
            Act.END_BACK: lambda: self.move_boundary("end", self._forward(False)),
            Act.ZOOM_IN: lambda: self.set_zoom(self.view.zoom + 1),
            Act.ZOOM_OUT: lambda: self.set_zoom(self.view.zoom - 1),
            Act.ZOOM_RESET: lambda: self.set_zoom(0),
            Act.MARK_DONE: self.toggle_done, Act.NEXT_DOC: lambda: self.step_document(1),
            Act.PREVIOUS_DOC: lambda: self.step_document(-1),
            Act.NEXT_INCOMPLETE: lambda: self.step_incomplete(1),
            Act.PREVIOUS_INCOMPLETE: lambda: self.step_incomplete(-1),
            Act.LANG_EN: lambda: self.set_language("en"),
            Act.LANG_AR: lambda: self.set_language("ar"),
        }
        for act, fn in handlers.items():
            a[act].triggered.connect(fn)
        for i in range(1, 10):
            a[Act.hotkey(str(i))].triggered.connect(lambda _=False, d=str(i):
                                                   self.annotate_hotkey(d))
        a[Act.SNAP].toggled.connect(self.set_snap)
        a[Act.SHOW_ARTICLES].triggered.connect(lambda on: self.panels.set_shown(LEFT, on))
        a[Act.SHOW_PANEL].triggered.connect(lambda on: self.panels.set_shown(RIGHT, on))
        self.connect_file_actions()
        exchange.connect_actions(self)
        self.undo.indexChanged.connect(self._name_undo)
        self.undo.cleanChanged.connect(self._name_undo)
        self.doc_search.textChanged.connect(self.doc_filter.set_query)
        self.doc_table.selectionModel().currentRowChanged.connect(self._doc_row_changed)
        self.ann_table.clicked.connect(lambda idx: self.activate(
            self.ann_model.info_at(idx.row()).uuid, scroll=True))
        self.view.spanClicked.connect(self._span_clicked)
        self.view.selectionReleased.connect(
            lambda: self.link_selection() if self.linking else None)
        self.view.customContextMenuRequested.connect(self.article_menu)
        self.palette.categoryChosen.connect(self.annotate)
        self.palette.documentCategoryChosen.connect(self.set_document_category)
        self.attrs.attrsEdited.connect(self.edit_attrs)
        self.attrs.attrsTyped.connect(self.edit_attrs)
        self.attrs.pendingChanged.connect(lambda _pending: self._status())
        self.attrs.categoryEdited.connect(self.edit_category)
        self.attrs.linkRequested.connect(self.start_linking)
        self.attrs.linkRemoved.connect(self.remove_link)
        self.attrs.annotationActivated.connect(lambda u: self.activate(u, scroll=True))
        # memos are saved as typed, outside the undo stack (the field has its own undo)
        self.attrs.noteEdited.connect(lambda u, t: self._memo(self.project.set_note, u, t))
        self.attrs.flagEdited.connect(lambda u, on: self._memo(self.project.set_flag, u, on))
        self.article_note.edit.noteEdited.connect(
            lambda d, t: self._memo(self.project.set_document_note, d, self.coder, t))
        self.find.hitsChanged.connect(self._hits_changed)
        self.find.annotateAll.connect(self.annotate_all)
        self.find.resultActivated.connect(self._find_result)
        self.find.closed.connect(self.view.setFocus)
