package cn.mubiao.gateway.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The access token of a browser session's user, as the services get it: the one from the sign-in, or, once it is
 * about to expire, a new one got with the refresh token (and kept in the session). Empty when the session cannot
 * give one any more (refresh token expired or revoked, Keycloak session ended); an error (answered as a 503
 * problem) when Keycloak cannot be reached for the refresh.
 */
@Component
class SessionTokens {

    private static final Logger log = LoggerFactory.getLogger(SessionTokens.class);

    private final ReactiveOAuth2AuthorizedClientManager clients;

    SessionTokens(ReactiveOAuth2AuthorizedClientManager clients) {
        this.clients = clients;
    }

    Mono<OAuth2AccessToken> accessToken(OAuth2AuthenticationToken user, ServerWebExchange exchange) {
        OAuth2AuthorizeRequest request = OAuth2AuthorizeRequest
                .withClientRegistrationId(user.getAuthorizedClientRegistrationId())
                .principal(user)
                .attribute(ServerWebExchange.class.getName(), exchange)
                .build();
        return clients.authorize(request)
                .map(OAuth2AuthorizedClient::getAccessToken)
                .onErrorResume(OAuth2AuthorizationException.class, e -> {
                    log.info("session of {} has no usable token any more: {}", user.getName(), e.getError());
                    return Mono.empty();
                })
                // Keycloak not reachable for the refresh: a 503, the session stays
                .onErrorMap(e -> !(e instanceof AuthenticationServiceException),
                        e -> new AuthenticationServiceException("cannot refresh the session's token", e));
    }
}
