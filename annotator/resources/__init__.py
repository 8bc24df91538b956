"""Shipped data: codebooks, sample articles, translations, fonts, icons."""

from pathlib import Path

RESOURCES = Path(__file__).resolve().parent
CODEBOOKS = RESOURCES / "codebooks"
SAMPLE = RESOURCES / "sample"
I18N = RESOURCES / "i18n"
FONTS = RESOURCES / "fonts"
ICONS = RESOURCES / "icons"
DEFAULT_CODEBOOK = CODEBOOKS / "sourcing.yaml"
