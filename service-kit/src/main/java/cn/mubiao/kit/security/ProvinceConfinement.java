package cn.mubiao.kit.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/** Keeps the province client to the endpoints marked {@link ProvinceFeed} (403 elsewhere). */
final class ProvinceConfinement implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof JwtAuthenticationToken jwt && Caller.realmRoles(jwt.getToken().getClaims()).contains(Roles.PROVINCE)
                && !method.hasMethodAnnotation(ProvinceFeed.class)
                && !method.getBeanType().isAnnotationPresent(ProvinceFeed.class)) {
            throw new AccessDeniedException("the province client reads only the province feed");
        }
        return true;
    }
}
