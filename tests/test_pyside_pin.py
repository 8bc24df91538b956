"""PySide6 6.12.0 on CPython 3.11 drops a reference to None on every call of a Qt method
that returns nothing; after some thousands of calls the process aborts with
`Fatal Python error: none_dealloc`. We pin below 6.12; this keeps the pin honest."""

import subprocess
import sys

SCRIPT = """
from PySide6.QtCore import QObject
o = QObject()
for i in range(20000):
    o.setObjectName("x")      # returns None
    o.blockSignals(False)     # returns bool, for contrast
print("survived")
"""


def test_twenty_thousand_void_qt_calls_do_not_abort():
    r = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 0, r.stderr[-500:]
    assert r.stdout.strip() == "survived"


def test_installed_pyside_is_not_the_broken_release():
    import PySide6

    major, minor = (int(x) for x in PySide6.__version__.split(".")[:2])
    assert (major, minor) < (6, 12) or sys.version_info >= (3, 12), PySide6.__version__
