package com.example.chat;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * 인스턴스 임대(lease)의 길이와 갱신 간격({@code application.yml}의 {@code chat.database.*}). 접속 주소와 계정은 스프링 부트의
 * {@code spring.datasource.*}입니다.
 *
 * @param lease 인스턴스가 소식 없이 이만큼 지나면 죽은 것으로 보고, 살아 있는 인스턴스가 그 사람들을 내보냅니다
 * @param renewInterval 임대를 미루고 죽은 인스턴스를 찾는 간격. {@code lease}보다 여러 배 짧아야 살아 있는 인스턴스가 오해받지 않습니다
 */
@ConfigurationProperties("chat.database")
record DatabaseProperties(
    @DefaultValue("15s") Duration lease, @DefaultValue("5s") Duration renewInterval) {}
