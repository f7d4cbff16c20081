#!/usr/bin/env bash
# start-debian.sh로 켠 RabbitMQ를 끕니다(이미 꺼져 있으면 그대로 끝납니다).
set -euo pipefail

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  SUDO=(sudo)
fi

if ! command -v rabbitmqctl >/dev/null 2>&1; then
  echo "RabbitMQ가 설치되어 있지 않습니다"
  exit 0
fi

PID_FILE="/var/lib/rabbitmq/mnesia/rabbit@$(hostname -s).pid"
if "${SUDO[@]}" rabbitmqctl -q ping >/dev/null 2>&1; then
  # pid 파일을 주면 프로세스가 끝날 때까지 기다립니다.
  "${SUDO[@]}" rabbitmqctl -q stop "$PID_FILE"
  echo "RabbitMQ 중지됨"
else
  echo "RabbitMQ는 이미 꺼져 있습니다"
fi
