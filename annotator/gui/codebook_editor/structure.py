"""The editor's structure edits: add a category, attribute, value or relation (a new
entry goes in the selected one's place and gets the cursor in its key), delete one that
no stored annotation uses, and reorder among siblings. Each is one undo step."""

from __future__ import annotations

import copy

from PySide6.QtCore import QCoreApplication

from ...core.codebook import HOTKEYS, AttributeDef, CategoryDef, Codebook, RelationDef, ValueDef
from .colours import PALETTE
from .commands import Snapshot
from .groups import free_key

translate = QCoreApplication.translate


class StructureMixin:
    """The structure half of CodebookEditor (the tree and form are the editor's)."""

    def _push_quiet(self, after: Codebook, text: str, path: tuple) -> None:
        self.undo.push(Snapshot(self, self.cb, after, text, path))

    def _push(self, after: Codebook, text: str, path: tuple) -> None:
        """A new entry: select it and put the cursor in its key, ready to type."""
        self.undo.push(Snapshot(self, self.cb, after, text, path))
        self._fill_form()
        self.f_key.setFocus()
        self.f_key.selectAll()

    def add_category(self) -> None:
        after = copy.deepcopy(self.cb)
        used = {c.key for c in after.categories}
        n = len(after.categories) + 1
        key = free_key(f"category_{n}", used)
        hot = next((h for h in HOTKEYS if h not in {c.hotkey for c in after.categories}), None)
        after.categories.append(CategoryDef(key, key, key, PALETTE[(n - 1) % len(PALETTE)],
                                            hot, group=self.folder()))
        self._push(after, translate("CodebookEditor", "Add category"), (("cat", len(after.categories) - 1),))

    def add_attribute(self) -> None:
        path = self.current_path()
        if not path or path[0][0] != "cat":
            return
        after = copy.deepcopy(self.cb)
        cat = after.categories[path[0][1]]
        key = free_key(f"attribute_{len(cat.attributes) + 1}", {a.key for a in cat.attributes})
        cat.attributes.append(AttributeDef(key, key, key, "text"))
        self._push(after, translate("CodebookEditor", "Add attribute"), (path[0], ("attr", len(cat.attributes) - 1)))

    def add_value(self) -> None:
        path = self.current_path()
        if len(path) < 2:
            return
        after = copy.deepcopy(self.cb)
        attr = after.categories[path[0][1]].attributes[path[1][1]]
        if attr.type != "choice":
            return
        key = free_key(f"value_{len(attr.values) + 1}", {v.key for v in attr.values})
        attr.values.append(ValueDef(key, key, key))
        self._push(after, translate("CodebookEditor", "Add value"), (path[0], path[1], ("val", len(attr.values) - 1)))

    def add_relation(self) -> None:
        if not self.cb.categories:
            return
        after = copy.deepcopy(self.cb)
        key = free_key(f"relation_{len(after.relations) + 1}", {r.key for r in after.relations})
        first = after.categories[0].key
        last = after.categories[-1].key
        after.relations.append(RelationDef(key, key, key, first, last))
        self._push(after, translate("CodebookEditor", "Add relation"), (("rel", len(after.relations) - 1),))

    def delete_current(self) -> None:
        """Delete the entry; one that stored annotations use is refused (retire it)."""
        path = self.current_path()
        e = self.entry(path)
        if e is None:
            return
        if path[0][0] == "grp":
            self.problems.setText("")
            self.delete_group(path)
            return
        used = self._uses(path)
        if used:
            self.problems.setText(translate("CodebookEditor", "'%1' is used by %2 annotations: it cannot be deleted. "
                                     "Retire it (hidden from coders, kept in the data) or "
                                     "merge it into another value.")
                                  .replace("%1", e.key).replace("%2", str(used)))
            return
        after = copy.deepcopy(self.cb)
        parent = self._siblings(after, path)
        parent.pop(path[-1][1])
        if path[0][0] == "cat" and len(path) == 1:
            after.relations = [r for r in after.relations
                               if e.key not in (r.from_category, r.to_category)]
        nxt = path[:-1] + ((path[-1][0], max(0, path[-1][1] - 1)),) if parent else path[:-1]
        if path[0][0] == "cat" and len(path) == 1:
            nxt = self._after_delete(path[0][1]) or nxt
        self.problems.setText("")
        self.undo.push(Snapshot(self, self.cb, after, translate("CodebookEditor", "Delete %1").replace("%1", e.key),
                                nxt))

    def _after_delete(self, i: int) -> tuple:
        """Where the selection goes when category i is deleted: a neighbour in its own
        group (the one before it, else after it), else the group itself; the list's
        neighbour could be in another group, far up the tree."""
        home = self.cb.categories[i].group
        near = [j for j, c in enumerate(self.cb.categories) if c.group == home and j != i]
        before = [j for j in near if j < i]
        if before:
            return (("cat", before[-1]),)
        if near:
            return (("cat", near[0] - 1),)  # the list is one shorter after the delete
        at = next((j for j, g in enumerate(self.cb.groups) if g.key == home), None)
        return (("grp", at),) if at is not None else ()

    def _uses(self, path: tuple) -> int:
        if self.project is None:
            return 0
        u = self.project.usage()
        keys = []
        cat = self.entry(path[:1])
        if path[0][0] == "rel":
            return u.relations[cat.key]
        keys.append(cat.key)
        if len(path) == 1:
            return u.categories[cat.key]
        attr = self.entry(path[:2])
        if len(path) == 2:
            return u.attributes[(cat.key, attr.key)]
        return u.values[(cat.key, attr.key, self.entry(path).key)]

    def _siblings(self, cb: Codebook, path: tuple) -> list:
        kind = path[-1][0]
        if kind == "rel":
            return cb.relations
        if kind == "cat":
            return cb.categories
        parent = self._entry_in(cb, path[:-1])
        return parent.attributes if kind == "attr" else parent.values

    def move(self, step: int) -> None:
        path = self.current_path()
        if len(path) == 1 and path[0][0] in ("cat", "grp"):
            self.move_in_folder(path, step)  # among the entries of its own group
        elif path:
            self._moved(path, path[-1][1] + step)

    def _moved(self, path: tuple, index: int) -> None:
        after = copy.deepcopy(self.cb)
        items = self._siblings(after, path)
        i = path[-1][1]
        if not 0 <= index < len(items) or index == i:
            self._redraw(path)
            return
        items.insert(index, items.pop(i))
        self.undo.push(Snapshot(self, self.cb, after, translate("CodebookEditor", "Reorder"),
                                path[:-1] + ((path[-1][0], index),)))
