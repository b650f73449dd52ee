package cn.mubiao.kit.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/** Builds RFC 9457 problem details, also for the security filters that answer before any controller. */
public final class ProblemResponses {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private final JsonMapper json;

    public ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    public static ProblemDetail problem(HttpStatus status, String title, String detail, List<FieldProblem> errors,
                                        String instance) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        p.setType(URI.create("https://mubiao.cn/problems/" + status.value()));
        if (instance != null) {
            p.setInstance(URI.create(instance));
        }
        if (!errors.isEmpty()) {
            p.setProperty("errors", errors);
            p.setProperty("field", errors.getFirst().field());
        }
        return p;
    }

    public void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"mubiao\"");
        write(response, problem(HttpStatus.UNAUTHORIZED, "未认证 / Unauthorized",
                "缺少或无效的访问令牌 / missing or invalid bearer token", List.of(), request.getRequestURI()));
    }

    public void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(response, problem(HttpStatus.FORBIDDEN, "无权操作 / Forbidden",
                "您的角色不允许此操作 / your role does not allow this", List.of(), request.getRequestURI()));
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
