"""The editor's form: every field of the selected entry, shown for its kind; edits
become one undo step each, and a hotkey clash is refused as it is typed."""

from __future__ import annotations

import copy

from PySide6.QtCore import QCoreApplication

from ...core.codebook import (
    HOTKEYS,
    AttributeDef,
    CategoryDef,
    Codebook,
    GroupDef,
    RelationDef,
    ValueDef,
)
from .. import i18n
from .colours import is_colour, readable
from .commands import Snapshot

translate = QCoreApplication.translate


class FormMixin:
    """The form half of CodebookEditor (it owns the widgets `_build` makes)."""

    # --- the form -------------------------------------------------------------------

    def _fill_form(self) -> None:
        if self._filling:
            return
        e = self.entry()
        kind = _kind(e)
        shown = {"key", "name_en", "name_ar", "description"} if e is not None else set()
        shown |= {"category": {"color", "contrast", "hotkey", "hotkey_msg", "kind", "retired",
                               "group"}, "group": {"group"},
                  "attribute": {"type", "required", "ordinal"}, "value": {"retired"},
                  "relation": {"from", "to"}}.get(kind, set())
        for name, w in self.rows:
            self.form.setRowVisible(w, name in shown)
        self._update_buttons()
        if e is None:
            return
        self._filling = True
        try:
            for field, text in ((self.f_key, e.key), (self.f_name_en, e.name_en),
                                (self.f_name_ar, e.name_ar)):
                field.setText(text)
                field.setCursorPosition(0)  # a long name shows its start, not its end
            self.f_desc_en.setPlainText(e.description)
            if kind in ("category", "group"):
                self.f_group.clear()
                for label, key in self.group_choices(e):
                    self.f_group.addItem(label, key)
                self.f_group.setCurrentIndex(
                    max(0, self.f_group.findData(e.group if kind == "category" else e.parent)))
            if kind == "category":
                self.f_color.setText(e.color)
                self._show_contrast(e.color)
                self.f_hotkey.setText(e.hotkey or "")
                self.f_hotkey_msg.setText("")
                self.f_kind.setCurrentIndex(self.f_kind.findData(e.kind))
                self.f_retired.setChecked(e.retired)
            elif kind == "attribute":
                self.f_type.setCurrentIndex(self.f_type.findData(e.type))
                self.f_required.setChecked(e.required)
                self.f_ordinal.setChecked(e.ordinal)
            elif kind == "value":
                self.f_retired.setChecked(e.retired)
            elif kind == "relation":
                for combo, value in ((self.f_from, e.from_category), (self.f_to, e.to_category)):
                    combo.clear()
                    for c in self.cb.categories:
                        combo.addItem(c.key, c.key)
                    combo.setCurrentIndex(combo.findData(value))
        finally:
            self._filling = False

    def _update_buttons(self) -> None:
        kind = _kind(self.entry())
        self.merge_button.setVisible(kind == "value" and self.project is not None)
        self.split_button.setVisible(self.project is not None)
        self.split_button.setEnabled(kind == "category")
        self.buttons["add_attribute"].setEnabled(kind in ("category", "attribute", "value"))
        self.buttons["add_value"].setEnabled(
            kind in ("attribute", "value") and self._attribute().type == "choice")

    def _attribute(self):
        path = self.current_path()
        return self.entry(path[:2]) if len(path) >= 2 else None

    def _show_contrast(self, colour: str) -> None:
        try:
            ok = readable(colour)
        except (ValueError, IndexError):
            self.f_contrast.setText(translate("CodebookEditor", "not a colour like #aec7e8"))
            return
        self.f_contrast.setText(translate("CodebookEditor", "✓ dark text reads on it") if ok else
                                translate("CodebookEditor", "✗ too dark or too pale for highlighted text: choose a "
                                   "lighter, clearer colour"))

    def _colour_typed(self, text: str) -> None:
        self._show_contrast(text.strip().lower() if len(text.strip()) == 7 else "")

    def _hotkey_typed(self, text: str) -> None:
        """A clash is refused as it is typed: the field goes back, a line says why."""
        e = self.entry()
        text = text.strip()
        other = next((c for c in self.cb.categories if c is not e and c.hotkey == text
                      and not c.retired), None) if text else None
        if text and text not in HOTKEYS:
            self.f_hotkey_msg.setText(translate("CodebookEditor", "a hotkey is one digit, 1 to 9"))
        elif other is not None:
            self.f_hotkey_msg.setText(translate("CodebookEditor", "%1 is already the key of '%2'")
                                      .replace("%1", text).replace("%2", i18n.name(other)))
        else:
            self.f_hotkey_msg.setText("")
            self._commit_form()
            return
        self.f_hotkey.setText(e.hotkey or "")

    def _commit_form(self) -> None:
        """The form's values into a new codebook: one undo step when anything changed."""
        if self._filling:
            return
        e = self.entry()
        if e is None:
            return
        path = self.current_path()
        after = copy.deepcopy(self.cb)
        n = self._entry_in(after, path)
        n.key = self.f_key.text().strip()
        n.name_en = self.f_name_en.text().strip()
        n.name_ar = self.f_name_ar.text().strip()
        n.description = self.f_desc_en.toPlainText().strip()
        kind = _kind(e)
        if kind == "category":
            colour = self.f_color.text().strip().lower()
            if is_colour(colour):
                n.color = colour
            n.hotkey = self.f_hotkey.text().strip() or None
            n.kind = self.f_kind.currentData()
            n.retired = self.f_retired.isChecked()
            n.group = self.f_group.currentData()
            if n.key != e.key:  # relations follow a renamed key
                for r in after.relations:
                    r.from_category = n.key if r.from_category == e.key else r.from_category
                    r.to_category = n.key if r.to_category == e.key else r.to_category
        elif kind == "attribute":
            n.type = self.f_type.currentData()
            n.required = self.f_required.isChecked()
            n.ordinal = self.f_ordinal.isChecked() and n.type == "choice"
            if n.type != "choice":
                n.values = []
        elif kind == "value":
            n.retired = self.f_retired.isChecked()
        elif kind == "group":
            n.parent = self.f_group.currentData()
            if n.key != e.key:
                self._rename_group(after, e.key, n.key)
        elif kind == "relation":
            n.from_category = self.f_from.currentData() or n.from_category
            n.to_category = self.f_to.currentData() or n.to_category
        if after.to_dict() != self.cb.to_dict():
            self.undo.push(Snapshot(self, self.cb, after,
                                    translate("CodebookEditor", "Edit %1").replace("%1", n.key),
                                    path, from_form=True))

    def _entry_in(self, cb: Codebook, path: tuple):
        keep, self.cb = self.cb, cb
        try:
            return self.entry(path)
        finally:
            self.cb = keep


def _kind(e) -> str | None:
    return {CategoryDef: "category", AttributeDef: "attribute", ValueDef: "value",
            RelationDef: "relation", GroupDef: "group"}.get(type(e))
