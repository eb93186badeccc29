"""The review list: the importer's doubtful decisions, lowest confidence first.

Each row names the kind of decision, its confidence and what it concerns; its
tooltip (and the line under the list) says in words what the importer decided
and what the alternative is. Only real doubts are listed: a decision at full
confidence, one already checked, or one whose article or block no longer
exists is left out.

Moving through the list (next/previous keys live in the window's Review
menu) selects the decision's article or block; marking a decision checked is
an undoable correction that removes it from the list. Where the alternative is
one correction (an article boundary: merge with the article above; a headline
attached to an article: leave it unassigned), Ctrl+Shift+K applies it as one
undoable command that also marks the decision checked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from editor.core.model import Decision, Page

from . import theme

INDEX_ROLE = Qt.ItemDataRole.UserRole + 1
TARGET_ROLE = Qt.ItemDataRole.UserRole + 2
ALTERNATIVE_KEY = "Ctrl+Shift+K"


def _targets(page: Page) -> dict[str, object]:
    """Every article and block of the page by id (one pass: a page of thousands of
    decisions looked each up in turn, seconds on the GUI thread)."""
    found: dict[str, object] = {a.id: a for a in page.articles}
    found.update((b.id, b) for _a, b in page.all_blocks())
    return found


def open_decisions(page: Page, targets: dict[str, object] | None = None) -> list[int]:
    """Indexes of the real doubts, lowest confidence first (ties in page order): decisions
    below full confidence, not checked, whose article or block is still on the page."""
    targets = _targets(page) if targets is None else targets
    items = [
        (d.confidence, i)
        for i, d in enumerate(page.decisions)
        if not d.checked and d.confidence < 1.0 and d.target in targets
    ]
    return [i for _c, i in sorted(items)]


def detail_code(detail: str) -> tuple[str, str]:
    """A decision's detail split into its code and its value: "similarity 0.97" ->
    ("similarity", "0.97"); "starts-with-lead" -> ("starts-with-lead", "")."""
    code, _sep, value = (detail or "").strip().partition(" ")
    return code, value.strip()


def decision_reason(decision: Decision) -> str:
    """What the importer decided and what the alternative is, in the interface language.

    The one table of reasons: keyed by (kind, detail code), with (kind, "") as the kind's
    general sentence. The calls are written out in full so that pyside6-lupdate finds them.
    """
    reasons = {
        ("boundary", "starts-with-lead"): QCoreApplication.translate(
            "Review",
            "A new article starts here because the paragraph opens with a dateline or "
            "byline. Alternative: this paragraph continues the article above.",
        ),
        ("boundary", "starts-with-start"): QCoreApplication.translate(
            "Review",
            "A new article starts here because the paragraph begins after a break in the "
            "column. Alternative: this paragraph continues the article above.",
        ),
        ("boundary", "starts-with-cont"): QCoreApplication.translate(
            "Review",
            "A new article starts here although the paragraph reads as a continuation, "
            "because no article above could take it. Alternative: this paragraph continues "
            "the article above.",
        ),
        ("boundary", "starts-with-subhead"): QCoreApplication.translate(
            "Review",
            "A new article starts here with a one-line title. Alternative: the title is a "
            "subhead and the text continues the article above.",
        ),
        ("boundary", ""): QCoreApplication.translate(
            "Review",
            "A new article starts here. Alternative: this text continues the article above.",
        ),
        ("attach", "adjacent"): QCoreApplication.translate(
            "Review",
            "This headline was given to the article printed right below it. Alternative: "
            "the headline belongs to another article, or to none.",
        ),
        ("attach", "similarity"): QCoreApplication.translate(
            "Review",
            "This headline was given to this article because their words match "
            "(similarity {similarity}). Alternative: the headline belongs to another "
            "article, or to none.",
        ),
        ("attach", "no-body"): QCoreApplication.translate(
            "Review",
            "No article was found for this headline, so it was left unassigned. "
            "Alternative: it is the headline of one of the articles on the page.",
        ),
        ("attach", ""): QCoreApplication.translate(
            "Review",
            "This headline was given to this article. Alternative: the headline belongs to "
            "another article, or to none.",
        ),
        ("paragraph", "break"): QCoreApplication.translate(
            "Review",
            "This paragraph's end was uncertain: a line ending a sentence may or may not end "
            "the paragraph. Alternative: join it with the next paragraph, or split it at a "
            "sentence end.",
        ),
        ("paragraph", ""): QCoreApplication.translate(
            "Review",
            "The paragraph breaks here are uncertain. Alternative: join or split the "
            "paragraph.",
        ),
        ("role", "subhead-or-headline"): QCoreApplication.translate(
            "Review",
            "This one-line title between two paragraphs was read as a subhead of the same "
            "story. Alternative: it is the headline of a new article starting here.",
        ),
        ("role", "pull-quote"): QCoreApplication.translate(
            "Review",
            "This text repeats a sentence of an article, so it was read as a pull-quote "
            "(page furniture). Alternative: it is part of an article.",
        ),
        ("role", "banner"): QCoreApplication.translate(
            "Review",
            "This line above the headlines was read as a page banner. Alternative: it is a "
            "kicker or headline of the article below.",
        ),
        ("role", ""): QCoreApplication.translate(
            "Review",
            "The importer chose this block's role. Alternative: the block has another role.",
        ),
        ("thread", ""): QCoreApplication.translate(
            "Review",
            "These column pieces were threaded into one article. Alternative: they belong "
            "to different articles.",
        ),
        ("byline", ""): QCoreApplication.translate(
            "Review",
            "The byline was read this way. Alternative: re-read or correct the byline.",
        ),
        ("invariant", ""): QCoreApplication.translate(
            "Review",
            "A raw line had no owner, or two, and was put here to repair the page. Check "
            "that it belongs here; there is no other choice to offer.",
        ),
    }
    code, value = detail_code(decision.detail)
    text = reasons.get((decision.kind, code)) or reasons.get((decision.kind, ""))
    if text is None:
        return decision.detail
    if code == "similarity":
        try:
            value = f"{float(value):.0%}"
        except ValueError:
            pass
        return text.format(similarity=value)
    return text


# -- the alternative in one key -------------------------------------------------------------
def _merge_into_previous(page: Page, index: int, article_id: str) -> str:
    """A boundary's alternative: the article continues the one above (one undo step)."""
    from editor.core import ops

    survivor = ops.merge_articles(page, article_id, "previous")
    ops.mark_decision_checked(page, index)
    return survivor


