# Throwaway PostgreSQL cluster for tests and benchmarks. Source it, then: pg_start; ...; pg_stop
# Sets PG_URL. Runs the server as an unprivileged user when started as root (initdb refuses root).
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
PG_PORT=${PG_PORT:-55432}
PG_DIR=${PG_DIR:-$(mktemp -d /tmp/canbo-pg.XXXXXX)}

_pg_run() {
  if [ "$(id -u)" = 0 ]; then
    id canbo-pg >/dev/null 2>&1 || useradd --system --no-create-home canbo-pg
    chown -R canbo-pg "$PG_DIR"
    runuser -u canbo-pg -- "$@"
  else
    "$@"
  fi
}

pg_start() {
  local initdb="$PG_BIN/initdb" pg_ctl="$PG_BIN/pg_ctl"
  [ -x "$initdb" ] || initdb=$(command -v initdb)
  [ -x "$pg_ctl" ] || pg_ctl=$(command -v pg_ctl)
  chmod 755 "$PG_DIR"
  _pg_run "$initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  _pg_run "$pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
  PG_URL="postgres://postgres@127.0.0.1:$PG_PORT/canbo"
  export PG_URL
  echo "== PostgreSQL on 127.0.0.1:$PG_PORT"
}

pg_stop() {
  local pg_ctl="$PG_BIN/pg_ctl"
  [ -x "$pg_ctl" ] || pg_ctl=$(command -v pg_ctl)
  _pg_run "$pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
