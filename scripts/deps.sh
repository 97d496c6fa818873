#!/usr/bin/env bash
# Installs the Debian packages ziping needs that are not installed yet. Idempotent: when
# everything is present it only asks dpkg and returns in well under a second.
set -euo pipefail

packages=(
  # toolchain
  g++ cmake ninja-build pkg-config make clang libclang-rt-14-dev clang-format python3
  python3-yaml # tests/meta/openapi_routes.py reads docs/openapi.yaml
  # libraries of the core
  libicu-dev libtomlplusplus-dev libcli11-dev
  # spreadsheets: XLSX writer, and the reader's zip and XML (stack.md §4)
  libxlsxwriter-dev libzip-dev libpugixml-dev
  # PDF output: cairo + pango, and the CJK font it needs at run time (stack.md §6)
  libcairo2-dev libpango1.0-dev fonts-noto-cjk
  # web-page import: libgumbo, the HTML5 parser (static archive, stack.md)
  libgumbo-dev
  # PDF import (poppler-cpp) and the tools its tests use to look at PDFs
  libpoppler-cpp-dev poppler-utils
  # storage: SQLite (the default file) and PostgreSQL (client library; the server for the
  # throwaway clusters the tests start, scripts/pg_throwaway.sh; runuser comes with util-linux)
  libsqlite3-dev libsqlitecpp-dev libpqxx-dev postgresql util-linux
  # accounts: argon2id password hashes, random tokens, SHA-256 for the audit trail
  libsodium-dev
  # the HTTP server: Boost.Beast/Asio (header-only); cpp-httplib is the tests' HTTP client
  libboost-dev libcpp-httplib-dev
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev hyperfine
  # load measurements of the API (docs/api.md)
  wrk
  # the deployment behind nginx with TLS (docs/deployment.md, tests/stress/behind_nginx.py)
  nginx-light openssl
  # the web UI's tests run in Debian's Chromium through playwright-core (never a downloaded browser)
  chromium
)

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done
# The web UI is built with npm. Node.js may come from NodeSource (whose nodejs package carries
# npm, and conflicts with Debian's npm package), so it is asked for only when there is no node
# at all. Debian 12's nodejs is 18, too old for Vite 8 (≥ 20.19): the build then skips the UI
# and says so (cmake/web.cmake).
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  missing+=(nodejs npm)
fi
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "scripts/deps.sh: installing ${missing[*]}"
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "scripts/deps.sh: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
