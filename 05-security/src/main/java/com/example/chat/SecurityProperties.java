package com.example.chat;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * 로그인과 토큰 설정입니다({@code application.yml}의 {@code chat.security.*}).
 *
 * <p>실제 서비스라면 계정은 데이터베이스에, 서명 키는 비밀 저장소(Vault, 클라우드 KMS 등)에 두겠지만, 이 예제에서는 둘 다 설정 파일에 둡니다. 비밀번호는
 * 설정에도 {@code {bcrypt}} 해시로만 적습니다.
 *
 * @param accounts 로그인할 수 있는 계정들.
 * @param jwtSecret JWT 서명(HS256)에 쓰는 비밀 키, Base64로 32바이트 이상.
 * @param tokenTtl 발급한 토큰이 살아 있는 시간. 연결한 뒤에 만료되어도 그 연결은 이어집니다(CONNECT 때 한 번만 검사).
 * @param maxFailedLogins 한 클라이언트가 한 아이디로 연달아 틀릴 수 있는 횟수. 넘으면 {@code loginLock} 동안 잠급니다.
 * @param loginLock 잠근 아이디를 그 클라이언트에게 다시 열어 주기까지의 시간.
 */
@ConfigurationProperties("chat.security")
record SecurityProperties(
    @DefaultValue List<Account> accounts,
    String jwtSecret,
    @DefaultValue("15m") Duration tokenTtl,
    @DefaultValue("5") int maxFailedLogins,
    @DefaultValue("5m") Duration loginLock) {

  /**
   * 계정 하나.
   *
   * @param username 로그인 아이디(영어).
   * @param password {@code {bcrypt}…} 해시.
   * @param displayName 채팅에서 보이는 이름. 보낸 사람과 귓속말 받는 사람이 이 이름입니다.
   * @param roles 권한(예: {@code ADMIN}). 없으면 보통 사용자입니다.
   */
  record Account(
      String username, String password, String displayName, @DefaultValue List<String> roles) {}
}
