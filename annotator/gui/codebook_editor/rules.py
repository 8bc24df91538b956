"""The codebook as coders read it (F1): each category with its key, coding rule,
attributes and values, under the paths of its groups ("Frames › Judgement"), in the
interface language; retired entries left out."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ...core.codebook import GroupDef
from .. import i18n
from ..palette import group_path


def _esc(text: str) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def codebook_html(cb) -> str:
    if cb is None:
        return ""
    side = "right" if i18n.is_rtl() else "left"
    title = QCoreApplication.translate("CodebookRules", "The codebook: %1")
    out = [f"<h2 align={side}>" + _esc(title.replace("%1", cb.name)) + "</h2>"]
    for _depth, c in cb.tree():
        if isinstance(c, GroupDef):
            # a group's path heads the categories filed in it, at one size for any depth:
            # h5 and h6 (a nested group's) came out smaller than the category names
            out.append(f"<h3 align={side}>{_esc(group_path(cb, c.key))}</h3>"
                       + (f"<p align={side}><i>{_esc(c.description)}</i></p>"
                          if c.description else ""))
            continue
        if c.retired:
            continue
        key = f" <b>[{c.hotkey}]</b>" if c.hotkey else ""
        out.append(f"<p align={side}><span style='background:{c.color}'>&nbsp;&nbsp;</span> "
                   f"<b>{_esc(i18n.name(c))}</b>{key}<br>{_esc(c.description)}</p><ul>")
        for a in c.attributes:
            line = f"<li><b>{_esc(i18n.name(a))}</b>"
            if a.description:
                line += f": {_esc(a.description)}"
            vals = [v for v in a.values if not v.retired]
            if vals:
                line += "<ul>" + "".join(
                    f"<li>{_esc(i18n.name(v))}" + (f": {_esc(v.description)}"
                                                   if v.description else "") + "</li>"
                    for v in vals) + "</ul>"
            out.append(line + "</li>")
        out.append("</ul>")
    body = "".join(out)
    return f'<div dir="rtl" align="right">{body}</div>' if i18n.is_rtl() else body
