#!/usr/bin/env bash
# Starts or stops moto's AWS emulator on a free loopback port.
#   scripts/emulators/moto.sh start STATE_DIR   → prints `export AWS_ENDPOINT_URL=…` lines for eval
#   scripts/emulators/moto.sh stop STATE_DIR
# The PID and port are kept in STATE_DIR so `stop` (from a trap) ends exactly what `start` began.
set -euo pipefail
action=${1:?usage: moto.sh start|stop STATE_DIR}
state=${2:?usage: moto.sh start|stop STATE_DIR}
mkdir -p "$state"

case "$action" in
start)
  if ! command -v moto_server >/dev/null 2>&1; then
    echo "moto.sh: moto_server is not installed; install it with: pip install 'moto[server]'" >&2
    exit 1
  fi
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  # AWS managed policies (AmazonSSMManagedInstanceCore…) exist only when moto loads them.
  MOTO_IAM_LOAD_MANAGED_POLICIES=true moto_server -H 127.0.0.1 -p "$port" >"$state/moto.log" 2>&1 &
  echo $! >"$state/moto.pid"
  echo "$port" >"$state/moto.port"
  for _ in $(seq 1 100); do
    if curl -fsS "http://127.0.0.1:$port/moto-api/data.json" >/dev/null 2>&1; then
      echo "export AWS_ENDPOINT_URL=http://127.0.0.1:$port"
      echo "export PLINTH_MOTO_URL=http://127.0.0.1:$port"
      exit 0
    fi
    if ! kill -0 "$(cat "$state/moto.pid")" 2>/dev/null; then break; fi
    sleep 0.1
  done
  echo "moto.sh: moto_server did not become ready on 127.0.0.1:$port; its log:" >&2
  cat "$state/moto.log" >&2 || true
  exit 1
  ;;
stop)
  if [[ -f "$state/moto.pid" ]]; then
    pid=$(cat "$state/moto.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$state/moto.pid" "$state/moto.port"
  fi
  ;;
*)
  echo "usage: moto.sh start|stop STATE_DIR" >&2
  exit 2
  ;;
esac
