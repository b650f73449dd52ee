package cn.mubiao.gateway.security;

import cn.mubiao.contracts.http.HttpSyntax;
import cn.mubiao.gateway.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.security.authorization.AuthenticatedReactiveAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverter;
import org.springframework.security.web.server.MatcherSecurityWebFilterChain;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint.DelegateEntry;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.SecurityContextServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Who may pass the gateway, two ways:
 * <ul>
 * <li>bearer tokens (scripts, the province): validated at the edge (signature with cached keys, issuer, expiry)
 * and relayed unchanged; no session is made for them;</li>
 * <li>browsers: signed in at Keycloak (authorization code with PKCE), a session at the gateway; the session
 * user's access token is relayed to the services ({@link SessionTokenRelay}), logout ends the
 * Keycloak session too.</li>
 * </ul>
 * {@code /api/**} without credentials is a 401 problem, never a login redirect; pages redirect to the login.
 * Each service checks roles and unit scope again.
 */
@Configuration(proxyBeanMethods = false)
class GatewaySecurity {

    static final String LOGIN_START = "/oauth2/authorization/" + SsoProperties.REGISTRATION_ID;

    /** Open to everyone: health probes and the start page. */
    private static final List<PathPattern> OPEN_PATHS = Stream.of("/actuator/health", "/actuator/health/**", "/",
            "/index.html", "/favicon.ico").map(GatewaySecurity::pathPattern).toList();

    static final ServerAuthenticationEntryPoint UNAUTHORIZED = (exchange, e) -> Problems.write(exchange,
            HttpStatus.UNAUTHORIZED, "未认证 / Unauthorized",
            "缺少或无效的访问令牌或登录会话 / missing or invalid bearer token or session");

    static final ServerAccessDeniedHandler FORBIDDEN = (exchange, e) -> Problems.write(exchange,
            HttpStatus.FORBIDDEN, "无权操作 / Forbidden", "您的角色不允许此操作 / your role does not allow this");

    /**
     * Calls that carry a bearer token (scripts, the province, the console's API calls): validated and relayed,
     * nothing else — no session, no CSRF, no login, logout or request cache machinery, which the profile showed
     * to be most of the gateway's own CPU per request (infra/bench/gateway-overhead). CORS, then the token's
     * authentication with its security context ({@link BearerAuthentication}).
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain bearerChain(ReactiveJwtDecoder jwtDecoder, CorsProperties cors) {
        JwtReactiveAuthenticationManager tokens = new JwtReactiveAuthenticationManager(jwtDecoder);
        tokens.setJwtAuthenticationConverter(new ReactiveJwtAuthenticationConverter()); // ServerHttpSecurity's default
        return new MatcherSecurityWebFilterChain(GatewaySecurity::bearer, List.of(
                new CorsWebFilter(corsSource(cors)),
                new BearerAuthentication(tokens, UNAUTHORIZED, FORBIDDEN)));
    }

    static Mono<ServerWebExchangeMatcher.MatchResult> bearer(ServerWebExchange exchange) {
        return BearerTokens.present(exchange) ? ServerWebExchangeMatcher.MatchResult.match()
                : ServerWebExchangeMatcher.MatchResult.notMatch();
    }

    /**
     * Everything else: browsers with a session (or none yet). Calls with a bearer token never get here
     * ({@link #bearerChain}).
     */
    @Bean
    SecurityWebFilterChain gatewayChain(ServerHttpSecurity http,
                                        ReactiveClientRegistrationRepository registrations,
                                        ServerOAuth2AuthorizedClientRepository authorizedClients,
                                        SsoProperties sso, CorsProperties cors) {
        var entryPoint = new DelegatingServerAuthenticationEntryPoint(
                new DelegateEntry(ServerWebExchangeMatchers.pathMatchers("/api/**"), UNAUTHORIZED));
        entryPoint.setDefaultEntryPoint(new RedirectServerAuthenticationEntryPoint(LOGIN_START));

        var logoutSuccess = new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        logoutSuccess.setPostLogoutRedirectUri(sso.postLogoutRedirectUri());
        logoutSuccess.setLogoutSuccessUrl(URI.create("/"));

        var csrfTokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();

        // the security headers are SecurityHeaders', on every answer, in one step instead of Spring Security's twelve
        return http
                .authorizeExchange(a -> a.anyExchange().access(GatewaySecurity::openOrAuthenticated))
                .cors(c -> c.configurationSource(corsSource(cors)))
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .oauth2Login(o -> o
                        .clientRegistrationRepository(registrations)
                        .authorizedClientRepository(authorizedClients)
                        .authenticationSuccessHandler(new RedirectServerAuthenticationSuccessHandler("/me"))
                        .authenticationFailureHandler((webFilterExchange, e) -> Problems.write(
                                webFilterExchange.getExchange(), HttpStatus.UNAUTHORIZED, "登录失败 / Sign-in failed",
                                "统一身份认证未能完成，请重新登录 / the sign-in at Keycloak did not complete; "
                                        + "please sign in again")))
                .logout(l -> l
                        .logoutUrl("/logout")
                        .logoutHandler(handlers -> {
                            handlers.clear();
                            handlers.add(new SecurityContextServerLogoutHandler());
                            handlers.add(new WebSessionServerLogoutHandler());
                        })
                        .logoutSuccessHandler(logoutSuccess))
                // session (cookie) callers need the CSRF token on changes
                .csrf(c -> c
                        .csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(changesWithSessionCookie())
                        .accessDeniedHandler((exchange, e) -> Problems.write(exchange, HttpStatus.FORBIDDEN,
                                "CSRF 令牌无效 / Invalid CSRF token",
                                "缺少或无效的 CSRF 令牌（X-XSRF-TOKEN 请求头或 _csrf 表单字段）"
                                        + " / missing or invalid CSRF token (X-XSRF-TOKEN header or _csrf form field)")))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(FORBIDDEN))
                .build();
    }

    /**
     * Spring Security's strict firewall (methods, paths, hosts, header characters), its header character rule
     * checked without a regex ({@link HttpSyntax}), all its checks made once as a request comes in
     * ({@link OnceCheckedFirewall}).
     */
    @Bean
    static ServerWebExchangeFirewall firewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderNames(HttpSyntax::headerName);
        firewall.setAllowedHeaderValues(HttpSyntax::headerValue);
        return new OnceCheckedFirewall(firewall);
    }

    /**
     * No tracing spans or timers around each security filter, authentication and authorization decision: per
     * request they cost more than the checks themselves (infra/bench/gateway-overhead). The HTTP server's own
     * request metrics stay.
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    private static final ReactiveAuthorizationManager<AuthorizationContext> AUTHENTICATED =
            AuthenticatedReactiveAuthorizationManager.authenticated();

    private static final Mono<AuthorizationResult> GRANTED = Mono.just(new AuthorizationDecision(true));

    /**
     * The open paths for everyone, everything else for the authenticated: one decision, where
     * {@code matchers(...).permitAll().anyExchange().authenticated()} wraps the matcher in an or-matcher whose debug
     * message was formatted on every request (1% of the gateway's CPU, infra/bench/gateway-overhead).
     */
    static Mono<AuthorizationResult> openOrAuthenticated(Mono<Authentication> authentication,
                                                         AuthorizationContext context) {
        return openPath(context.getExchange()) ? GRANTED : AUTHENTICATED.authorize(authentication, context);
    }

    /** Whether the path is one of the open paths, matched as {@code pathMatchers(...)} would (same parser). */
    static boolean openPath(ServerWebExchange exchange) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        for (PathPattern open : OPEN_PATHS) {
            if (open.matches(path)) {
                return true;
            }
        }
        return false;
    }

    private static PathPattern pathPattern(String pattern) {
        PathPatternParser parser = PathPatternParser.defaultInstance;
        return parser.parse(parser.initFullPathPattern(pattern));
    }

    /**
     * CSRF guards what an ambient session cookie could do: a change carrying the session cookie (bearer calls
     * have their own chain). A request without the cookie is no CSRF risk and gets its 401 from authentication.
     */
    static ServerWebExchangeMatcher changesWithSessionCookie() {
        return exchange -> CsrfWebFilter.DEFAULT_CSRF_MATCHER.matches(exchange).flatMap(m ->
                m.isMatch() && exchange.getRequest().getCookies().containsKey(SESSION_COOKIE)
                        ? ServerWebExchangeMatcher.MatchResult.match()
                        : ServerWebExchangeMatcher.MatchResult.notMatch());
    }

    /** WebFlux's session cookie. */
    static final String SESSION_COOKIE = "SESSION";

    static CorsConfigurationSource corsSource(CorsProperties properties) {
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(properties.allowedOrigins());
        config.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
        config.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT,
                HttpHeaders.ACCEPT_LANGUAGE, "Idempotency-Key", Problems.REQUEST_ID_HEADER, "X-XSRF-TOKEN"));
        config.setExposedHeaders(List.of(Problems.REQUEST_ID_HEADER, HttpHeaders.RETRY_AFTER, HttpHeaders.LOCATION,
                "Idempotent-Replayed"));
        config.setAllowCredentials(true);
        config.setMaxAge(properties.maxAge());
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", config);
        return source;
    }

    static ReferrerPolicy referrerPolicy(String value) {
        return Arrays.stream(ReferrerPolicy.values()).filter(p -> p.getPolicy().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("mubiao.gateway.headers.referrer-policy: unknown "
                        + value + "; one of " + Arrays.stream(ReferrerPolicy.values()).map(ReferrerPolicy::getPolicy).toList()));
    }
}
