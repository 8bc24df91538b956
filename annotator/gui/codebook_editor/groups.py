"""Groups in the editor: folders of categories (nested), as imported code trees have them.

A group only arranges the codebook, so every group edit is a plain undo step: add one in
the current folder, file a category (drop it on a group, or pick the group in the form),
move a group into another, delete one (what it held moves up a level, nothing is lost).
Ctrl+Up/Down reorders among the siblings of the entry's own folder; a drag goes before or
after any category or group (filed in its folder) or into a group.
"""

from __future__ import annotations

import copy

from PySide6.QtCore import QCoreApplication

from ...core.codebook import Codebook, GroupDef
from .. import i18n
from ..palette import group_path

translate = QCoreApplication.translate


class GroupsMixin:
    """The group half of CodebookEditor (paths: ("grp", index in cb.groups))."""

    def folder(self, path: tuple | None = None) -> str | None:
        """The group new entries go into: the selected group, or the selected entry's."""
        path = self.current_path() if path is None else path
        if not path:
            return None
        kind, i = path[0]
        if kind == "grp":
            return self.cb.groups[i].key
        if kind == "cat":
            return self.cb.categories[i].group
        return None

    def add_group(self) -> None:
        after = copy.deepcopy(self.cb)
        key = free_key(f"group_{len(after.groups) + 1}", {g.key for g in after.groups})
        after.groups.append(GroupDef(key, key, key, parent=self.folder()))
        self._push(after, translate("CodebookEditor", "Add group"),
                   (("grp", len(after.groups) - 1),))

    def group_choices(self, entry) -> list[tuple[str, str | None]]:
        """(label, key) of the folders `entry` may go in: the top level and every group,
        but not a group inside itself."""
        out: list[tuple[str, str | None]] = [(translate("CodebookEditor", "(top level)"), None)]
        for g in self.cb.groups:
            path = self.cb.group_path(g.key)
            if isinstance(entry, GroupDef) and entry in path:
                continue
            out.append((group_path(self.cb, g.key), g.key))
        return out

    def _rename_group(self, cb: Codebook, old: str, new: str) -> None:
        """Categories and groups follow a renamed group key."""
        for c in cb.categories:
            c.group = new if c.group == old else c.group
        for g in cb.groups:
            g.parent = new if g.parent == old else g.parent

    def delete_group(self, path: tuple) -> None:
        g = self.cb.groups[path[0][1]]
        after = copy.deepcopy(self.cb)
        for c in after.categories:
            c.group = g.parent if c.group == g.key else c.group
        for other in after.groups:
            other.parent = g.parent if other.parent == g.key else other.parent
        after.groups.pop(path[0][1])
        # the selection stays where the group was: on what it held, else its parent
        held = [j for j, c in enumerate(self.cb.categories) if c.group == g.key]
        inner = [j for j, o in enumerate(after.groups) if o.parent == g.parent and
                 self.cb.groups[j + (j >= path[0][1])].parent == g.key]
        home = next((j for j, o in enumerate(after.groups) if o.key == g.parent), None)
        nxt = (("cat", held[0]),) if held else (("grp", inner[0]),) if inner else \
            (("grp", home),) if home is not None else \
            (("grp", max(0, path[0][1] - 1)),) if after.groups else ()
        self._push_quiet(after, translate("CodebookEditor", "Delete %1").replace("%1", g.key),
                         nxt)

    # --- moving: reorder within a folder, or file into another ------------------------

    def _folder_siblings(self, cb: Codebook, path: tuple) -> list[int]:
        """Indexes (in cb.categories or cb.groups) of the entries sharing path's folder."""
        kind, i = path[0]
        if kind == "cat":
            home = cb.categories[i].group
            return [j for j, c in enumerate(cb.categories) if c.group == home]
        home = cb.groups[i].parent
        return [j for j, g in enumerate(cb.groups) if g.parent == home]

    def move_in_folder(self, path: tuple, step: int) -> None:
        """Ctrl+Up/Down on a category or group: swap with its neighbour in the folder."""
        near = self._folder_siblings(self.cb, path)
        at = near.index(path[0][1])
        if not 0 <= at + step < len(near):
            return
        self._reorder(path, near[at + step])

    def _reorder(self, path: tuple, index: int) -> None:
        kind, i = path[0]
        after = copy.deepcopy(self.cb)
        items = after.categories if kind == "cat" else after.groups
        items.insert(index, items.pop(i))
        self._push_quiet(after, translate("CodebookEditor", "Reorder"), ((kind, index),))

    def drop_plan(self, path: tuple, target: tuple, zone: str) -> str | None:
        """What dropping `path` at `zone` ("before", "on", "after") of `target` does:
        "before" or "after" it in its folder, "into" a group, or None (refused).

        A category goes into a group wherever it falls on the group's row, and before or
        after a category (of its own folder or another: it is filed there); on the middle
        of a sibling it takes that one's place (after it going down, before it going up).
        A group goes before or after a group, or into it (never into itself or a group
        inside it). Attributes, values and relations move among their own siblings."""
        kind, tkind = path[-1][0], target[-1][0]
        if kind in ("attr", "val", "rel"):
            if len(target) != len(path) or target[:-1] != path[:-1] or tkind != kind:
                return None
            return zone if zone != "on" else \
                ("after" if target[-1][1] > path[-1][1] else "before")
        if len(target) != 1 or tkind not in ("cat", "grp"):
            return None
        t = target[0][1]
        if kind == "cat" and tkind == "grp":
            return "into"
        if kind == "cat":
            here = self.cb.categories[path[0][1]]
            if zone != "on":
                return zone
            if self.cb.categories[t].group != here.group:
                return "before"
            return "after" if t > path[0][1] else "before"
        if tkind != "grp":
            return None
        g, tg = self.cb.groups[path[0][1]], self.cb.groups[t]
        if g in self.cb.group_path(tg.key):  # itself, or a group inside it
            return None
        if zone == "on":
            return None if tg.key == g.parent else "into"
        return zone

    def _dropped(self, path: tuple, target: tuple, where: str) -> None:
        if path[-1][0] in ("attr", "val", "rel"):
            i, t = path[-1][1], target[-1][1]
            self._moved(path, (t if t < i else t - 1) + (where == "after"))
        elif where == "into":
            self._file(path, self.cb.groups[target[0][1]].key)
        else:
            self._place(path, target[0][1], where == "after")

    def _place(self, path: tuple, t: int, after_it: bool) -> None:
        """The category or group at `path` next to entry `t` of its kind, in t's folder:
        a reorder there, or filed there if it came from another folder."""
        kind, i = path[0]
        cb = copy.deepcopy(self.cb)
        items = cb.categories if kind == "cat" else cb.groups
        attr = "group" if kind == "cat" else "parent"
        home, old = getattr(items[t], attr), getattr(items[i], attr)
        moving = items.pop(i)
        setattr(moving, attr, home)
        at = (t if t < i else t - 1) + after_it
        items.insert(at, moving)
        if at == i and home == old:
            return
        name = i18n.name(self.cb.group(home)) if home else \
            translate("CodebookEditor", "(top level)")
        text = translate("CodebookEditor", "Reorder") if home == old else \
            translate("CodebookEditor", "Move to %1").replace("%1", name)
        self._push_quiet(cb, text, ((kind, at),))

    def _file(self, path: tuple, group: str | None) -> None:
        kind, i = path[0]
        after = copy.deepcopy(self.cb)
        if kind == "cat":
            after.categories[i].group = group
        else:
            after.groups[i].parent = group
        name = i18n.name(self.cb.group(group)) if group else \
            translate("CodebookEditor", "(top level)")
        self._push_quiet(after, translate("CodebookEditor", "Move to %1").replace("%1", name),
                         ((kind, i),))


def free_key(base: str, used: set[str]) -> str:
    key, n = base, 1
    while key in used:
        n += 1
        key = f"{base}_{n}"
    return key
