package cn.mubiao.kit.requestid;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;

/**
 * Takes a well-formed incoming {@value RequestIds#HEADER} or generates a UUID, echoes it on the response and
 * keeps it in the MDC for the whole request, the error dispatch included (same id).
 */
final class RequestIdFilter extends OncePerRequestFilter {

    static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = request.getAttribute(ATTRIBUTE) instanceof String known ? known : idOf(request);
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(RequestIds.HEADER, id);
        try (RequestIds.Binding ignored = RequestIds.bind(id)) {
            chain.doFilter(request, response);
        }
    }

    private static String idOf(HttpServletRequest request) {
        String incoming = request.getHeader(RequestIds.HEADER);
        return RequestIds.isWellFormed(incoming) ? incoming : UUID.randomUUID().toString();
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false; // the container's error page logs under the same id
    }
}
