"""Category colours: the contrast check every highlight colour must pass, and the
palette new categories take their colour from."""

from __future__ import annotations

PALETTE = ("#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5", "#c49c94", "#f7b6d2",
           "#dbdb8d", "#9edae5")


def contrast(a: str, b: str) -> float:
    """WCAG 2.x contrast ratio of two #rrggbb colours."""
    def lum(c: str) -> float:
        rgb = [int(c[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4 for x in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def readable(colour: str) -> bool:
    """The check the shipped codebook passes: dark text reads on it (7:1), and it shows
    on the white page (1.4:1)."""
    return contrast(colour, "#1a1a1a") >= 7.0 and contrast(colour, "#ffffff") >= 1.4


def is_colour(c: str) -> bool:
    return len(c) == 7 and c[0] == "#" and all(ch in "0123456789abcdef" for ch in c[1:])
