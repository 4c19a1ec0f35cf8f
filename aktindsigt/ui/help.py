"""The Hjælp menu of the overview and of the case window: F1, the shortcut overview (made from the window's own
menus, so it is always what the menus offer) with the colour legend of the suggestion types and overlays, and
"Om Aktindsigt" (the version, where the data and the log file are)."""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP, QCoreApplication, Qt, qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
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


CASE_INTRO = QT_TR_NOOP("Gennemgangens taster virker, uanset hvor i sagsvinduet du er, undtagen når du skriver i "
                        "et felt.")


class ShortcutsDialog(QDialog):
    """Every shortcut of the window's menus, grouped by menu, and (in the case window) the colour legend."""

    def __init__(self, window: QMainWindow, types: list[EntityType] | None = None, legend: bool = True,
                 intro_text: str = CASE_INTRO) -> None:
        super().__init__(window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(tr("Tastaturgenveje og farver") if legend else tr("Tastaturgenveje"))
        intro = QLabel(tr(intro_text))
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
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.tree, 1)
        self.legend: QLabel | None = None
        if legend:
            self.legend = QLabel(legend_html(types))
            self.legend.setObjectName("shortcutLegend")
            self.legend.setWordWrap(True)
            self.legend.setTextFormat(Qt.TextFormat.RichText)
            lay.addWidget(QLabel(tr("Farverne i dokumentet og i listen over forslag:")))
            lay.addWidget(self.legend)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Luk"))
        buttons.rejected.connect(self.accept)
        lay.addWidget(buttons)
        screen = window.screen().availableGeometry() if window.screen() else None
        # every row without scrolling where the screen allows it (1920x1080), 85 % of a laptop's height
        height = min(940 if legend else 480, int(screen.height() * 0.85)) if screen else 640
        self.resize(640, height)

    def rows(self) -> list[tuple[str, str]]:
        return [(self.tree.topLevelItem(i).text(0).strip(), self.tree.topLevelItem(i).text(1))
                for i in range(self.tree.topLevelItemCount())]


def about_lines() -> list[tuple[str, str]]:
    """(label, value) for "Om Aktindsigt": the version and where this installation keeps its data."""
    import PySide6

    from aktindsigt import __version__
    from aktindsigt.config import resolve_paths

    paths = resolve_paths()
    database = paths.db_url.removeprefix("sqlite:///") if paths.db_url.startswith("sqlite:") else tr(
        "fælles database (PostgreSQL)")
    return [
        (tr("Version"), __version__),
        (tr("Datamappe"), str(paths.home)),
        (tr("Database"), database),
        (tr("Logfil"), str(paths.logs / "aktindsigt.log")),
        (tr("Qt"), f"{qVersion()} (PySide6 {PySide6.__version__})"),
    ]


class AboutDialog(QDialog):
    """Hjælp › Om Aktindsigt: what the program is, its version, and the folders support asks for."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(tr("Om Aktindsigt"))
        head = QLabel(tr("<b>Aktindsigt</b><br>Hjælper sagsbehandleren med at besvare en anmodning om aktindsigt: "
                         "finder personoplysninger i sagens dokumenter, overstreger og kontrollerer dem og danner "
                         "afgørelse, aktliste og pakken til ESDH-systemet."))
        head.setWordWrap(True)
        head.setTextFormat(Qt.TextFormat.RichText)
        form = QFormLayout()
        self.values: dict[str, QLabel] = {}
        for label, value in about_lines():
            v = QLabel(value)
            v.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # support asks for the paths
            self.values[label] = v
            form.addRow(label + ":", v)
        lay = QVBoxLayout(self)
        lay.addWidget(head)
        lay.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Luk"))
        buttons.rejected.connect(self.accept)
        lay.addWidget(buttons)
        # as high as its contents need at that width (the wrapped description included)
        self.resize(580, max(self.heightForWidth(580), self.sizeHint().height()))


def add_help_menu(window: QMainWindow, shortcuts_action: QAction) -> QAction:
    """The window's Hjælp menu, last in the menu bar: the shortcut overview (F1) and "Om Aktindsigt".
    Returns the "Om" action (the window keeps it; tests trigger it)."""
    menu = window.menuBar().addMenu(tr("&Hjælp"))
    menu.setObjectName("helpMenu")
    menu.addAction(shortcuts_action)
    menu.addSeparator()
    about = QAction(tr("&Om Aktindsigt"), window)

    def show() -> AboutDialog:
        dlg = AboutDialog(window)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.open()
        window.last_dialog = dlg  # type: ignore[attr-defined]
        return dlg

    about.triggered.connect(lambda *_: show())
    menu.addAction(about)
    window.help_menu = menu  # type: ignore[attr-defined]
    return about


def insert_before_help(window: QMainWindow, title: str):
    """A new menu just before the Hjælp menu (Hjælp stays last), or at the end when there is none yet."""
    help_menu = getattr(window, "help_menu", None)
    if help_menu is None:
        return window.menuBar().addMenu(title)
    from PySide6.QtWidgets import QMenu

    menu = QMenu(title, window)
    window.menuBar().insertMenu(help_menu.menuAction(), menu)
    return menu
