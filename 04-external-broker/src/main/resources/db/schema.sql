-- 4장 · 여러 인스턴스가 함께 보는 방의 상태. 임대를 미룰 때마다 실행하므로 IF NOT EXISTS로 씁니다.
-- 빈 데이터베이스에 여러 인스턴스가 함께 켜지면 CREATE TABLE끼리 부딪히므로 트랜잭션 잠금을 먼저 잡습니다.
SELECT pg_advisory_xact_lock(4242);

-- 방마다 한 줄. last_id는 그 방의 마지막 순번이고, 이 줄의 잠금(SELECT ... FOR UPDATE)이 방 하나를 잠급니다.
CREATE TABLE IF NOT EXISTS chat_room (
  name    text   PRIMARY KEY,
  last_id bigint NOT NULL DEFAULT 0
);

-- 방의 기록. (room, id)가 기본 키라 같은 방에 같은 번호가 두 번 생길 수 없습니다.
CREATE TABLE IF NOT EXISTS chat_message (
  room    text        NOT NULL REFERENCES chat_room (name),
  id      bigint      NOT NULL,
  type    text        NOT NULL,
  sender  text        NOT NULL,
  content text        NOT NULL,
  sent_at timestamptz NOT NULL,
  PRIMARY KEY (room, id)
);

-- 켜져 있는 인스턴스와 그 임대(lease) 만료 시각.
CREATE TABLE IF NOT EXISTS chat_instance (
  id          uuid        PRIMARY KEY,
  lease_until timestamptz NOT NULL
);

-- 방에 있는 사람: 멤버 키(STOMP 세션 id)마다 한 줄, 그 연결을 가진 인스턴스와 함께.
CREATE TABLE IF NOT EXISTS chat_member (
  room       text   NOT NULL REFERENCES chat_room (name),
  member_key text   NOT NULL,
  nickname   text   NOT NULL,
  instance   uuid   NOT NULL REFERENCES chat_instance (id),
  joined     bigint GENERATED ALWAYS AS IDENTITY,
  PRIMARY KEY (room, member_key)
);
CREATE INDEX IF NOT EXISTS chat_member_instance ON chat_member (instance);
