package cn.mubiao.gateway.security;

import cn.mubiao.gateway.TestTokens;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.WebHandler;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bearer chain ({@link BearerAuthentication} after CORS) answers every call as the chain
 * {@code ServerHttpSecurity} built for it before: the same status, headers and body, the same principal and
 * security context for the handler behind it. Both run on the same calls with the same token decoder.
 */
class BearerAuthenticationTest {

    static final String ISSUER = "http://keycloak.test/realms/mubiao";
    static final RSAKey KEY = TestTokens.newKey("k1");
    static final RSAKey OTHER_KEY = TestTokens.newKey("k1");
    static final CorsProperties CORS = new CorsProperties(List.of("http://localhost:5173"), Duration.ofHours(1));

    static Stream<Arguments> calls() {
        Instant now = Instant.now();
        return Stream.of(
                Arguments.of("a valid token", "/api/targets/a", TestTokens.sign(claims(now).build(), KEY), null, "ok", "200 OK"),
                Arguments.of("a valid token on an open path", "/actuator/health", TestTokens.sign(claims(now).build(), KEY), null, "ok", "200 OK"),
                Arguments.of("a valid token from the console's origin", "/api/targets/a", TestTokens.sign(claims(now).build(), KEY),
                        "http://localhost:5173", "ok", "200 OK"),
                Arguments.of("a valid token from another origin", "/api/targets/a", TestTokens.sign(claims(now).build(), KEY),
                        "http://evil.example", "ok", "403 FORBIDDEN"),
                Arguments.of("an expired token", "/api/targets/a", TestTokens.sign(claims(now.minusSeconds(3_600)).build(), KEY),
                        null, "ok", "401 UNAUTHORIZED"),
                Arguments.of("an expired token on an open path", "/actuator/health",
                        TestTokens.sign(claims(now.minusSeconds(3_600)).build(), KEY), null, "ok", "401 UNAUTHORIZED"),
                Arguments.of("another issuer", "/api/targets/a",
                        TestTokens.sign(claims(now).issuer("http://elsewhere/realms/mubiao").build(), KEY), null, "ok", "401 UNAUTHORIZED"),
                Arguments.of("a signature by another key", "/api/targets/a", TestTokens.sign(claims(now).build(), OTHER_KEY), null, "ok",
                        "401 UNAUTHORIZED"),
                Arguments.of("a malformed token", "/api/targets/a", "not a token", null, "ok", "401 UNAUTHORIZED"),
                Arguments.of("a valid token, denied further down", "/api/targets/a", TestTokens.sign(claims(now).build(), KEY), null,
                        "denied", "403 FORBIDDEN"),
                Arguments.of("the keys unreachable", "/api/targets/a", TestTokens.sign(claims(now).build(), KEY), null, "keys down",
                        "500 INTERNAL_SERVER_ERROR"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void theChainAnswersAsServerHttpSecuritysBuiltOne(String what, String path, String token, String origin,
                                                      String behind, String outcome) {
        ReactiveJwtDecoder decoder = behind.equals("keys down")
                ? t -> Mono.error(new JwtException("the key set could not be fetched"))
                : decoder();
        WebHandler handler = behind.equals("denied")
                ? exchange -> Mono.error(new AccessDeniedException("no"))
                : BearerAuthenticationTest::whoAsks;

        String ours = answer(new GatewaySecurity().bearerChain(decoder, CORS), handler, path, token, origin);
        String springSecuritys = answer(springSecurityBearerChain(decoder), handler, path, token, origin);

        assertThat(ours).isEqualTo(springSecuritys).startsWith(outcome);
        if (outcome.startsWith("200")) {
            assertThat(ours).contains("JwtAuthenticationToken:u-1 | JwtAuthenticationToken:u-1:true:[SCOPE_openid, SCOPE_profile]");
        }
    }

    /** The bearer chain as {@code GatewaySecurity} configured it before {@link BearerAuthentication}. */
    static SecurityWebFilterChain springSecurityBearerChain(ReactiveJwtDecoder decoder) {
        return ServerHttpSecurity.http()
                .authorizeExchange(a -> a.anyExchange().access(GatewaySecurity::openOrAuthenticated))
                .cors(c -> c.configurationSource(GatewaySecurity.corsSource(CORS)))
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .securityMatcher(GatewaySecurity::bearer)
                .oauth2ResourceServer(o -> o
                        .bearerTokenConverter(BearerTokens::convert)
                        .jwt(j -> j.jwtDecoder(decoder))
                        .authenticationEntryPoint(GatewaySecurity.UNAUTHORIZED))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .exceptionHandling(e -> e.authenticationEntryPoint(GatewaySecurity.UNAUTHORIZED)
                        .accessDeniedHandler(GatewaySecurity.FORBIDDEN))
                .build();
    }

    /** The handler behind the chain answers with who it sees: the principal, the security context and its authorities. */
    static Mono<Void> whoAsks(org.springframework.web.server.ServerWebExchange exchange) {
        Mono<String> principal = exchange.getPrincipal().map(p -> p.getClass().getSimpleName() + ":" + p.getName())
                .defaultIfEmpty("none");
        Mono<String> context = ReactiveSecurityContextHolder.getContext().map(SecurityContext::getAuthentication)
                .map(BearerAuthenticationTest::describe).defaultIfEmpty("none");
        return Mono.zip(principal, context).flatMap(both -> exchange.getResponse().writeWith(Mono.just(
                exchange.getResponse().bufferFactory().wrap((both.getT1() + " | " + both.getT2())
                        .getBytes(StandardCharsets.UTF_8)))));
    }

    static String describe(Authentication a) {
        return a.getClass().getSimpleName() + ":" + a.getName() + ":" + a.isAuthenticated() + ":" + a.getAuthorities();
    }

    /** Status, headers (names in lower case) and body of the call through the chain. */
    static String answer(SecurityWebFilterChain chain, WebHandler handler, String path, String token, String origin) {
        WebTestClient client = WebTestClient.bindToWebHandler(handler)
                .webFilter(new WebFilterChainProxy(chain)).build();
        EntityExchangeResult<byte[]> result = client.get().uri("http://gw.test" + path)
                .headers(h -> {
                    h.set("Authorization", "Bearer " + token);
                    if (origin != null) {
                        h.set("Origin", origin);
                    }
                })
                .exchange().expectBody().returnResult();
        Map<String, String> headers = new TreeMap<>();
        result.getResponseHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
        byte[] body = result.getResponseBody();
        return result.getStatus() + " " + headers + " " + (body == null ? "" : new String(body, StandardCharsets.UTF_8));
    }

    static ReactiveJwtDecoder decoder() {
        try {
            NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withPublicKey(KEY.toRSAPublicKey()).build();
            decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
            return decoder;
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static JWTClaimsSet.Builder claims(Instant now) {
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject("u-1").claim("unit", "410102")
                .claim("scope", "openid profile").claim("realm_access", Map.of("roles", List.of("county", "reporter")))
                .issueTime(Date.from(now.minusSeconds(60))).expirationTime(Date.from(now.plusSeconds(300)));
    }
}
