#!/usr/bin/env bash
# postgres/start-debian.sh로 켠 PostgreSQL을 끕니다(이미 꺼져 있으면 그대로 끝납니다). 데이터는 남습니다.
set -euo pipefail

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  SUDO=(sudo)
fi

if ! command -v pg_lsclusters >/dev/null 2>&1; then
  echo "PostgreSQL이 설치되어 있지 않습니다"
  exit 0
fi
VERSION="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
if pg_lsclusters --no-header | awk -v v="$VERSION" '$1 == v && $2 == "main" {print $4}' | grep -q online; then
  "${SUDO[@]}" pg_ctlcluster "$VERSION" main stop -m fast
  echo "PostgreSQL 중지됨"
else
  echo "PostgreSQL은 이미 꺼져 있습니다"
fi
