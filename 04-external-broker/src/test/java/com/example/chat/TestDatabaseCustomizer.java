package com.example.chat;

import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * 모든 테스트 컨텍스트가 {@link TestDatabase}를 쓰게 합니다. {@code META-INF/spring.factories}에 등록되어 있어 테스트 클래스마다
 * 같은 설정 블록을 붙이지 않아도 됩니다. {@code application.yml}보다는 앞서고, 테스트가 {@code properties}로 직접 정한 값보다는 뒤에
 * 옵니다.
 */
class TestDatabaseCustomizer implements ContextCustomizerFactory {

  @Override
  public ContextCustomizer createContextCustomizer(
      Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
    return new Customizer();
  }

  /** 같은 설정의 컨텍스트를 캐시에서 다시 쓸 수 있게 equals/hashCode가 같은 record로 둡니다. */
  record Customizer() implements ContextCustomizer {
    @Override
    public void customizeContext(
        ConfigurableApplicationContext context, MergedContextConfiguration config) {
      MutablePropertySources sources = context.getEnvironment().getPropertySources();
      MapPropertySource database = new MapPropertySource("testDatabase", properties());
      sources.stream()
          .map(PropertySource::getName)
          .filter(name -> name.startsWith("Config resource"))
          .findFirst()
          .ifPresentOrElse(
              yml -> sources.addBefore(yml, database), () -> sources.addLast(database));
    }
  }

  /**
   * 테스트가 따로 켜는 인스턴스({@code SpringApplicationBuilder})에도 같은 값을 넘길 수 있게 따로 둡니다.
   *
   * <p>스프링은 설정이 다른 테스트 컨텍스트를 끝날 때까지 캐시에 살려 두고, Hikari는 컨텍스트마다 연결 10개를 미리 열어 둡니다. 컨텍스트가 열 개를 넘자
   * Debian PostgreSQL의 연결 100개가 차서("remaining connection slots are reserved") 뒤의 테스트가 입장부터 실패했습니다.
   * 그래서 테스트에서는 쉬는 연결을 하나만 남기고, 바빠서 늘린 연결은 10초 쉬면 닫습니다. 한 컨텍스트가 동시에 쓸 수 있는 수(10개)는 그대로입니다.
   */
  static Map<String, Object> properties() {
    return Map.of(
        "spring.datasource.url", TestDatabase.url(),
        "spring.datasource.username", TestDatabase.user(),
        "spring.datasource.password", TestDatabase.password(),
        "spring.datasource.hikari.minimum-idle", "1",
        "spring.datasource.hikari.idle-timeout", "10000");
  }
}
