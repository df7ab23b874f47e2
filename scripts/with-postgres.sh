#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL cluster: initdb in a temp folder, postgres on a free port on 127.0.0.1,
# DATABASE_URL and TEST_DATABASE_URL exported to the command, and the cluster stopped (by its process group) and
# deleted afterwards, whatever the command's outcome. Usage: scripts/with-postgres.sh npm run test:server
# PostgreSQL refuses to run as root, so as root the cluster runs as the user "postgres" (the Debian package makes it).
set -euo pipefail

find_bin() {
  if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN"; return; fi
  if command -v initdb >/dev/null 2>&1 && command -v postgres >/dev/null 2>&1; then dirname "$(readlink -f "$(command -v initdb)")"; return; fi
  # Debian keeps the server binaries out of PATH, one folder per major version; take the newest.
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then echo "$dir"; return; fi
  echo "with-postgres: no initdb found (install Debian's postgresql, or set PG_BIN)" >&2
  exit 1
}
BIN=$(find_bin)

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}
PORT=${PG_PORT:-$(free_port)}
DIR=$(mktemp -d /tmp/drydock-pg.XXXXXX)
RUN_AS=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres: "$DIR"
  # setpriv execs (runuser would stay as a parent that does not pass signals on).
  RUN_AS=(setpriv --reuid=postgres --regid=postgres --init-groups)
fi

"${RUN_AS[@]}" "$BIN/initdb" -D "$DIR/data" -U postgres -A trust -E UTF8 --no-locale --no-sync >"$DIR/initdb.log" 2>&1 \
  || { cat "$DIR/initdb.log" >&2; exit 1; }

# Its own session and so its own process group: stopping the group stops every backend with it.
setsid "${RUN_AS[@]}" "$BIN/postgres" -D "$DIR/data" -p "$PORT" -k "$DIR" -c listen_addresses=127.0.0.1 \
  -c max_connections=200 >"$DIR/postgres.log" 2>&1 &
PG_PID=$!

stop() {
  # SIGINT to the postmaster is PostgreSQL's "fast shutdown"; the group SIGKILL is for a postmaster that hangs.
  kill -INT "$PG_PID" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$PG_PID" 2>/dev/null || break; sleep 0.2; done
  kill -KILL -- "-$PG_PID" 2>/dev/null || true
  rm -rf "$DIR"
}
trap stop EXIT

for _ in $(seq 1 100); do
  if "$BIN/pg_isready" -h 127.0.0.1 -p "$PORT" -q 2>/dev/null; then break; fi
  if ! kill -0 "$PG_PID" 2>/dev/null; then cat "$DIR/postgres.log" >&2; exit 1; fi
  sleep 0.2
done
"$BIN/pg_isready" -h 127.0.0.1 -p "$PORT" -q || { echo "with-postgres: the cluster did not start" >&2; cat "$DIR/postgres.log" >&2; exit 1; }

export DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/postgres"
export TEST_DATABASE_URL="$DATABASE_URL"
echo "with-postgres: $("$BIN/postgres" --version) on 127.0.0.1:$PORT" >&2
"$@"
