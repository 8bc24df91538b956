"""The codebook editor (Supervisor menu, and the first screen of a new project)."""

from PySide6.QtCore import Qt

from .colours import contrast, readable
from .editor import CodebookEditor

__all__ = ["CodebookEditor", "contrast", "open_editor", "readable"]


def open_editor(project, parent, author: str = "") -> CodebookEditor:
    """Open the editor (non-modal) on the project the window has open."""
    dlg = CodebookEditor(project, author=author, parent=parent)
    dlg.setAttribute(Qt.WA_DeleteOnClose)
    dlg.open()
    return dlg
