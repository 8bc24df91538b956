#!/usr/bin/env bash
# Build the one-folder app: dist/annotator/annotator (+ dist/annotator/_internal/).
#
#   packaging/build.sh            # from anywhere; uses .venv/bin/python if present
#   PYTHON=python3 packaging/build.sh
#
# Needs PyInstaller (pip install -e ".[package]"). Works the same on Linux, macOS and
# Windows (Git Bash); only Linux is tested in this repository. Prints the build time and
# the bundle size, then runs a smoke test of the built executable.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
if [[ -z "${PYTHON:-}" ]]; then
    if [[ -x .venv/bin/python ]]; then PYTHON=.venv/bin/python
    elif [[ -x .venv/Scripts/python.exe ]]; then PYTHON=.venv/Scripts/python.exe
    else PYTHON=python3; fi
fi
"$PYTHON" -c "import PyInstaller" 2>/dev/null || {
    echo "error: PyInstaller is not installed; run: pip install -e '.[package]'" >&2; exit 1; }

# Compile translations if the Qt tools are around and a .ts is newer than its .qm.
LRELEASE="$("$PYTHON" -c 'import shutil,sys,os; p=shutil.which("pyside6-lrelease", path=os.path.dirname(sys.executable)+os.pathsep+os.environ.get("PATH","")); print(p or "")')"
if [[ -n "$LRELEASE" ]]; then
    for ts in annotator/resources/i18n/*.ts; do
        [[ -e "$ts" ]] || continue
        qm="${ts%.ts}.qm"
        if [[ ! -e "$qm" || "$ts" -nt "$qm" ]]; then "$LRELEASE" -silent "$ts" -qm "$qm"; fi
    done
fi

start=$(date +%s)
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$ROOT/dist" --workpath "$ROOT/build/pyinstaller" packaging/annotator.spec
end=$(date +%s)

APP="$ROOT/dist/annotator"
EXE="$APP/annotator"
[[ -x "$EXE" ]] || EXE="$APP/annotator.exe"
size=$(du -sh "$APP" | cut -f1)
echo "built $APP in $((end - start)) s, $size"

# Smoke test: the frozen CLI creates a project, imports the demo article, checks it.
if [[ "${SKIP_SMOKE:-0}" != 1 ]]; then
    tmp="$(mktemp -d)"
    trap 'rm -rf "$tmp"' EXIT
    export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
    "$EXE" --version
    "$EXE" new "$tmp/smoke.annot" >/dev/null
    "$EXE" import "$tmp/smoke.annot" annotator/resources/sample >/dev/null
    "$EXE" check "$tmp/smoke.annot"
    echo "smoke test passed"
fi
