#!/usr/bin/env bash
# start-servers.sh로 켠 RabbitMQ와 PostgreSQL을 끕니다. PostgreSQL의 데이터(대화 기록)는 남습니다.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bash "$here/rabbitmq/stop-debian.sh"
bash "$here/postgres/stop-debian.sh"
