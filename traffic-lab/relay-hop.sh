#!/usr/bin/env bash
# 4장의 지연을 구간으로 나눕니다. 실험실의 --capacity(4장, 1,000명)를 돌리는 동안 루프백의 패킷 시각만 적고(tcpdump, 내용은 보지 않음),
# 방송 하나마다 세 구간을 잽니다.
#   1) 서버 안: 보낸 사람의 WebSocket SEND가 서버에 닿은 때 → 서버가 그 글을 RabbitMQ로 SEND한 때(컨트롤러, 데이터베이스 트랜잭션).
#   2) 브로커 팬아웃: 그 SEND → RabbitMQ가 1,000개 큐의 복사본을 릴레이 연결들로 내보낸 때(k번째 복사본).
#   3) 릴레이 한 홉: k번째 복사본이 브로커를 떠난 때 → k번째 MESSAGE가 서버에서 WebSocket으로 나간 때(순위끼리 짝지음).
# "RabbitMQ 직접"(바닥)과 4장의 차이가 어느 구간에서 생기는지 보려고 만들었습니다.
# 필요: root(tcpdump가 루프백을 읽음), Debian의 tcpdump, python3, 켜 둔 RabbitMQ와 PostgreSQL(04-external-broker/start-servers.sh).
#   bash traffic-lab/relay-hop.sh [출력 폴더]      (기본: docs/traffic/04-postgres/relay-hop)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/docs/traffic/04-postgres/relay-hop}"
mkdir -p "$out"
work="$(mktemp -d)"
trap 'kill "${dump:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
cd "$root"
started="$(date -u '+%Y-%m-%d %H:%M UTC')"
mvn -q -pl traffic-lab exec:java -Dexec.args="--capacity --chapters=04 --out=$work/lab" > "$work/lab.log" 2>&1 &
lab=$!
# 입장(참여자 목록이 1,000명에게 가는 구간)은 패킷이 너무 많으므로, 입장이 끝난 뒤부터 적습니다.
until grep -q "입장 꼬리" "$work/lab.log"; do
  kill -0 "$lab" 2>/dev/null || { cat "$work/lab.log" >&2; exit 1; }
  sleep 1
done
port="$(grep -o '04장 서버 준비됨: 포트 [0-9]*' "$work/lab.log" | grep -o '[0-9]*$')"
tcpdump -i lo -nn -tt -s 96 -w "$work/lo.pcap" "tcp port $port or tcp port 61613" 2>/dev/null &
dump=$!
wait "$lab"
kill "$dump"; wait "$dump" 2>/dev/null || true
cp "$work/lab/capacity.md" "$out/capacity.md"
tcpdump -nn -tt -r "$work/lo.pcap" 2>/dev/null > "$work/lo.txt"
python3 - "$work/lo.txt" "$port" "$started" > "$out/relay-hop.md" <<'PY'
import re, sys, statistics
path, port, started = sys.argv[1], int(sys.argv[2]), sys.argv[3]
BROKER = 61613
rx = re.compile(r'(\d+\.\d+) IP 127\.0\.0\.1\.(\d+) > 127\.0\.0\.1\.(\d+):.*length (\d+)')
ws_send, mq_send, mq_out, ws_out = [], [], [], []
for line in open(path):
    m = rx.match(line)
    if not m or int(m.group(4)) < 40:  # 하트비트(몇 바이트)와 ACK는 뺍니다
        continue
    t, src, dst = float(m.group(1)), int(m.group(2)), int(m.group(3))
    if dst == port: ws_send.append(t)
    elif dst == BROKER: mq_send.append(t)
    elif src == BROKER: mq_out.append(t)
    elif src == port: ws_out.append(t)
def pct(xs, q): return xs[min(len(xs) - 1, int(q * len(xs)))]
def within(xs, a, b): return [x for x in xs if a <= x < b]
rows = []
for i, t0 in enumerate(ws_send):
    t1 = ws_send[i + 1] if i + 1 < len(ws_send) else t0 + 1.0
    sends, out, ws = within(mq_send, t0, t1), within(mq_out, t0, t1), within(ws_out, t0, t1)
    if len(sends) != 1 or len(out) != 1000 or len(ws) != 1000:
        continue  # 다음 방송과 겹쳤거나 글이 아닌 것(입장·퇴장)은 셈하지 않습니다
    s = sends[0]
    fan = [(x - s) * 1e3 for x in out]
    hop = sorted((w - b) * 1e3 for w, b in zip(ws, out))
    total = [(w - t0) * 1e3 for w in ws]
    rows.append(((s - t0) * 1e3, pct(fan, .5), pct(fan, .99), pct(hop, .5), pct(hop, .99), pct(total, .5), pct(total, .99)))
print("# 4장 지연을 구간으로 나누기 (traffic-lab/relay-hop.sh)\n")
print(f"- 실행 시각: {started}")
print("- 명령: `bash traffic-lab/relay-hop.sh` (그동안 `--capacity --chapters=04`가 돕니다. 원래 표: [capacity.md](capacity.md))")
print(f"- 1,000명, 방송 하나에 배달 1,000건. 다음 방송과 겹치지 않은 방송 {len(rows)}개만 셉니다. 시각은 루프백 패킷의 tcpdump 시각입니다\n")
print("| 방송 | 서버 안 ms | 브로커 팬아웃 p50 ms | 팬아웃 p99 ms | 릴레이 한 홉 p50 ms | 한 홉 p99 ms | 받는 사람 p50 ms | p99 ms |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|")
for n, r in enumerate(rows, 1):
    print(f"| {n} | " + " | ".join(f"{v:.1f}" for v in r) + " |")
if rows:
    med = [statistics.median(c) for c in zip(*rows)]
    print("| **중앙값** | " + " | ".join(f"**{v:.1f}**" for v in med) + " |")
else:
    print("\n측정 못 함: 겹치지 않은 방송을 하나도 찾지 못했습니다(tcpdump가 패킷을 잃었거나 포트가 달랐을 수 있습니다).")
PY
echo "결과: $out/relay-hop.md"
