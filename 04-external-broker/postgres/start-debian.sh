#!/usr/bin/env bash
# Docker 없이 Debian/Ubuntu에서 PostgreSQL을 켜고, 4장이 쓰는 계정과 데이터베이스를 만듭니다.
# 몇 번을 실행해도 같은 결과입니다: 없으면 설치, 꺼져 있으면 켜고, 있으면 그대로 둡니다.
#   bash 04-external-broker/postgres/start-debian.sh   (보통은 ../start-servers.sh가 부릅니다)
# 만드는 것: 계정 chat/chat, 데이터베이스 chat(앱), chat_test(-Pservers 테스트가 시작할 때마다 비웁니다)
set -euo pipefail

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  SUDO=(sudo)
fi
# postgres 운영체제 사용자로 명령을 실행합니다(데이터베이스 관리자는 이 사용자로만 로그인됩니다).
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

# 1) 설치: Debian 패키지가 "main" 클러스터(데이터 폴더)까지 만듭니다. systemd가 없으면 켜지는 않습니다.
if ! command -v pg_lsclusters >/dev/null 2>&1; then
  echo "== postgresql 설치"
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" apt-get install -y -qq postgresql >/dev/null
fi

# 2) 클러스터: 설치된 가장 새 버전의 main 클러스터를 씁니다(없으면 만듭니다).
VERSION="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
if ! pg_lsclusters --no-header | awk -v v="$VERSION" '$1 == v && $2 == "main"' | grep -q .; then
  "${SUDO[@]}" pg_createcluster "$VERSION" main >/dev/null
fi

# 3) 시작: pg_ctlcluster는 서버가 연결을 받을 수 있을 때까지 기다립니다.
if pg_lsclusters --no-header | awk -v v="$VERSION" '$1 == v && $2 == "main" {print $4}' | grep -q online; then
  echo "== PostgreSQL $VERSION은 이미 실행 중입니다"
else
  echo "== PostgreSQL $VERSION 시작"
  "${SUDO[@]}" pg_ctlcluster "$VERSION" main start
fi

# 4) 계정과 데이터베이스. 방 이름·닉네임은 앱이 바인드 변수로만 넣으므로 이 계정에는 두 데이터베이스의 소유권만 줍니다.
if ! as_postgres psql -tAc "SELECT 1 FROM pg_roles WHERE rolname = 'chat'" | grep -q 1; then
  as_postgres psql -q -c "CREATE ROLE chat LOGIN PASSWORD 'chat'"
fi
for db in chat chat_test; do
  if ! as_postgres psql -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1; then
    as_postgres createdb -O chat "$db"
  fi
done

# 5) 한 줄 상태: 앱과 같은 방법(TCP, 비밀번호)으로 실제로 붙어 봅니다.
PORT="$(pg_lsclusters --no-header | awk -v v="$VERSION" '$1 == v && $2 == "main" {print $3}')"
if PGPASSWORD=chat psql -h 127.0.0.1 -p "$PORT" -U chat -d chat -tAc 'SELECT 1' >/dev/null 2>&1; then
  echo "PostgreSQL 준비됨: 127.0.0.1:$PORT, 데이터베이스 chat(테스트는 chat_test), 계정 chat/chat"
else
  echo "PostgreSQL은 켜졌지만 127.0.0.1:$PORT에 chat/chat으로 붙지 못했습니다: pg_hba.conf를 확인하세요" >&2
  exit 1
fi
