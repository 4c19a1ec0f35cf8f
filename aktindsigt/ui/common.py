"""Small presentation helpers shared by the views: Danish dates, colours, the legal-ground catalogue."""

from __future__ import annotations

import logging
from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from aktindsigt.core.deadlines import Light
from aktindsigt.core.model import EntityType, LegalGround

log = logging.getLogger(__name__)


def da_date(value: date | datetime | None) -> str:
    """dd.mm.åååå (Danish format); empty for no date."""
    if value is None:
        return ""
    return value.strftime("%d.%m.%Y")


def parse_da_date(text: str) -> date | None:
    text = text.strip()
    for fmt in ("%d.%m.%Y", "%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


LIGHT_COLOURS = {
    Light.GREEN: QColor("#1a7f37"),
    Light.AMBER: QColor("#d4a017"),
    Light.RED: QColor("#c62828"),
    Light.DONE: QColor("#6e7781"),
}

# Okabe-Ito based palette: distinguishable for colour-blind users, readable on white paper
TYPE_COLOURS: dict[EntityType, QColor] = {
    EntityType.PERSON: QColor("#0072B2"),
    EntityType.CPR: QColor("#D55E00"),
    EntityType.PHONE: QColor("#009E73"),
    EntityType.EMAIL: QColor("#CC79A7"),
    EntityType.URL: QColor("#56B4E9"),
    EntityType.ADDRESS: QColor("#E69F00"),
    EntityType.BANK_ACCOUNT: QColor("#8B0000"),
    EntityType.IBAN: QColor("#8B0000"),
    EntityType.CARD: QColor("#8B0000"),
    EntityType.LICENCE_PLATE: QColor("#6A3D9A"),
    EntityType.CVR: QColor("#555555"),
    EntityType.SENSITIVE: QColor("#B8006B"),
    EntityType.BUSINESS_SECRET: QColor("#332288"),
    EntityType.LOCATION: QColor("#7F6000"),
    EntityType.ORGANIZATION: QColor("#3F5F7F"),
    EntityType.MANUAL: QColor("#000000"),
}


def dot_icon(colour: QColor, size: int = 14) -> QIcon:
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(QColor("#333333"))
    p.setBrush(colour)
    p.drawEllipse(1, 1, size - 2, size - 2)
    p.end()
    return QIcon(pm)


# --- legal grounds ------------------------------------------------------------------

_grounds: dict[str, LegalGround] | None = None


def _load_catalogue(services=None) -> dict[str, LegalGround]:
    """Through the services when they offer the catalogue, else from ``aktindsigt.grounds``; {} when neither."""
    if services is not None and hasattr(services, "legal_grounds"):
        from aktindsigt.services import ServiceError

        try:
            return dict(services.legal_grounds())
        except ServiceError as e:
            log.info("legal-ground catalogue not available: %s", e.message)
            return {}
    try:
        from aktindsigt.grounds import load_grounds as _load  # written in parallel; may not exist yet
    except ImportError:
        log.info("legal-ground catalogue not available; ground-dependent actions are hidden")
        return {}
    return dict(_load())


def load_grounds(services=None) -> dict[str, LegalGround]:
    """The catalogue (reads files: call it from a background operation). Cached once found."""
    global _grounds
    if not _grounds:
        _grounds = _load_catalogue(services)
    return _grounds


def cached_grounds() -> dict[str, LegalGround]:
    """What ``load_grounds`` found so far (never does I/O)."""
    return _grounds or {}


def ground_label(ground_id: str | None) -> str:
    if not ground_id:
        return ""
    g = cached_grounds().get(ground_id)
    return g.short_label if g is not None else ground_id


def count(n: int, one: str, many: str) -> str:
    """"1 dokument", "3 dokumenter": a number with the right Danish form (never a plural in brackets)."""
    from aktindsigt.core.danish import count as _count

    return _count(n, one, many)


# --- window geometry and splitter positions --------------------------------------------------------------


def ui_settings():
    """The desktop app's own settings (window sizes, splitters) in the data folder, next to the database."""
    from PySide6.QtCore import QSettings

    from aktindsigt.config import resolve_paths

    home = resolve_paths().home
    return QSettings(str(home / "ui.ini"), QSettings.Format.IniFormat)


def place_window(window, key: str, fraction: float = 0.9, maximise_below: int = 1500) -> None:
    """Restore a window's size and place (``key`` in ``ui_settings``); the first time it gets ``fraction`` of the
    screen it opens on (a small screen, narrower than ``maximise_below`` pixels: maximised)."""
    from PySide6.QtGui import QGuiApplication

    saved = ui_settings().value(f"{key}/geometry")
    if saved is not None and window.restoreGeometry(saved):
        return
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    avail = screen.availableGeometry()
    w, h = int(avail.width() * fraction), int(avail.height() * fraction)
    window.resize(min(w, avail.width()), min(h, avail.height()))
    window.move(avail.x() + (avail.width() - window.width()) // 2, avail.y() + (avail.height() - window.height()) // 2)
    if avail.width() < maximise_below:
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)


def fit_to_screen(widget, width: int, height: int, fraction: float = 0.92) -> None:
    """``widget.resize(width, height)``, but never more than ``fraction`` of the screen it opens on (a dialog's
    buttons stay on a 1366x768 laptop screen)."""
    from PySide6.QtGui import QGuiApplication

    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        avail = screen.availableGeometry()
        width, height = min(width, int(avail.width() * fraction)), min(height, int(avail.height() * fraction))
    widget.resize(width, height)


def place_dialog(dialog, key: str, width: float, height: float, minimum: tuple[int, int] = (640, 420)) -> None:
    """A resizable dialog's saved size and place (``key`` in ``ui_settings``; ``remember_window`` saves it) when
    that fits the screen it opens on; else ``width`` x ``height`` of that screen's available area, at least
    ``minimum`` and never more than 92 % of it (a laptop's 1366x768 and a 1920x1080 monitor both used)."""
    from PySide6.QtGui import QGuiApplication

    screen = dialog.screen() or QGuiApplication.primaryScreen()
    avail = screen.availableGeometry() if screen is not None else None
    saved = ui_settings().value(f"{key}/geometry")
    if saved is not None and dialog.restoreGeometry(saved) and (
            avail is None or (dialog.width() <= avail.width() and dialog.height() <= avail.height())):
        return
    if avail is None:
        dialog.resize(*minimum)
        return
    w = min(max(int(avail.width() * width), minimum[0]), int(avail.width() * 0.92))
    h = min(max(int(avail.height() * height), minimum[1]), int(avail.height() * 0.92))
    dialog.resize(w, h)
    parent = dialog.parentWidget()
    centre = parent.window().frameGeometry().center() if parent is not None else avail.center()
    x = min(max(centre.x() - w // 2, avail.x()), avail.right() - w)
    y = min(max(centre.y() - h // 2, avail.y()), avail.bottom() - h)
    dialog.move(x, y)


def remember_window(window, key: str, splitters: dict | None = None) -> None:
    """Save a window's geometry and its splitters' positions (call from ``closeEvent``)."""
    s = ui_settings()
    s.setValue(f"{key}/geometry", window.saveGeometry())
    for name, splitter in (splitters or {}).items():
        s.setValue(f"{key}/{name}", splitter.saveState())
    s.sync()


def restore_splitter(splitter, key: str, name: str, fractions: list[float]) -> None:
    """A splitter's saved position, else sizes in ``fractions`` of its width (set once it is laid out)."""
    saved = ui_settings().value(f"{key}/{name}")
    if saved is not None and splitter.restoreState(saved):
        return
    total = max(splitter.width(), 1000)
    splitter.setSizes([int(total * f) for f in fractions])
