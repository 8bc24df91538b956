"""Pure-Python core: project files, codebooks, import, agreement, export. Never imports Qt."""
