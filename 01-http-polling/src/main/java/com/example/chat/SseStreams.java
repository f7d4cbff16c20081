package com.example.chat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events로 듣는 사람들의 스트림. 방에 메시지가 저장되면({@link LongPollWaiters#wake}) 그 방의 스트림마다 아직 보내지 않은
 * 메시지를 이벤트로 흘려보냅니다. 이벤트의 {@code id:}는 메시지 id라서, 끊긴 브라우저는 다시 붙을 때 {@code Last-Event-ID}로 어디까지 받았는지
 * 알려 줍니다.
 *
 * <p>한 사람의 스트림은 {@link SseStream}입니다. 긴 폴링처럼 서블릿 비동기 모드라 스트림 하나가 요청 스레드를 붙잡지 않습니다. 스트림마다 {@code
 * sse-keep-alive}마다 주석 한 줄( {@code :keep-alive})을 보내 프록시가 조용한 연결을 끊지 않게 하고, 그때 그 사람을 "아직 있음"으로
 * 기록합니다. 스트림이 닫히면 더는 기록하지 않으므로, 폴링처럼 {@code presence-timeout} 뒤에 LEAVE가 남습니다. 실제 서비스라면 서버가 여럿이라 메시지
 * 소식을 서버끼리 나눠야 하지만, 이 예제에서는 서버 한 대의 메모리만 봅니다.
 */
@Component
final class SseStreams implements SchedulingConfigurer {

  private final ConcurrentMap<String, Set<SseStream>> streamsByRoom = new ConcurrentHashMap<>();
  private final Presence presence;
  private final PollingProperties properties;

  SseStreams(LongPollWaiters waiters, Presence presence, PollingProperties properties) {
    this.presence = presence;
    this.properties = properties;
    waiters.onWake(this::wake);
  }

  /** {@code after}보다 새 메시지부터 흘려보낼 스트림을 엽니다. {@code token}이 있으면 그 사람의 스트림입니다(없으면 구경만). */
  SseEmitter open(ChatRoom room, String token, long after) {
    // 시간 제한 없음: 끊긴 연결은 keep-alive를 쓰다가 실패할 때 알아챕니다.
    SseEmitter emitter = new SseEmitter(0L);
    SseStream stream = new SseStream(room, token, emitter, after, presence);
    Set<SseStream> streams =
        streamsByRoom.computeIfAbsent(room.name(), r -> ConcurrentHashMap.newKeySet());
    streams.add(stream);
    emitter.onCompletion(() -> streams.remove(stream));
    emitter.onError(error -> streams.remove(stream));
    // 보낼 메시지가 없어도 첫 줄을 곧바로 보내 응답 머리(200, text/event-stream)를 내보냅니다. 그래야 브라우저의 open 이벤트가 바로 옵니다.
    stream.hello();
    stream.sendNew();
    return emitter;
  }

  /** 지금 열린 스트림 수(테스트와 관찰용). */
  int count(String room) {
    Set<SseStream> streams = streamsByRoom.get(room);
    return streams == null ? 0 : streams.size();
  }

  private void wake(ChatRoom room) {
    Set<SseStream> streams = streamsByRoom.get(room.name());
    if (streams != null) {
      streams.forEach(SseStream::sendNew);
    }
  }

  void keepAlive() {
    streamsByRoom.values().forEach(streams -> streams.forEach(SseStream::keepAlive));
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(this::keepAlive, properties.sseKeepAlive());
  }
}
