# Shared by the bench/ scripts (source it): servers on 127.0.0.1 ports nobody else uses, their CPU
# time, and stopping exactly the processes a script started. Sourcing scripts set `set -euo pipefail`.

bench_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAVA_HOME=$("$bench_root/scripts/find-jdk"); export JAVA_HOME
bench_pids=()

# Stops every process this script started (by pid, then waits); for `trap bench_stop_all EXIT`.
bench_stop_all() {
  local p
  for p in "${bench_pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${bench_pids[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$p" 2>/dev/null || true
  done
  bench_pids=()
}

# A TCP port on 127.0.0.1 that nothing listens on (20000-39999).
bench_free_port() {
  local p
  for _ in $(seq 1 200); do
    p=$((20000 + RANDOM % 20000))
    [ -z "$(ss -Htln "sport = :$p")" ] && { echo "$p"; return 0; }
  done
  echo "bench: no free port found" >&2; return 1
}

# User + system CPU seconds of PID and its live children (nginx: master and workers).
bench_cpu() {
  local total=0 p t
  for p in "$1" $(pgrep -P "$1" || true); do
    t=$(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$p/stat" 2>/dev/null || echo 0)
    total=$((total + t))
  done
  echo "scale=2; $total / $(getconf CLK_TCK)" | bc
}

# All cores' busy and total ticks from /proc/stat, as "BUSY TOTAL"; bench_busy_pct BEFORE AFTER prints percent.
bench_machine_ticks() { awk '/^cpu /{ t = $2+$3+$4+$5+$6+$7+$8+$9; print t - $5 - $6, t }' /proc/stat; }
bench_busy_pct() {
  local b0 t0 b1 t1
  read -r b0 t0 <<<"$1"; read -r b1 t1 <<<"$2"
  echo "scale=0; 100 * ($b1 - $b0) / ($t1 - $t0)" | bc
}

# Starts `metalboot serve --data DIR` on a free loopback port (TFTP off); sets mb_pid and mb_url.
bench_start_metalboot() {
  local data=$1 log=$2
  "$bench_root/metalboot" serve --data "$data" --http 127.0.0.1:0 --tftp off >"$log" 2>&1 &
  mb_pid=$!
  bench_pids+=("$mb_pid")
  for _ in $(seq 1 300); do
    grep -q '^serving ' "$log" && break
    kill -0 "$mb_pid" 2>/dev/null || break
    sleep 1
  done
  mb_url=$(grep -o 'http://127.0.0.1:[0-9]*/' "$log" | head -1 || true)
  if [ -z "$mb_url" ] || ! curl -sf -o /dev/null "${mb_url}healthz"; then
    echo "bench: metalboot serve did not start; its output:" >&2; cat "$log" >&2; return 1
  fi
}

# Starts nginx (the Debian package's binary, its own config: sendfile on, access log off, one worker per
# core) serving ROOT on a free loopback port, with config, logs and temp files in DIR; sets nginx_pid, nginx_url.
bench_start_nginx() {
  local root=$1 dir=$2 port
  command -v nginx >/dev/null || { echo "bench: nginx is not installed (apt-get install nginx)" >&2; return 1; }
  mkdir -p "$dir/tmp"
  chmod 755 "$dir" "$root" # nginx workers run as nobody when started as root
  for _ in 1 2 3; do
    port=$(bench_free_port)
    cat >"$dir/nginx.conf" <<EOF
worker_processes auto;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 10000000;
  default_type application/octet-stream;
  client_body_temp_path $dir/tmp/body;
  proxy_temp_path $dir/tmp/proxy;
  fastcgi_temp_path $dir/tmp/fastcgi;
  uwsgi_temp_path $dir/tmp/uwsgi;
  scgi_temp_path $dir/tmp/scgi;
  server { listen 127.0.0.1:$port; root $root; }
}
EOF
    nginx -p "$dir" -c "$dir/nginx.conf" -g 'daemon off;' >"$dir/out.log" 2>&1 &
    nginx_pid=$!
    bench_pids+=("$nginx_pid")
    nginx_url="http://127.0.0.1:$port/"
    for _ in $(seq 1 50); do
      curl -s -o /dev/null "$nginx_url" && return 0
      kill -0 "$nginx_pid" 2>/dev/null || break
      sleep 0.1
    done
  done
  echo "bench: nginx did not start:" >&2; cat "$dir/out.log" "$dir/error.log" >&2 2>/dev/null; return 1
}

# Seconds to milliseconds for wrk's latency figures (e.g. 812.00us, 3.21ms, 1.02s).
bench_wrk_ms() {
  case "$1" in
    *us) echo "scale=3; ${1%us} / 1000" | bc ;;
    *ms) echo "${1%ms}" ;;
    *s) echo "scale=3; ${1%s} * 1000" | bc ;;
    *) echo "$1" ;;
  esac
}
