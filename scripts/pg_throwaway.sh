#!/usr/bin/env bash
# scripts/pg_throwaway.sh CMD [ARGS…] — runs CMD with a fresh, private PostgreSQL cluster and
# removes it afterwards, whatever CMD does. CMD finds the database in
#   ZIPING_TEST_PG_URL   postgresql:///ziping_test?host=SOCKETDIR&port=PORT&user=postgres
# The cluster listens on a unix socket in its own temporary directory only (no TCP port, so
# parallel runs cannot collide), with fsync off: it is for tests, never for data.
#
# As root, the server runs as the `postgres` user (initdb refuses root); otherwise as the
# current user. Missing server binaries are an error, not a skip: CI must run these tests
# (scripts/deps.sh installs postgresql). Exit status: CMD's, or 1 when the cluster could not
# be started.
set -euo pipefail

die() { echo "pg_throwaway: $*" >&2; exit 1; }

[[ $# -ge 1 ]] || die "usage: scripts/pg_throwaway.sh CMD [ARGS…]"

PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)}
[[ -n "$PGBIN" && -x "$PGBIN/initdb" && -x "$PGBIN/pg_ctl" ]] ||
  die "PostgreSQL server binaries not found (looked in /usr/lib/postgresql/*/bin); install them with scripts/deps.sh (Debian package postgresql)"

# initdb's shell steps write to /dev/null as the server's user: a /dev/null that something has
# replaced by a regular file (a rename onto it, as root) makes initdb fail obscurely.
[[ -c /dev/null ]] || die "/dev/null is not a character device (something replaced it); as root: rm /dev/null && mknod -m 666 /dev/null c 1 3"

as_owner=()
owner=$(id -un)
if [[ $(id -u) -eq 0 ]]; then
  id postgres >/dev/null 2>&1 || die "running as root needs the 'postgres' user (created by the Debian package postgresql)"
  command -v runuser >/dev/null || die "running as root needs runuser (util-linux)"
  as_owner=(runuser -u postgres --)
  owner=postgres
fi

# Short path: a unix socket path must stay under 107 bytes.
PGTMP=$(mktemp -d /tmp/zpg.XXXXXX)
chmod 700 "$PGTMP"
[[ $owner == "$(id -un)" ]] || chown "$owner" "$PGTMP"
PGPORT=5432 # names the socket file only: nothing listens on TCP

cleanup() {
  local status=$?
  if [[ -f "$PGTMP/data/postmaster.pid" ]]; then
    "${as_owner[@]}" "$PGBIN/pg_ctl" -D "$PGTMP/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$PGTMP"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if ! "${as_owner[@]}" "$PGBIN/initdb" -D "$PGTMP/data" -U postgres -A trust -E UTF8 \
  --locale=C.UTF-8 --no-sync >"$PGTMP/initdb.log" 2>&1; then
  cat "$PGTMP/initdb.log" >&2
  die "initdb failed"
fi
if ! "${as_owner[@]}" "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/server.log" -w -t 30 \
  -o "-c listen_addresses='' -k $PGTMP -p $PGPORT -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null; then
  cat "$PGTMP/server.log" >&2 || true
  die "the server did not start"
fi
"${as_owner[@]}" "$PGBIN/createdb" -h "$PGTMP" -p "$PGPORT" -U postgres ziping_test ||
  die "createdb failed"

export ZIPING_TEST_PG_URL="postgresql:///ziping_test?host=$PGTMP&port=$PGPORT&user=postgres"
"$@"
