#!/usr/bin/env bash
# Docker 없이 Debian/Ubuntu에서 RabbitMQ(STOMP 플러그인 포함)를 켭니다.
# 몇 번을 실행해도 같은 결과입니다: 없으면 설치, 꺼져 있으면 켜고, 켜져 있으면 상태만 알려 줍니다.
#   bash 04-external-broker/rabbitmq/start-debian.sh
# 끄기: bash 04-external-broker/rabbitmq/stop-debian.sh
set -euo pipefail

# root가 아니면 sudo로 실행합니다(CI와 컨테이너는 보통 root입니다).
SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  SUDO=(sudo)
fi

# 1) 설치: Debian 패키지가 Erlang까지 함께 설치합니다. 설치만 하고 서버를 켜지는 않습니다
#    (systemd가 없는 컨테이너에서는 패키지가 서비스를 시작하지 못합니다).
if ! command -v rabbitmq-server >/dev/null 2>&1; then
  echo "== rabbitmq-server 설치"
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" apt-get install -y -qq rabbitmq-server >/dev/null
fi

# 2) STOMP 플러그인. 켤 플러그인 목록(/etc/rabbitmq/enabled_plugins)에 이미 있으면 건너뜁니다.
#    노드가 꺼져 있으면 --offline으로 목록만 고치고(다음 시작부터 61613이 열림),
#    systemd가 있는 컴퓨터처럼 설치하자마자 노드가 떠 있으면 실행 중인 노드에 바로 켭니다.
if ! grep -qs rabbitmq_stomp /etc/rabbitmq/enabled_plugins; then
  if "${SUDO[@]}" rabbitmqctl -q ping >/dev/null 2>&1; then
    "${SUDO[@]}" rabbitmq-plugins enable rabbitmq_stomp >/dev/null \
      || "${SUDO[@]}" rabbitmq-plugins enable --offline rabbitmq_stomp >/dev/null
  else
    "${SUDO[@]}" rabbitmq-plugins enable --offline rabbitmq_stomp >/dev/null
  fi
fi

# 3) 파일 디스크립터 한도: 브라우저 세션 하나가 브로커 연결 하나입니다. rabbitmq 사용자의 기본 한도 1024로는
#    천 명 남짓에서 "out of file descriptors"로 새 연결을 못 받고 노드 일부가 멈춥니다(실제로 겪었습니다).
#    rabbitmq-server는 su로 rabbitmq 사용자가 되며 pam_limits가 이 파일을 읽습니다(이미 켜진 노드는 다음 시작부터).
LIMITS=/etc/security/limits.d/rabbitmq.conf
if [ -d /etc/security/limits.d ] && [ ! -f "$LIMITS" ]; then
  n="$(ulimit -Hn)"
  [ "$n" = unlimited ] && n=65536
  printf 'rabbitmq soft nofile %s\nrabbitmq hard nofile %s\n' "$n" "$n" | "${SUDO[@]}" tee "$LIMITS" >/dev/null
fi

# 4) 시작: 노드가 pid 파일을 쓰고 나면 rabbitmqctl wait가 부팅 완료까지 기다립니다.
#    -detached 바로 뒤의 `rabbitmqctl await_startup`은 노드가 등록되기 전이라 실패합니다.
PID_FILE="/var/lib/rabbitmq/mnesia/rabbit@$(hostname -s).pid"
if ! "${SUDO[@]}" rabbitmqctl -q ping >/dev/null 2>&1; then
  echo "== RabbitMQ 시작"
  "${SUDO[@]}" rabbitmq-server -detached
elif ! "${SUDO[@]}" rabbitmq-diagnostics -q check_running >/dev/null 2>&1; then
  # 노드는 살아 있는데 앱만 멈춘 경우(rabbitmqctl stop_app 뒤)에는 앱만 다시 켭니다.
  echo "== RabbitMQ 앱 다시 시작"
  "${SUDO[@]}" rabbitmqctl -q start_app
else
  echo "== RabbitMQ는 이미 실행 중입니다"
fi
"${SUDO[@]}" rabbitmqctl -q wait --timeout 60 "$PID_FILE" >/dev/null

# 5) 한 줄 상태: STOMP 리스너가 열렸는지까지 확인합니다.
if "${SUDO[@]}" rabbitmq-diagnostics -q listeners 2>/dev/null | grep -q 61613; then
  echo "RabbitMQ 준비됨: STOMP 127.0.0.1:61613 (guest/guest, 이 컴퓨터에서만), 가상 호스트 /"
else
  echo "RabbitMQ는 켜졌지만 STOMP 포트 61613이 열리지 않았습니다: rabbitmq-plugins list 로 확인하세요" >&2
  exit 1
fi
