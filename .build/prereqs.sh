#!/usr/bin/env bash
# Makes sure the non-Maven tools Errata's build runs are present.
#   prereqs.sh notebooks  — Jupyter (notebook, nbconvert, nbclient) under /usr/bin/python3
#   prereqs.sh tests      — the above plus scikit-learn (differential tests), Chromium (rendering
#                           checks), Node.js and npm (the JupyterLab rendering check) and
#                           PostgreSQL (experiment-log store tests)
#   prereqs.sh bench      — the benchmark's peers: scikit-learn and pandas
# As root on Debian/Ubuntu it installs what is missing with apt-get; otherwise it stops and prints
# the exact line to run. Safe to run again: it does nothing when everything is there.
set -euo pipefail

what="${1:-tests}"
python="${ERRATA_PYTHON:-/usr/bin/python3}"
modules="nbclient, nbconvert, notebook"
packages="jupyter-notebook jupyter-nbconvert python3-nbclient"
if [ "$what" = "tests" ]; then
  modules="$modules, sklearn"
  packages="$packages python3-sklearn chromium nodejs npm postgresql"
elif [ "$what" = "bench" ]; then
  modules="sklearn, pandas"
  packages="python3-sklearn python3-pandas"
fi

have_all() {
  [ -x "$python" ] || return 1
  "$python" -c "import $modules" >/dev/null 2>&1 || return 1
  if [ "$what" = "tests" ]; then
    command -v chromium >/dev/null 2>&1 || return 1
    command -v npm >/dev/null 2>&1 || return 1
    ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || return 1
  fi
  return 0
}

if have_all; then
  exit 0
fi

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "[errata] installing with apt-get: $packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update -q
  # shellcheck disable=SC2086
  apt-get -o DPkg::Lock::Timeout=600 install -y -q $packages
  if have_all; then
    exit 0
  fi
  echo "[errata] apt-get finished but $python still cannot import: $modules" >&2
  exit 1
fi

echo "[errata] missing prerequisites for '$what'. Install them with:" >&2
echo "    sudo apt-get install -y $packages" >&2
echo "or, without Debian packages (then set ERRATA_PYTHON to that python):" >&2
echo "    python3 -m pip install notebook nbconvert nbclient scikit-learn==1.2.* pandas" >&2
exit 1
