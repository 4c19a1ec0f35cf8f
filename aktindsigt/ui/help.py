"""F1: the shortcut overview (made from the window's own menus, so it is always what the menus offer), and the
colour legend of the suggestion types and overlays."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from aktindsigt.core.model import EntityType
from aktindsigt.ui.common import TYPE_COLOURS


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def _plain(text: str) -> str:
    return text.replace("&&", "\x00").replace("&", "").replace("\x00", "&").rstrip(" …")


def shortcut_rows(window: QMainWindow) -> list[tuple[str, list[tuple[str, str]]]]:
    """(menu, [(action, shortcut), ...]) for every menu of ``window`` whose actions have a shortcut."""
    out = []
    for top in window.menuBar().actions():
        menu = top.menu()
        if menu is None:
            continue
        rows = []
        for a in menu.actions():
            if a.isSeparator() or not a.isVisible():
                continue
            keys = [s.toString(QKeySequence.SequenceFormat.NativeText) for s in a.shortcuts()]
            if keys:
                rows.append((_plain(a.text()), ", ".join(keys)))
        if rows:
            out.append((_plain(top.text()), rows))
    return out


def legend_html(types: list[EntityType] | None = None) -> str:
    """Coloured dots with the type names (every type, or ``types``), and what the three overlay styles mean."""
    shown = types if types else [t for t in EntityType if t is not EntityType.MANUAL]
    dots = "&nbsp;&nbsp; ".join(
        f'<span style="color:{TYPE_COLOURS[t].name()}; font-size:14pt;">●</span>&nbsp;{t.label}' for t in shown)
    styles = tr("Farvet ramme: afventer · sort felt med hjemmel: overstreges · svag, prikket ramme: frigives · "
                "lilla ramme: valgt")
    return f"{dots}<br><span style='color:#57606a;'>{styles}</span>"


class LegendLabel(QLabel):
    """The colour legend as one wrapping line under the suggestions (only the types the case has)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("colourLegend")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setAccessibleName(tr("Farveforklaring"))
        self.set_types([])

    def set_types(self, types: list[EntityType]) -> None:
        self.setText(legend_html(types))


class ShortcutsDialog(QDialog):
    """Every shortcut of the window's menus, grouped by menu, and the colour legend."""

    def __init__(self, window: QMainWindow, types: list[EntityType] | None = None) -> None:
        super().__init__(window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(tr("Tastaturgenveje og farver"))
        intro = QLabel(tr("Gennemgangens taster virker, uanset hvor i sagsvinduet du er, undtagen når du skriver i "
                          "et felt."))
        intro.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("shortcutTree")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([tr("Handling"), tr("Tast")])
        self.tree.setRootIsDecorated(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        bold = self.tree.font()
        bold.setBold(True)
        for menu, rows in shortcut_rows(window):
            head = QTreeWidgetItem([menu, ""])
            head.setFont(0, bold)
            head.setFirstColumnSpanned(True)
            self.tree.addTopLevelItem(head)
            for text, keys in rows:
                self.tree.addTopLevelItem(QTreeWidgetItem(["    " + text, keys]))
        self.legend = QLabel(legend_html(types))
        self.legend.setObjectName("shortcutLegend")
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.tree, 1)
        lay.addWidget(QLabel(tr("Farverne i dokumentet og i listen over forslag:")))
        lay.addWidget(self.legend)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Luk"))
        buttons.rejected.connect(self.accept)
        lay.addWidget(buttons)
        screen = window.screen().availableGeometry() if window.screen() else None
        height = min(720, int(screen.height() * 0.85)) if screen else 640
        self.resize(620, height)

    def rows(self) -> list[tuple[str, str]]:
        return [(self.tree.topLevelItem(i).text(0).strip(), self.tree.topLevelItem(i).text(1))
                for i in range(self.tree.topLevelItemCount())]
