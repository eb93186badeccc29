"""The page picture: a PDF page as printed, beside its raw text.

Each article's lines are tinted in the article's colour (the raw view's tints), the
selected block's or article's lines are outlined, and a click on a printed line selects
the block that owns it — the same link the raw view has. The page is rendered by PDFium
(`editor.core.pdfpage.render_page`) on a worker thread and kept in a small cache, so
going back to a page shows it at once. Ctrl+wheel or Ctrl++/Ctrl+- zoom; Ctrl+0 fits the
width. Pages that came as text have no picture: the pane hides itself.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QImage, QKeySequence, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from . import theme

if TYPE_CHECKING:
    from editor.core.model import Page

CACHE_PAGES = 8
ZOOM_STEP = 1.25


def pdf_source(page: Page | None) -> tuple[str, int] | None:
    """(file, page number) of the PDF a page was read from: the library's copy when it
    keeps one (the very file that was read), else the file where it was read, if it is
    still there; None for text pages or a PDF found nowhere."""
    pdf = (page.layout or {}).get("pdf") if page is not None else None
    if not pdf:
        return None
    from . import library

    path = library.stored_pdf(pdf.get("sha256"))
    if path is None:
        path = pdf.get("path")
        if not path or not os.path.isfile(path):
            return None
    return path, int(pdf.get("page") or 1)


class PageView(QGraphicsView):
    """The picture itself, in PDF points (y down): what the pane shows and the tests click."""

    lineClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("pagePicture")
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setBackgroundBrush(QColor("#9e9e9e"))
        self._pixmap = QGraphicsPixmapItem()
        self._pixmap.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self._pixmap.setZValue(-1)
        self.scene().addItem(self._pixmap)
        self._boxes: dict[int, QRectF] = {}  # raw line -> its box in scene points
        self._tints: list[QGraphicsRectItem] = []
        self._marks: list[QGraphicsRectItem] = []
        self.highlighted: set[int] = set()
        self._fit = True

    # -- contents -------------------------------------------------------------------------
    def set_boxes(self, page: Page | None) -> None:
        """Line boxes from the page's layout (PDF points, y up) in scene points (y down)."""
        self._boxes.clear()
        layout = (page.layout or {}) if page is not None else {}
        height = float((layout.get("pdf") or {}).get("height") or 0)
        for n, d in (layout.get("lines") or {}).items():
            box = d.get("box") or ()
            if len(box) == 4:
                x0, y0, x1, y1 = (float(v) for v in box)
                self._boxes[int(n)] = QRectF(x0, height - y1, x1 - x0, y1 - y0)
        width = float((layout.get("pdf") or {}).get("width") or 0)
        self.scene().setSceneRect(QRectF(0, 0, width, height))

    def set_image(self, image: QImage | None, scale: float) -> None:
        self._pixmap.setPixmap(QPixmap.fromImage(image) if image is not None else QPixmap())
        self._pixmap.setScale(1 / scale if scale else 1)
        if self._fit:
            self.fit_width()

    def has_image(self) -> bool:
        return not self._pixmap.pixmap().isNull()

    def tint(self, page: Page | None) -> None:
        """Each article's lines in its colour; page furniture grey, unassigned lines red."""
        for item in self._tints:
            self.scene().removeItem(item)
        self._tints.clear()
        if page is None:
            return
        for n, colour, _role in theme.line_owners(page):
            box = self._boxes.get(n)
            if box is not None:
                fill = QColor(colour)
                fill.setAlpha(110)
                item = self.scene().addRect(box, QPen(Qt.PenStyle.NoPen), QBrush(fill))
                item.setZValue(0)
                self._tints.append(item)

    def highlight_lines(self, lines: list[int], scroll: bool = True) -> None:
        """Outline the selected lines and bring the first into view."""
        for item in self._marks:
            self.scene().removeItem(item)
        self._marks.clear()
        self.highlighted = {n for n in lines if n in self._boxes}
        pen = QPen(theme.SELECTED_TINT.darker(160), 1.5)
        pen.setCosmetic(True)
        shown = [self._boxes[n] for n in sorted(self.highlighted)]
        for box in shown:
            item = self.scene().addRect(box.adjusted(-1, -1, 1, 1), pen)
            item.setZValue(1)
            self._marks.append(item)
        if scroll and shown:
            area = shown[0]
            for box in shown[1:]:
                area = area.united(box)
            self.ensureVisible(area if area.height() < self.viewport().height() else shown[0],
                               20, 20)

    def line_at(self, point: QPointF) -> int | None:
        """The raw line printed at a scene point (the smallest box holding it)."""
        hits = [(box.width() * box.height(), n) for n, box in self._boxes.items()
                if box.adjusted(-1, -1, 1, 1).contains(point)]
        return min(hits)[1] if hits else None

    def box_of(self, line: int) -> QRectF | None:
        return self._boxes.get(line)

    # -- zoom -------------------------------------------------------------------------------
    def fit_width(self) -> None:
        rect = self.scene().sceneRect()
        if rect.width() <= 0:
            return
        self._fit = True
        self.resetTransform()
        scale = (self.viewport().width() - 4) / rect.width()
        self.scale(scale, scale)

    def zoom(self, factor: float) -> None:
        self._fit = False
        current = self.transform().m11()
        if 0.05 <= current * factor <= 16:
            self.scale(factor, factor)

    def zoom_level(self) -> float:
        return self.transform().m11()

    # -- events -----------------------------------------------------------------------------
    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            line = self.line_at(self.mapToScene(event.position().toPoint()))
            if line is not None:
                self.lineClicked.emit(line)
        super().mousePressEvent(event)

    def wheelEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom(ZOOM_STEP if event.angleDelta().y() > 0 else 1 / ZOOM_STEP)
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.ZoomIn):
            self.zoom(ZOOM_STEP)
        elif event.matches(QKeySequence.StandardKey.ZoomOut):
            self.zoom(1 / ZOOM_STEP)
        elif (event.key() == Qt.Key.Key_0
              and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            self.fit_width()
        else:
            super().keyPressEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._fit:
            self.fit_width()


class PicturePane(QWidget):
    """The picture with a status line; follows the window's current page."""

    lineClicked = Signal(int)
    rendered = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.view = PageView(self)
        self.view.lineClicked.connect(self.lineClicked)
        self.status = QLabel(self)
        self.status.setObjectName("pictureStatus")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        self._page: Page | None = None
        self._cache: OrderedDict[tuple, QImage] = OrderedDict()
        self._want: tuple | None = None
        self.setVisible(False)

    def set_page(self, page: Page | None) -> None:
        """Show a page's picture, or hide the pane for a page that came as text."""
        self._page = page
        is_pdf = page is not None and bool(page.layout)
        self.setVisible(is_pdf)
        self.view.set_boxes(page if is_pdf else None)
        self.view.set_image(None, 1)
        self.view.tint(page if is_pdf else None)
        if not is_pdf:
            self._want = None
            return
        source = pdf_source(page)
        if source is None:
            path = (page.layout.get("pdf") or {}).get("path") or page.source.file or ""
            self.status.setText(self.tr("The PDF this page was read from is not at {path} "
                                        "any more: no picture.").format(path=path))
            self._want = None
            return
        key = (*source, (page.layout.get("pdf") or {}).get("sha256"))
        self._want = key
        if key in self._cache:
            self._cache.move_to_end(key)
            self._show(key, self._cache[key])
            return
        self.status.setText(self.tr("Drawing the page…"))
        path, number = source
        from editor.core.pdfpage import PICTURE_SCALE, render_page

        from . import workers  # not at start-up: the first window opens without them

        workers.start(
            workers.Task(lambda _report: render_page(path, number, PICTURE_SCALE)),
            on_done=lambda picture, k=key: self._rendered(k, picture),
            on_failed=lambda _code, message: self.status.setText(message),
            owner=self,
        )

    def refresh(self) -> None:
        """Re-tint after a correction."""
        if self._page is not None and self._page.layout:
            self.view.tint(self._page)

    def highlight_lines(self, lines: list[int], scroll: bool = True) -> None:
        if self.isVisible():
            self.view.highlight_lines(lines, scroll)

    def _rendered(self, key: tuple, picture) -> None:
        image = QImage(picture.data, picture.width, picture.height, picture.stride,
                       QImage.Format.Format_RGBX8888).copy()  # own the pixels
        image.setText("scale", str(picture.scale))
        self._cache[key] = image
        while len(self._cache) > CACHE_PAGES:
            self._cache.popitem(last=False)
        if key == self._want:
            self._show(key, image)

    def _show(self, key: tuple, image: QImage) -> None:
        self.view.set_image(image, float(image.text("scale") or 1))
        self.view.highlight_lines(sorted(self.view.highlighted), scroll=False)
        self.status.setText(self.tr("Page {n} of {file} — click a line to select it; "
                                    "Ctrl+wheel zooms, Ctrl+0 fits the width.").format(
            n=key[1], file=os.path.basename(key[0])))
        self.rendered.emit()
