package com.example.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * 브라우저가 아닌 클라이언트(Node, CLI)가 CONNECT에 실어 보낼 짧은 토큰(JWT)을 만들고 검사합니다.
 *
 * <p>서명과 검사는 스프링 시큐리티의 {@link NimbusJwtEncoder}/{@link NimbusJwtDecoder}가 합니다. 디코더는 HS256만 받으므로
 * {@code alg: none}이나 다른 알고리즘으로 바꾼 토큰은 서명을 보기도 전에 거절됩니다. 만료는 {@code exp}로 보고, 서버 시계의 오차는 봐주지 않습니다.
 * 실제 서비스라면 키를 비밀 저장소에 두고 주기적으로 바꾸겠지만(여러 키를 {@code kid}로 구분), 이 예제에서는 설정의 키 하나를 씁니다.
 */
@Component
class ChatTokens {

  static final String ISSUER = "websocket-chat-tutorial";

  private final JwtEncoder encoder;
  private final JwtDecoder decoder;
  private final SecurityProperties properties;
  private final Clock clock;

  @Autowired
  ChatTokens(SecurityProperties properties) {
    this(properties, Clock.systemUTC());
  }

  ChatTokens(SecurityProperties properties, Clock clock) {
    byte[] secret =
        properties.jwtSecret() == null
            ? new byte[0]
            : Base64.getDecoder().decode(properties.jwtSecret());
    if (secret.length < 32) {
      // HS256의 키는 256비트(32바이트) 이상이어야 합니다. 짧으면 Nimbus가 처음 서명할 때에야 실패하므로 시작할 때 알립니다.
      throw new IllegalStateException(
          "chat.security.jwt-secret에는 Base64로 32바이트 이상인 키가 필요합니다(만들기: openssl rand -base64 32)");
    }
    SecretKey key = new SecretKeySpec(secret, "HmacSHA256");
    this.encoder = NimbusJwtEncoder.withSecretKey(key).build();
    NimbusJwtDecoder nimbus =
        NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
    JwtTimestampValidator expiry = new JwtTimestampValidator(Duration.ZERO);
    expiry.setClock(clock);
    nimbus.setJwtValidator(expiry);
    this.decoder = nimbus;
    this.properties = properties;
    this.clock = clock;
  }

  /** {@code username}에게 {@code chat.security.token-ttl} 동안 쓸 토큰을 줍니다. */
  Issued issue(String username) {
    return issue(username, clock.instant().plus(properties.tokenTtl()));
  }

  Issued issue(String username, Instant expiresAt) {
    Instant now = clock.instant();
    JwtClaimsSet claims =
        JwtClaimsSet.builder()
            .issuer(ISSUER)
            .subject(username)
            // 시험용으로 이미 지난 만료 시각을 주면 발급 시각도 그보다 앞으로 둡니다(Jwt는 exp가 iat보다 뒤여야 합니다).
            .issuedAt(now.isBefore(expiresAt) ? now : expiresAt.minusSeconds(60))
            .expiresAt(expiresAt)
            .build();
    JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
    String token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    return new Issued(token, expiresAt);
  }

  /** 토큰을 검사하고 그 아이디를 돌려줍니다. 믿을 수 없으면 한국어 이유를 담은 {@link ChatException}을 던집니다. */
  String verify(String token) {
    try {
      Jwt jwt = decoder.decode(token);
      if (!ISSUER.equals(jwt.getClaimAsString("iss")) || jwt.getSubject() == null) {
        throw new ChatException(ChatError.Code.BAD_TOKEN, "이 서버가 준 토큰이 아닙니다");
      }
      return jwt.getSubject();
    } catch (JwtValidationException e) {
      throw new ChatException(ChatError.Code.TOKEN_EXPIRED);
    } catch (BadJwtException e) {
      throw new ChatException(ChatError.Code.BAD_TOKEN, reason(e));
    } catch (JwtException e) {
      throw new ChatException(ChatError.Code.BAD_TOKEN, "읽을 수 없는 토큰");
    }
  }

  private static String reason(BadJwtException e) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("none") || message.contains("Unsupported algorithm")) {
      return "서명 없는 토큰(alg: none)이나 이 서버가 쓰지 않는 알고리즘";
    }
    if (message.contains("signature") || message.contains("Signed JWT rejected")) {
      return "서명이 맞지 않음";
    }
    return "토큰 형식이 틀림";
  }

  /** 발급한 토큰과 그 만료 시각. {@code POST /api/token}의 답입니다. */
  record Issued(String token, Instant expiresAt) {}
}
