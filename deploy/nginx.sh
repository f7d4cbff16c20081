#!/usr/bin/env bash
# nginx를 https://localhost:8443 에 켜고 끕니다. 앞에는 TLS, 뒤에는 4장(또는 5장) 인스턴스 둘(8080, 8081).
#   bash deploy/nginx.sh start    # 처음이면 localhost용 자체 서명 인증서를 만듭니다(openssl)
#   bash deploy/nginx.sh stop
#   bash deploy/nginx.sh render   # 켜지 않고 인증서와 설정만 만듭니다(Docker로 켤 때: deploy/docker-compose.yml)
# 바꿀 수 있는 것(환경 변수): CHAT_PORT_A=8080 CHAT_PORT_B=8081 CHAT_NGINX_READ_TIMEOUT=65s CHAT_NGINX_DIR=/tmp/chat-nginx
# Debian의 nginx 패키지를 씁니다: sudo apt-get install -y nginx (설치하면 80번에 켜지는 기본 사이트는 이 스크립트와 상관없습니다.)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
run="${CHAT_NGINX_DIR:-/tmp/chat-nginx}"
nginx_bin="$(command -v nginx || true)"
[ -n "$nginx_bin" ] || nginx_bin=/usr/sbin/nginx

running() { [ -f "$run/nginx.pid" ] && kill -0 "$(cat "$run/nginx.pid" 2>/dev/null)" 2>/dev/null; }

# 실행 폴더에 인증서와 설정을 만듭니다(start와 Docker가 함께 씁니다).
render() {
  mkdir -p "$run/logs" "$run/tmp"
  if [ ! -f "$run/localhost.crt" ]; then
    # 브라우저가 localhost와 127.0.0.1 어느 쪽으로 열어도 이름이 맞도록 둘 다 넣습니다. 자체 서명이므로 브라우저는 한 번 경고합니다.
    openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=localhost" \
      -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
      -keyout "$run/localhost.key" -out "$run/localhost.crt" 2>/dev/null
  fi
  sed -e "s/@PORT_A@/${CHAT_PORT_A:-8080}/g" -e "s/@PORT_B@/${CHAT_PORT_B:-8081}/g" \
    -e "s/@READ_TIMEOUT@/${CHAT_NGINX_READ_TIMEOUT:-65s}/g" "$here/nginx.conf" > "$run/nginx.conf"
  cp "$here/proxy-headers.conf" "$run/proxy-headers.conf"
}

case "${1:-}" in
  render)
    render
    echo "만들었습니다: $run/nginx.conf, $run/localhost.crt (Docker: docker compose -f deploy/docker-compose.yml up)"
    ;;
  start)
    if [ ! -x "$nginx_bin" ]; then
      echo "nginx가 없습니다. 설치: sudo apt-get install -y nginx" >&2
      exit 1
    fi
    render
    if running; then
      "$nginx_bin" -p "$run/" -c "$run/nginx.conf" -s stop 2>/dev/null
      while running; do sleep 0.2; done
    fi
    "$nginx_bin" -p "$run/" -c "$run/nginx.conf" -t -q
    "$nginx_bin" -p "$run/" -c "$run/nginx.conf"
    echo "nginx: https://localhost:8443 → 127.0.0.1:${CHAT_PORT_A:-8080}, 127.0.0.1:${CHAT_PORT_B:-8081} (인증서: $run/localhost.crt)"
    ;;
  stop)
    if running; then
      "$nginx_bin" -p "$run/" -c "$run/nginx.conf" -s stop 2>/dev/null
      echo "nginx를 껐습니다"
    else
      echo "nginx가 켜져 있지 않습니다"
    fi
    ;;
  *)
    echo "쓰는 법: bash deploy/nginx.sh start|stop|render" >&2
    exit 2
    ;;
esac
