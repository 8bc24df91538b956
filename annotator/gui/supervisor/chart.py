"""A horizontal bar chart of one coefficient per category, drawn with QPainter (QtCharts
is not in PySide6-Essentials): the 0.667 and 0.800 lines drawn across, each bar coloured
by the band it falls in, a null figure shown as "—" with its reason. Mirrors itself under
a right-to-left layout (bars grow from the right, labels on the right).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from .common import NULL_TEXT, RELIABLE, TENTATIVE, number, threshold_colour, translate


def value_text(value: float) -> str:
    """A bar's figure, isolated left to right (LRI ... PDI): "-0.010", never "0.010-"."""
    return number(f"{value:.3f}")


def tick_text(value: float) -> str:
    return number(f"{value:.1f}")


def null_text(bar: Bar) -> str:
    """What a bar with no figure shows: "—" and why (the reason comes translated:
    agreement_view passes it through common.reason_text)."""
    return f"{NULL_TEXT}  {bar.reason}" if bar.reason else NULL_TEXT


@dataclass
class Bar:
    label: str
    value: float | None
    reason: str = ""
    note: str = ""   # counts behind the figure, shown after the value


class BarChart(QWidget):
    BAR_H = 22
    GAP = 10
    TOP = 34
    BOTTOM = 30

    def __init__(self, parent=None):
        super().__init__(parent)
        self.bars: list[Bar] = []
        self.title = ""
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)
        self._rects: list[tuple[QRectF, Bar]] = []

    def set_bars(self, title: str, bars: list[Bar]) -> None:
        self.title, self.bars = title, list(bars)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(560, self.TOP + self.BOTTOM + max(1, len(self.bars)) * (self.BAR_H + self.GAP))

    def minimumSizeHint(self) -> QSize:
        return QSize(320, self.sizeHint().height())

    # --- geometry ---------------------------------------------------------------------

    def _scale(self) -> tuple[float, float]:
        lo = min([0.0] + [b.value for b in self.bars if b.value is not None])
        lo = min(0.0, -0.2 * (int(-lo / 0.2) + 1)) if lo < 0 else 0.0
        return lo, 1.0

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        try:
            p.setRenderHint(QPainter.Antialiasing)
            self._paint(p)
        finally:
            p.end()

    def _paint(self, p: QPainter) -> None:
        rtl = self.layoutDirection() == Qt.RightToLeft
        w = self.width()
        pal = self.palette()
        p.fillRect(self.rect(), pal.base())
        fm = QFontMetrics(self.font())
        label_w = min(int(w * 0.32), max([fm.horizontalAdvance(b.label) for b in self.bars]
                                         + [60]) + 12)
        value_w = max(fm.horizontalAdvance("−0.000  "), 70)
        left, right = 10 + label_w, w - 10 - value_w
        if rtl:
            left, right = 10 + value_w, w - 10 - label_w
        plot_w = max(10.0, right - left)
        lo, hi = self._scale()

        def x_of(v: float) -> float:
            frac = (v - lo) / (hi - lo)
            return right - frac * plot_w if rtl else left + frac * plot_w

        title_font = QFont(self.font())
        title_font.setBold(True)
        p.setFont(title_font)
        p.setPen(pal.text().color())
        p.drawText(QRectF(10, 4, w - 20, self.TOP - 8),
                   (Qt.AlignRight if rtl else Qt.AlignLeft) | Qt.AlignVCenter | Qt.AlignAbsolute, self.title)
        p.setFont(self.font())
        n = len(self.bars)
        plot_top = self.TOP
        plot_bottom = self.TOP + n * (self.BAR_H + self.GAP)
        # axis ticks
        grid = QPen(QColor("#d0d0d0"))
        p.setPen(grid)
        ticks = [lo + i * 0.2 for i in range(int(round((hi - lo) / 0.2)) + 1)]
        for t in ticks:
            x = x_of(t)
            p.drawLine(QPointF(x, plot_top), QPointF(x, plot_bottom))
        p.setPen(pal.text().color())
        for t in ticks:
            x = x_of(t)
            p.drawText(QRectF(x - 25, plot_bottom + 2, 50, 16), Qt.AlignCenter, tick_text(t))
        # the bars (alignments carry AlignAbsolute: the mirroring is done here, by hand)
        self._rects = []
        zero = x_of(0.0)
        for i, b in enumerate(self.bars):
            y = plot_top + i * (self.BAR_H + self.GAP) + self.GAP / 2
            row = QRectF(0, y, w, self.BAR_H)
            label_rect = (QRectF(w - 2 - label_w, y, label_w - 8, self.BAR_H) if rtl
                          else QRectF(10, y, label_w - 8, self.BAR_H))
            p.setPen(pal.text().color())
            p.drawText(label_rect, (Qt.AlignLeft if rtl else Qt.AlignRight) | Qt.AlignVCenter | Qt.AlignAbsolute,
                       fm.elidedText(b.label, Qt.ElideRight, int(label_rect.width())))
            if b.value is None:
                p.setPen(QColor("#777777"))
                txt = null_text(b)
                r = QRectF(left + 6, y, plot_w - 12, self.BAR_H)
                p.drawText(r, (Qt.AlignRight if rtl else Qt.AlignLeft) | Qt.AlignVCenter | Qt.AlignAbsolute,
                           fm.elidedText(txt, Qt.ElideRight, int(r.width())))
            else:
                x = x_of(b.value)
                bar = QRectF(min(zero, x), y + 2, abs(x - zero), self.BAR_H - 4)
                p.fillRect(bar, threshold_colour(b.value, strong=True))
                p.setPen(pal.text().color())
                txt = value_text(b.value)
                vr = (QRectF(10, y, value_w - 6, self.BAR_H) if rtl
                      else QRectF(right + 6, y, value_w - 6, self.BAR_H))
                p.drawText(vr, (Qt.AlignRight if rtl else Qt.AlignLeft) | Qt.AlignVCenter | Qt.AlignAbsolute, txt)
            self._rects.append((row, b))
        # threshold lines over the bars
        for v, colour, name in ((TENTATIVE, "#b07800", "0.667"), (RELIABLE, "#1f7a3f", "0.800")):
            x = x_of(v)
            pen = QPen(QColor(colour), 1.6, Qt.DashLine)
            p.setPen(pen)
            p.drawLine(QPointF(x, plot_top - 4), QPointF(x, plot_bottom))
            small = QFont(self.font())
            small.setPointSizeF(max(6.0, self.font().pointSizeF() * 0.8))
            p.setFont(small)
            p.drawText(QRectF(x - 30, plot_top - 16, 60, 12), Qt.AlignCenter, name)
            p.setFont(self.font())
        # the zero line
        p.setPen(QPen(pal.text().color(), 1))
        p.drawLine(QPointF(zero, plot_top), QPointF(zero, plot_bottom))

    def event(self, event):
        if event.type() == event.Type.ToolTip:
            pos = QPointF(event.pos())
            for r, b in self._rects:
                if r.contains(pos):
                    why = b.reason or translate("Supervisor", "cannot be computed")
                    tip = f"<b>{b.label}</b>: "
                    tip += value_text(b.value) if b.value is not None else f"{NULL_TEXT} ({why})"
                    if b.note:
                        tip += f"<br>{b.note}"
                    QToolTip.showText(event.globalPos(), tip, self)
                    return True
            QToolTip.hideText()
            return True
        return super().event(event)
