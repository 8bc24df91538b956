"""The desk's panels: article list | article | coding panel, in splitters.

On a small screen (1024x640, 800x600) the article keeps at least ARTICLE_SHARE of the
width: the side panels have sensible minimums, give way first when the window shrinks, and
can be collapsed (View menu, F9 and Shift+F9) and brought back at their old width. Sizes
are remembered in the settings. The attribute form scrolls instead of squashing its fields.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QSplitter, QWidget

ARTICLE_SHARE = 0.45  # the article never gets less of the window's width than this
TARGET_SHARE = 0.5  # what the side panels give way to when it would
LEFT, CENTRE, RIGHT = range(3)
MIN_WIDTH = {LEFT: 130, RIGHT: 220}
DEFAULT_SHARE = {LEFT: 0.2, RIGHT: 0.27}  # of the width, on a first start


def scrolling(widget: QWidget) -> QScrollArea:
    """`widget` in a vertical scroll area: on a short screen it scrolls, its fields keep
    their height."""
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
    area.setFocusPolicy(Qt.NoFocus)  # Tab goes to the fields, not to the frame around them
    return area


class NarrowColumns(QObject):
    """Hides a table's less needed columns while the table is narrower than each one's
    threshold, so the title column is never squeezed to "…"."""

    def __init__(self, table, thresholds: dict[int, int], shares: dict[int, float] = ()):
        super().__init__(table)
        self.table, self.thresholds, self.shares = table, thresholds, dict(shares)
        table.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Resize:
            width = event.size().width()
            for col, min_width in self.thresholds.items():
                self.table.setColumnHidden(col, width < min_width)
            header = self.table.horizontalHeader()
            for col, share in self.shares.items():
                # a share of the width, never less than its header needs
                header.resizeSection(col, max(header.sectionSizeHint(col), int(width * share)))
        return False


class _Splitter(QSplitter):
    """A splitter that calls `after_resize` once it has shared out its new width."""

    after_resize = None

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.after_resize is not None:
            self.after_resize()


class Panels(QObject):
    """Builds `self.split` (left | centre | right) and `self.side` (the coding panel's
    vertical splitter), keeps the article's share and toggles the side panels."""

    def __init__(self, left: QWidget, centre: QWidget, side_widgets: list[QWidget],
                 side_stretch: list[int], on_change=None):
        super().__init__()
        self.side = QSplitter(Qt.Vertical)
        self.side.setChildrenCollapsible(False)
        for w, stretch in zip(side_widgets, side_stretch, strict=True):
            self.side.addWidget(w)
            self.side.setStretchFactor(self.side.count() - 1, stretch)
        self.split = _Splitter(Qt.Horizontal)
        for w in (left, centre, self.side):
            self.split.addWidget(w)
        left.setMinimumWidth(MIN_WIDTH[LEFT])
        self.side.setMinimumWidth(MIN_WIDTH[RIGHT])
        self.split.setCollapsible(CENTRE, False)
        for i, stretch in ((LEFT, 0), (CENTRE, 1), (RIGHT, 0)):
            self.split.setStretchFactor(i, stretch)
        self._last = {LEFT: 0, RIGHT: 0}  # width before a collapse, to come back to
        self._sized = False
        self._on_change = on_change or (lambda: None)
        self.split.splitterMoved.connect(lambda *_: self._on_change())
        self.split.after_resize = self.fit

    # --- sizes --------------------------------------------------------------------------

    def fit(self) -> None:
        """First sizes on a first start; afterwards, when the article has less than its
        share, the side panels give way (down to their minimums)."""
        sizes = self.split.sizes()
        total = sum(sizes)
        if total <= 0:
            return
        if not self._sized:  # a first start: our shares, not Qt's thirds
            self._sized = True
            self.split.setSizes(self._defaults(total))
            self._size_side()
            self._on_change()
            return
        centre = sizes[CENTRE]
        if centre >= ARTICLE_SHARE * total:
            return
        want = int(TARGET_SHARE * total) - centre
        sides = {i: sizes[i] for i in (LEFT, RIGHT) if sizes[i] > 0}
        room = {i: max(0, s - MIN_WIDTH[i]) for i, s in sides.items()}
        spare = sum(room.values())
        if spare <= 0:
            return
        take = min(want, spare)
        for i in sides:
            cut = int(round(take * room[i] / spare))
            sizes[i] -= cut
            sizes[CENTRE] += cut
        self.split.setSizes(sizes)

    def _size_side(self) -> None:
        """The coding panel: the palette as tall as it needs, the last (the article's
        note) small, the rest shared by the form and the list."""
        height = max(self.side.height(), 400)
        first = self.side.widget(0).sizeHint().height()
        last = 90
        rest = max(0, height - first - last)
        middle = [int(rest * 0.55), rest - int(rest * 0.55)]
        self.side.setSizes([first, *middle, last][:self.side.count()])

    @staticmethod
    def _defaults(total: int) -> list[int]:
        left = max(MIN_WIDTH[LEFT], int(total * DEFAULT_SHARE[LEFT]))
        right = max(MIN_WIDTH[RIGHT], int(total * DEFAULT_SHARE[RIGHT]))
        return [left, max(0, total - left - right), right]

    def share(self) -> float:
        """The article's part of the width (tests and the layout check)."""
        sizes = self.split.sizes()
        return sizes[CENTRE] / max(1, sum(sizes))

    # --- collapsing ---------------------------------------------------------------------

    def is_shown(self, which: int) -> bool:
        return self.split.sizes()[which] > 0

    def set_shown(self, which: int, shown: bool) -> None:
        sizes = self.split.sizes()
        if shown == (sizes[which] > 0):
            return
        total = sum(sizes)
        if shown:
            width = self._last[which] or int(total * DEFAULT_SHARE[which])
            width = max(MIN_WIDTH[which], width)
            # the article keeps its share: the panel comes back narrower if it must
            width = min(width, max(MIN_WIDTH[which],
                                   sizes[CENTRE] - int(ARTICLE_SHARE * total)))
            sizes[which] = width
            sizes[CENTRE] = max(0, sizes[CENTRE] - width)
        else:
            self._last[which] = sizes[which]
            sizes[CENTRE] += sizes[which]
            sizes[which] = 0
        self.split.setSizes(sizes)
        self._on_change()

    def toggle(self, which: int) -> None:
        self.set_shown(which, not self.is_shown(which))

    # --- remembering --------------------------------------------------------------------

    def save(self, settings) -> None:
        settings.setValue("splitter", self.split.saveState())
        settings.setValue("side_splitter", self.side.saveState())
        settings.setValue("panel_widths", [self._last[LEFT], self._last[RIGHT]])

    def restore(self, settings) -> None:
        for key, splitter in (("splitter", self.split), ("side_splitter", self.side)):
            value = settings.value(key)
            if value is not None and splitter.restoreState(value):
                self._sized = self._sized or splitter is self.split
        widths = settings.value("panel_widths")
        if isinstance(widths, (list, tuple)) and len(widths) == 2:
            try:
                self._last = {LEFT: int(widths[0]), RIGHT: int(widths[1])}
            except (TypeError, ValueError):
                pass
        self.fit()
        self._on_change()
