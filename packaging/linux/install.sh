#!/usr/bin/env bash
# Install the built one-folder app (dist/annotator) for one user or system-wide.
#
#   packaging/linux/install.sh            # into ~/.local (no root needed)
#   sudo packaging/linux/install.sh /usr/local
#   packaging/linux/install.sh --uninstall [PREFIX]
#
# Puts the app folder in PREFIX/lib/annotator, a link PREFIX/bin/annotator, the desktop
# entry, AppStream metadata, the .annot MIME type and the icons in PREFIX/share.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PKG="$(dirname "$HERE")"
ROOT="$(dirname "$PKG")"
ID=io.github.annotator.Annotator

uninstall=0
if [[ "${1:-}" == "--uninstall" ]]; then uninstall=1; shift; fi
PREFIX="${1:-$HOME/.local}"
SHARE="$PREFIX/share"

if [[ $uninstall == 1 ]]; then
    rm -rf "$PREFIX/lib/annotator" "$PREFIX/bin/annotator" \
        "$SHARE/applications/$ID.desktop" "$SHARE/metainfo/$ID.metainfo.xml" \
        "$SHARE/mime/packages/$ID.xml"
    find "$SHARE/icons/hicolor" -name "$ID.*" -delete 2>/dev/null || true
else
    [[ -x "$ROOT/dist/annotator/annotator" ]] || {
        echo "error: $ROOT/dist/annotator: not built yet; run packaging/build.sh" >&2; exit 1; }
    mkdir -p "$PREFIX/lib" "$PREFIX/bin" "$SHARE/applications" "$SHARE/metainfo" \
        "$SHARE/mime/packages"
    rm -rf "$PREFIX/lib/annotator"
    cp -a "$ROOT/dist/annotator" "$PREFIX/lib/annotator"
    ln -sfn "$PREFIX/lib/annotator/annotator" "$PREFIX/bin/annotator"
    install -m644 "$PKG/annotator.desktop" "$SHARE/applications/$ID.desktop"
    install -m644 "$PKG/$ID.metainfo.xml" "$SHARE/metainfo/$ID.metainfo.xml"
    install -m644 "$HERE/annotator-mime.xml" "$SHARE/mime/packages/$ID.xml"
    for png in "$PKG"/icons/annotator-*.png; do
        n="$(basename "$png" .png)"; n="${n#annotator-}"
        install -Dm644 "$png" "$SHARE/icons/hicolor/${n}x${n}/apps/$ID.png"
    done
    install -Dm644 "$PKG/icons/annotator.svg" "$SHARE/icons/hicolor/scalable/apps/$ID.svg"
fi
# Refresh the desktop's caches where the tools exist (harmless where they do not).
command -v update-mime-database >/dev/null && update-mime-database "$SHARE/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$SHARE/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$SHARE/icons/hicolor" || true
echo "$([[ $uninstall == 1 ]] && echo removed || echo installed) Annotator in $PREFIX"
