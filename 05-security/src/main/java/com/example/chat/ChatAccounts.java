package com.example.chat;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.stereotype.Component;

/**
 * 로그인 아이디와 채팅 이름을 잇습니다. 로그인은 아이디({@code minsu})로 하고, 채팅에서는 계정의 이름({@code 민수})으로 보입니다.
 *
 * <p>STOMP 세션의 사용자({@link Authentication})는 {@link #chatUser}가 만듭니다. 그 이름이 곧 채팅 이름이므로 3장과 같은 {@link
 * ChatController}가 보낸 사람을 찍고 귓속말을 이 이름의 {@code /user/queue/whispers}로 보냅니다. 쿠키로 들어오든 토큰으로 들어오든 이 한
 * 곳을 거치므로, 한 계정은 어느 길로 들어와도 같은 사람입니다(탭 두 개도 참여자 한 명). 실제 서비스라면 계정은 데이터베이스에 있겠지만, 이 예제에서는 {@code
 * application.yml}의 목록을 메모리에 올립니다.
 */
@Component
class ChatAccounts {

  private final Map<String, SecurityProperties.Account> byUsername;

  ChatAccounts(SecurityProperties properties) {
    byUsername =
        properties.accounts().stream()
            .collect(Collectors.toMap(SecurityProperties.Account::username, Function.identity()));
    long names =
        properties.accounts().stream()
            .map(SecurityProperties.Account::displayName)
            .distinct()
            .count();
    if (names != byUsername.size()) {
      throw new IllegalStateException("chat.security.accounts의 displayName이 겹칩니다");
    }
  }

  /** 스프링 시큐리티의 폼 로그인과 HTTP Basic이 비밀번호를 맞춰 볼 계정 목록. */
  UserDetailsService userDetailsService() {
    return new InMemoryUserDetailsManager(
        byUsername.values().stream()
            .map(
                account ->
                    User.withUsername(account.username())
                        .password(account.password())
                        .roles(account.roles().toArray(String[]::new))
                        .build())
            .toList());
  }

  /** 아이디의 채팅 사용자. 이름은 계정의 채팅 이름, 권한은 계정의 권한입니다. 없는 아이디면 비어 있습니다. */
  Optional<Authentication> chatUser(String username) {
    return Optional.ofNullable(byUsername.get(username))
        .map(
            account ->
                UsernamePasswordAuthenticationToken.authenticated(
                    account.displayName(),
                    null,
                    AuthorityUtils.createAuthorityList(
                        account.roles().stream().map(role -> "ROLE_" + role).toList())));
  }

  Optional<String> displayName(String username) {
    return Optional.ofNullable(byUsername.get(username))
        .map(SecurityProperties.Account::displayName);
  }
}
