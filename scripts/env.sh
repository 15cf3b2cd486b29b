# Sourced by demo.sh and test.sh: make sure .venv exists and has this checkout installed.
# Re-installs only when pyproject.toml changed since the last install.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${GHATNA_VENV:-$root/.venv}"
python="${PYTHON:-python3}"
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "ghatna needs Python 3.11 or newer; set PYTHON=/path/to/python3.11" >&2
    exit 2
fi
stamp="$venv/.ghatna-installed"
want="$(sha256sum "$root/pyproject.toml" | cut -d' ' -f1)"
if [ ! -x "$venv/bin/python" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    echo "setting up $venv (first run or changed dependencies) …" >&2
    "$python" -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --upgrade pip
    "$venv/bin/python" -m pip install --quiet -e "$root[web,train,test,postgres,spark,accurate,finetune,kbtools]"
    echo "$want" > "$stamp"
fi
export PATH="$venv/bin:$PATH"
