#!/usr/bin/env bash
# 4장이 쓰는 서버 둘을 Docker 없이 Debian/Ubuntu에서 켭니다: 메시지를 나르는 RabbitMQ(STOMP 플러그인)와,
# 여러 인스턴스가 함께 보는 방의 상태(순번, 기록, 입장한 사람)를 두는 PostgreSQL.
# 몇 번을 실행해도 같은 결과입니다(없으면 설치, 꺼져 있으면 켜기, 켜져 있으면 상태만 알림).
#   bash 04-external-broker/start-servers.sh
# 끄기: bash 04-external-broker/stop-servers.sh   (Docker가 있다면 대신 docker compose -f 04-external-broker/docker-compose.yml up -d)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bash "$here/rabbitmq/start-debian.sh"
bash "$here/postgres/start-debian.sh"
