package cn.mubiao.kit.security;

import cn.mubiao.contracts.http.HttpSyntax;
import cn.mubiao.kit.web.ProblemResponses;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.Collection;
import java.util.List;

/**
 * Every service is an OAuth2 resource server: a bearer token is required everywhere except health and the
 * API docs; realm roles become {@code ROLE_<role>} authorities; 401 and 403 answer as problem details.
 */
@AutoConfiguration
@EnableMethodSecurity
public class SecurityConfiguration {

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain mubiaoResourceServer(HttpSecurity http, ProblemResponses problems) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/v3/api-docs", "/v3/api-docs/**").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(o -> o
                        .jwt(j -> j.jwtAuthenticationConverter(jwtAuthentication()))
                        .authenticationEntryPoint(problems::unauthorized)
                        .accessDeniedHandler(problems::forbidden))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(problems::unauthorized)
                        .accessDeniedHandler(problems::forbidden));
        return http.build();
    }

    static Converter<Jwt, AbstractAuthenticationToken> jwtAuthentication() {
        return jwt -> new JwtAuthenticationToken(jwt, authorities(jwt), jwt.getClaimAsString("preferred_username"));
    }

    /** Realm roles as {@code ROLE_<role>} authorities. */
    public static Collection<GrantedAuthority> authorities(Jwt jwt) {
        return Caller.realmRoles(jwt.getClaims()).stream()
                .<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r))
                .toList();
    }

    /**
     * Spring Security's strict firewall, its rules for header names and values and parameter names checked by loops
     * ({@link HttpSyntax}) instead of regular expressions: the firewall checks each header every time it is read.
     */
    @Bean
    @ConditionalOnMissingBean(HttpFirewall.class)
    static HttpFirewall strictFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HttpSyntax::headerName);
        firewall.setAllowedHeaderValues(HttpSyntax::headerValue);
        firewall.setAllowedParameterNames(HttpSyntax::headerName);
        return firewall;
    }

    /** Bearer tokens from the {@code Authorization} header, as Spring Security's default resolver reads them. */
    @Bean
    @ConditionalOnMissingBean(BearerTokenResolver.class)
    static BearerTokenResolver bearerTokens() {
        return new HeaderBearerTokens();
    }

    /**
     * No observation around every security filter and authorization decision: at a month-end burst they cost
     * about a tenth of a service's CPU and nobody reads them (nor request metrics: mubiao-kit.yml).
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    WebMvcConfigurer callerArguments() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }
}
