"""PySide6 views: a thin shell over ``aktindsigt.services``."""

from aktindsigt.ui.refcount_guard import make_singletons_immortal

make_singletons_immortal()
