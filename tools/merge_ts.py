"""Git merge driver for Qt .ts translation files (parallel branches add strings).

Configured locally with:
    git config merge.qt-ts.driver "python3 tools/merge_ts.py %O %A %B"
and `*.ts merge=qt-ts` in .gitattributes. Messages are keyed by (context, source,
comment); the union is written to %A, preferring a finished translation over an
unfinished one. Locations are refreshed afterwards by `python -m annotator.gui.i18n --update`.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET


def _key(msg: ET.Element) -> tuple:
    src = msg.findtext("source") or ""
    com = msg.findtext("comment") or ""
    return (src, com)


def _finished(msg: ET.Element) -> bool:
    tr = msg.find("translation")
    return tr is not None and tr.get("type") != "unfinished" and bool(tr.text)


def merge(ours_path: str, theirs_path: str) -> None:
    ours = ET.parse(ours_path)
    theirs = ET.parse(theirs_path)
    contexts = {c.findtext("name"): c for c in ours.getroot().iter("context")}
    for tctx in theirs.getroot().iter("context"):
        name = tctx.findtext("name")
        octx = contexts.get(name)
        if octx is None:
            ours.getroot().append(tctx)
            contexts[name] = tctx
            continue
        have = {_key(m): m for m in octx.findall("message")}
        for tmsg in tctx.findall("message"):
            omsg = have.get(_key(tmsg))
            if omsg is None:
                octx.append(tmsg)
            elif _finished(tmsg) and not _finished(omsg):
                octx.remove(omsg)
                octx.append(tmsg)
    ET.indent(ours, space="    ")
    body = ET.tostring(ours.getroot(), encoding="unicode")
    with open(ours_path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n")


if __name__ == "__main__":
    _base, ours_path, theirs_path = sys.argv[1:4]
    merge(ours_path, theirs_path)
