package cn.mubiao.kit.audit;

import cn.mubiao.kit.requestid.RequestIds;
import cn.mubiao.kit.security.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Records every write request (POST, PUT, PATCH, DELETE) in the audit log once it has been answered, refused
 * ones included: it runs outside Spring Security, so it sees the final status of a 401 or 403 too. The caller is
 * read from the security context the bearer token filter keeps in a request attribute.
 *
 * <p>A failed insert does not change the answer the client got: it is logged at ERROR with the whole record
 * (a retry queue would replay those; the record's id makes a replay idempotent).
 */
final class AuditFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AuditFilter.class);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final int MAX_IP_LENGTH = 64;

    private final AuditLog auditLog;
    private final Clock clock;

    AuditFilter(AuditLog auditLog, Clock clock) {
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !WRITES.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean escaped = true;
        try {
            chain.doFilter(request, response);
            escaped = false;
        } finally {
            audit(request, response, escaped);
        }
    }

    private void audit(HttpServletRequest request, HttpServletResponse response, boolean escaped) {
        AuditRecord record;
        try {
            record = record(request, response, escaped);
        } catch (RuntimeException e) {
            log.error("审计记录无法生成 / cannot build the audit record of {} {}", request.getMethod(),
                    request.getRequestURI(), e);
            return;
        }
        try {
            auditLog.insert(record);
        } catch (RuntimeException e) {
            log.error("审计记录写入失败 / audit insert failed, the record follows: {}", record, e);
        }
    }

    private AuditRecord record(HttpServletRequest request, HttpServletResponse response, boolean escaped) {
        // an exception that left the chain becomes a 500 in the container, unless an answer was already sent
        int status = escaped && !response.isCommitted() ? HttpStatus.INTERNAL_SERVER_ERROR.value() : response.getStatus();
        Map<String, String> variables = pathVariables(request);
        String location = status == HttpStatus.CREATED.value() ? response.getHeader(HttpHeaders.LOCATION) : null;
        Set<String> objectIds = new LinkedHashSet<>(variables.values());
        String created = lastSegment(location);
        if (created != null) {
            objectIds.add(created);
        }
        Who who = who(request);
        return new AuditRecord(new ObjectId(), clock.instant(), RequestIds.current(), who.username, who.subject,
                who.unit, who.roles, who.clientId, request.getMethod(), request.getRequestURI(), variables, location,
                List.copyOf(objectIds), status, clientIp(request));
    }

    private record Who(String username, String subject, String unit, List<String> roles, String clientId) {
        static final Who NOBODY = new Who(null, null, null, List.of(), null);
    }

    private static Who who(HttpServletRequest request) {
        Authentication auth = authentication(request);
        if (auth instanceof JwtAuthenticationToken token) {
            Jwt jwt = token.getToken();
            Caller caller = Caller.from(jwt);
            return new Who(caller.username(), caller.subject(), caller.unit(), caller.roles().stream().sorted().toList(),
                    jwt.getClaimAsString("azp"));
        }
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            return new Who(auth.getName(), null, null, List.of(), null);
        }
        return Who.NOBODY;
    }

    /**
     * The authentication of this request. Spring Security clears its holder before this filter gets control
     * back, but the bearer token filter also keeps the context in a request attribute.
     */
    private static Authentication authentication(HttpServletRequest request) {
        if (request.getAttribute(RequestAttributeSecurityContextRepository.DEFAULT_REQUEST_ATTR_NAME)
                instanceof SecurityContext context && context.getAuthentication() != null) {
            return context.getAuthentication();
        }
        return SecurityContextHolder.getContext().getAuthentication();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> pathVariables(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables instanceof Map<?, ?> map ? new LinkedHashMap<>((Map<String, String>) map) : Map.of();
    }

    /** The last path segment of a {@code Location}, decoded: the id of what was created. */
    private static String lastSegment(String location) {
        if (location == null) {
            return null;
        }
        try {
            String path = URI.create(location).getPath();
            if (path == null) {
                return null;
            }
            String segment = path.substring(path.lastIndexOf('/') + 1);
            return segment.isEmpty() ? null : segment;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The first {@code X-Forwarded-For} entry (the gateway forwards the client's), else the peer address. */
    static String clientIp(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null) {
            String first = forwarded.split(",", 2)[0].strip();
            if (!first.isEmpty()) {
                return first.length() > MAX_IP_LENGTH ? first.substring(0, MAX_IP_LENGTH) : first;
            }
        }
        return request.getRemoteAddr();
    }
}