def _leave_unassigned(page: Page, index: int, block_id: str) -> str:
    """An attached headline's alternative: it heads no article (one undo step)."""
    from editor.core import ops

    ops.set_role(page, block_id, "unassigned")
    ops.mark_decision_checked(page, index)
    return block_id


def alternative(page: Page, index: int):
    """The correction that takes the decision's alternative, as (command key, operation,
    arguments, names for the command text), or None when it is not a single correction."""
    d = page.decisions[index]
    if d.kind == "boundary":
        art = page.find_article(d.target)
        if art is not None and page.articles.index(art) > 0:
            return "merge-previous", _merge_into_previous, (index, d.target), {}
    elif d.kind == "attach" and detail_code(d.detail)[0] != "no-body":
        found = page.find_block(d.target)
        if found is not None and found[0] is not None:
            role = {"role": theme.role_label("unassigned")}
            return "set-role", _leave_unassigned, (index, d.target), role
    return None


class ReviewPanel(QWidget):
    targetActivated = Signal(str)  # id of an article or block
    checkRequested = Signal()  # mark the current decision checked

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reviewPanel")
        self._page: Page | None = None
        # The current row was put there by a rebuild (the first item, or the one after a
        # decision that left the list), not reached by the editor: "next" goes to it.
        self._pending = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        self.summary = QLabel()
        self.check_button = QPushButton(self.tr("Checked (Ctrl+K)"))
        self.check_button.setObjectName("checkButton")
        self.check_button.setToolTip(
            self.tr("The importer's decision is right: remove it from the list")
        )
        self.check_button.clicked.connect(self.checkRequested)
        self.alternative_button = QPushButton(self.tr("Take the alternative (Ctrl+Shift+K)"))
        self.alternative_button.setObjectName("alternativeButton")
        self.alternative_button.setToolTip(
            self.tr("The importer's decision is wrong: apply the alternative it names")
        )
        self.alternative_button.clicked.connect(self.accept_alternative)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.alternative_button)
        top.addWidget(self.check_button)
        layout.addLayout(top)
        self.list = QListWidget()
        self.list.setUniformItemSizes(True)  # one line each: no layout pass over 3,000 items
        self.list.setObjectName("reviewList")
        self.list.currentItemChanged.connect(self._current_changed)
        self.list.itemActivated.connect(lambda item: self._current_changed(item, None))
        layout.addWidget(self.list)
        self.reason = QLabel()  # the current decision in words, for the keyboard user
        self.reason.setObjectName("reviewReason")
        self.reason.setWordWrap(True)
        layout.addWidget(self.reason)

    def set_page(self, page: Page | None) -> None:
        self._page = page
        self.list.blockSignals(True)
        self.list.clear()  # a new page: start from its first decision
        self.list.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        """Rebuild the list after a change, keeping the current decision (or, when it left
        the list, the row where it was, for "next" to go to)."""
        row = self.list.currentRow()
        was = self.current_decision()
        self.list.blockSignals(True)
        self.list.clear()
        page = self._page
        targets = _targets(page) if page else {}
        indexes = open_decisions(page, targets) if page else []
        for i in indexes:
            d = page.decisions[i]
            text = self.tr("{confidence:.0%}  {kind} — {target}").format(
                confidence=d.confidence,
                kind=theme.decision_label(d.kind),
                target=self._target_label(d.target, targets),
            )
            item = QListWidgetItem(text)
            item.setData(INDEX_ROLE, i)
            item.setData(TARGET_ROLE, d.target)
            reason = decision_reason(d)
            if reason:
                item.setToolTip(reason)
            self.list.addItem(item)
        if indexes:
            if was in indexes:
                self.list.setCurrentRow(indexes.index(was))
            else:
                self.list.setCurrentRow(min(max(row, 0), len(indexes) - 1))
                self._pending = True
        else:
            self._pending = False
        self.list.blockSignals(False)
        self.summary.setText(
            self.tr("{n} decisions to check").format(n=len(indexes))
            if indexes
            else self.tr("No doubtful decisions on this page")
        )
        self.check_button.setEnabled(bool(indexes))
        self._show_reason()

    def _target_label(self, target: str, targets: dict[str, object]) -> str:
        found = targets.get(target)
        from editor.core.model import Article

        if isinstance(found, Article):
            return found.label(16) or self.tr("(no headline)")
        if found is not None:
            block = found
            text = block.display_text
            return f"{theme.role_label(block.role)}: {text[:16]}" + ("…" if len(text) > 16 else "")
        return self.tr("(removed)")

    def _current_changed(self, item, _previous) -> None:
        self._show_reason()
        if item is not None:
            self._pending = False
            self.targetActivated.emit(item.data(TARGET_ROLE))

    def _show_reason(self) -> None:
        item = self.list.currentItem()
        self.reason.setText(item.toolTip() if item is not None else "")
        self.alternative_button.setEnabled(self.current_alternative() is not None)

    def current_alternative(self):
        """The current decision's alternative (see `alternative`), or None."""
        index = self.current_decision()
        if index is None or self._page is None:
            return None
        return alternative(self._page, index)

    def current_decision(self) -> int | None:
        item = self.list.currentItem()
        return item.data(INDEX_ROLE) if item is not None else None

    def count(self) -> int:
        return self.list.count()

    def step(self, delta: int) -> None:
        """Go to the next (+1) or previous (-1) decision, wrapping around. The first "next"
        goes to the first decision; after one left the list, to the one that took its row."""
        n = self.list.count()
        if not n:
            return
        row = self.list.currentRow()
        if row < 0:
            row = 0 if delta > 0 else n - 1
        elif not (self._pending and delta > 0):
            row = (row + delta) % n
        self._pending = False
        self.list.blockSignals(True)
        self.list.setCurrentRow(row)
        self.list.blockSignals(False)
        self._current_changed(self.list.currentItem(), None)

    def accept_alternative(self) -> None:
        """Apply the current decision's alternative through the window's corrections (one
        undoable command, which also marks the decision checked)."""
        found = self.current_alternative()
        actions = self._window_actions()
        if found is None or actions is None:
            return
        key, op, args, names = found
        actions.apply(key, op, *args, **names)

    def _window_actions(self):
        """The main window's corrections (`Actions`), found up the parent chain (a floating
        dock is still the window's child)."""
        widget = self.parentWidget()
        while widget is not None:
            actions = getattr(widget, "actions", None)
            if actions is not None and hasattr(actions, "apply"):
                return actions
            widget = widget.parentWidget()
        return None
