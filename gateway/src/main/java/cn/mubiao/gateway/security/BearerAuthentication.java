package cn.mubiao.gateway.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.SecurityContextServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The bearer chain's authentication in one step, with Spring Security's own parts: the token from the
 * {@code Authorization} header ({@link BearerTokens}), Spring Security's JWT authentication manager (the cached,
 * verified token: signature, issuer, expiry; its authorities converter), the security context in the Reactor
 * context and behind {@code exchange.getPrincipal()} ({@link SecurityContextServerWebExchange}), the gateway's 401
 * entry point and 403 handler.
 *
 * <p>In place of the eight filters {@code ServerHttpSecurity} builds for the bearer chain, which ran on every
 * routed call as a few dozen Reactor operators: a context filter for the exchange, CORS (kept: the chain's other
 * filter), the load of a security context from a repository that never holds one, the authentication filter, the
 * principal's exchange wrapper, a request cache that never holds a request, the exception translation and the
 * authorization filter. Their outcome for a bearer call: a token that authenticates goes on with its security
 * context (every path's rule is "open or authenticated", {@link GatewaySecurity#openOrAuthenticated}, so an
 * authenticated call is authorized at the gateway; the services check roles and units); one that does not gets the
 * 401 problem, even on an open path, as before; an authentication service failure (the keys unreachable) is an
 * error, not a 401 (Spring Security rethrows those too); an access denial from further down gets the 403 problem.
 * {@code BearerAuthenticationTest} runs both chains on the same calls and compares the answers.
 */
final class BearerAuthentication implements WebFilter {

    private final ReactiveAuthenticationManager authentication;
    private final ServerAuthenticationEntryPoint unauthorized;
    private final ServerAccessDeniedHandler forbidden;

    BearerAuthentication(ReactiveAuthenticationManager authentication, ServerAuthenticationEntryPoint unauthorized,
                         ServerAccessDeniedHandler forbidden) {
        this.authentication = authentication;
        this.unauthorized = unauthorized;
        this.forbidden = forbidden;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return BearerTokens.convert(exchange)
                .switchIfEmpty(Mono.error(() -> new BadCredentialsException("no bearer token")))
                .flatMap(authentication::authenticate)
                .onErrorResume(AuthenticationException.class, e -> e instanceof AuthenticationServiceException
                        ? Mono.error(e) : unauthorized.commence(exchange, e).then(Mono.empty()))
                .flatMap(authenticated -> {
                    SecurityContext context = new SecurityContextImpl(authenticated);
                    return chain.filter(new SecurityContextServerWebExchange(exchange, Mono.just(context)))
                            .contextWrite(ReactiveSecurityContextHolder.withSecurityContext(Mono.just(context))
                                    .put(ServerWebExchange.class, exchange));
                })
                .onErrorResume(AccessDeniedException.class, e -> forbidden.handle(exchange, e));
    }
}
