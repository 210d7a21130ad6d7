# Durable PostgreSQL cluster for the voting benchmark. Source it, then: pg_bench_start; ...; pg_bench_stop
# Same as scripts/pg.sh but with the settings a real server keeps: fsync=on, synchronous_commit=on,
# full_page_writes=on (an acknowledged ballot is on disk before the receipt is shown).
# Sets PG_URL (database "canbo", created here). Runs as an unprivileged user when started as root.
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
PG_PORT=${PG_PORT:-55442}
PG_DIR=${PG_DIR:-$(mktemp -d /tmp/canbo-pgbench.XXXXXX)}
PG_SETTINGS="-c fsync=on -c synchronous_commit=on -c full_page_writes=on -c shared_buffers=256MB -c max_connections=100"

_pg_run() {
  if [ "$(id -u)" = 0 ]; then
    id canbo-pg >/dev/null 2>&1 || useradd --system --no-create-home canbo-pg
    chown -R canbo-pg "$PG_DIR"
    runuser -u canbo-pg -- "$@"
  else
    "$@"
  fi
}

pg_bench_start() {
  local initdb="$PG_BIN/initdb" pg_ctl="$PG_BIN/pg_ctl" psql="$PG_BIN/psql"
  [ -x "$initdb" ] || initdb=$(command -v initdb)
  [ -x "$pg_ctl" ] || pg_ctl=$(command -v pg_ctl)
  [ -x "$psql" ] || psql=$(command -v psql)
  chmod 755 "$PG_DIR"
  _pg_run "$initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  _pg_run "$pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 $PG_SETTINGS" start >/dev/null
  "$psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -q -c "CREATE DATABASE canbo" >/dev/null
  PG_URL="postgres://postgres@127.0.0.1:$PG_PORT/canbo"
  export PG_URL
  echo "== durable PostgreSQL on 127.0.0.1:$PG_PORT ($PG_SETTINGS)"
}

pg_bench_stop() {
  local pg_ctl="$PG_BIN/pg_ctl"
  [ -x "$pg_ctl" ] || pg_ctl=$(command -v pg_ctl)
  _pg_run "$pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
