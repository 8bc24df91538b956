"""Every test runs without a screen: Qt draws offscreen, settings go to a temp folder."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")
