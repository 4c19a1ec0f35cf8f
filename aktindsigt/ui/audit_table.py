"""The case's audit trail as a searchable table, exportable as CSV and JSON."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from aktindsigt.core.danish import count
from aktindsigt.ui.ops import query, run_op


def tr(text: str) -> str:
    return QCoreApplication.translate("AuditTable", text)


def _when(at) -> str:
    return at.astimezone().strftime("%d.%m.%Y %H.%M.%S")


class AuditModel(QAbstractTableModel):
    HEADERS = ("Tidspunkt", "Bruger", "Handling", "Gælder", "Detaljer")

    def __init__(self, lines: list | None = None) -> None:
        super().__init__()
        self.lines = lines or []

    def set_lines(self, lines: list) -> None:
        self.beginResetModel()
        self.lines = lines
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 - Qt API
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return tr(self.HEADERS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        ln = self.lines[index.row()]
        values = (_when(ln.at), ln.who, ln.label, ln.subject, ln.details)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return values[index.column()]
        if role == Qt.ItemDataRole.UserRole:  # sorting by time sorts by the event's order
            return ln.id if index.column() == 0 else values[index.column()]
        return None


class _Filter(QSortFilterProxyModel):
    def __init__(self) -> None:
        super().__init__()
        self.needle = ""
        self.setSortRole(Qt.ItemDataRole.UserRole)

    def set_needle(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10: invalidateFilter() is deprecated
            self.beginFilterChange()
            self.needle = text
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.needle = text
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, row: int, parent) -> bool:  # noqa: N802 - Qt API
        return self.sourceModel().lines[row].matches(self.needle)


class AuditDialog(QDialog):
    """Every audit event of the case: search (who, what, details, time), sort, export what is shown."""

    def __init__(self, parent: QWidget | None, services, case_id: int) -> None:
        super().__init__(parent)
        self.services, self.case_id = services, case_id
        self.setObjectName("auditDialog")
        self.setWindowTitle(tr("Revisionslog"))
        self.model = AuditModel()
        self.proxy = _Filter()
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit()
        self.search.setObjectName("auditSearch")
        self.search.setPlaceholderText(tr("Søg i loggen: bruger, handling, akt, tekst …"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        label = QLabel(tr("&Søg:"))
        label.setBuddy(self.search)
        self.count_label = QLabel()
        self.view = QTableView()
        self.view.setObjectName("auditTable")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        hh = self.view.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.csv_button = QPushButton(tr("Eksportér &CSV …"))
        self.json_button = QPushButton(tr("Eksportér &JSON …"))
        self.csv_button.clicked.connect(lambda: self.ask_export("csv"))
        self.json_button.clicked.connect(lambda: self.ask_export("json"))
        close = QPushButton(tr("Luk"))
        close.clicked.connect(self.accept)
        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        bottom = QHBoxLayout()
        bottom.addWidget(self.csv_button)
        bottom.addWidget(self.json_button)
        bottom.addStretch(1)
        bottom.addWidget(close)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.view, 1)
        lay.addLayout(bottom)
        self.resize(1100, 560)
        self.refresh()

    @classmethod
    def show_for(cls, parent, services, case_id: int) -> AuditDialog:
        dlg = cls(parent, services, case_id)
        parent.audit_dialog = dlg
        dlg.open()
        return dlg

    def refresh(self):
        return query(self, lambda: self.services.audit_trail(self.case_id), self._loaded)

    def _loaded(self, lines: list) -> None:
        self.model.set_lines(lines)
        self._filter(self.search.text())

    def _filter(self, text: str) -> None:
        self.proxy.set_needle(text)
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(tr("{0} af {1}").format(shown, count(total, tr("hændelse"), tr("hændelser"))))

    def ask_export(self, fmt: str) -> None:
        name = f"revisionslog_{self.case_id}.{fmt}"
        path, _ = QFileDialog.getSaveFileName(self, tr("Eksportér revisionsloggen"), str(Path.home() / name),
                                              "CSV (*.csv)" if fmt == "csv" else "JSON (*.json)")
        if path:
            self.export(Path(path), fmt)

    def export(self, path: Path, fmt: str):
        needle = self.search.text()
        return run_op(self, lambda ctx: self.services.export_audit(self.case_id, path, fmt, needle), mutates=False,
                      success=lambda p: self.count_label.setText(tr("Gemt: {0}").format(Path(p).name)))
