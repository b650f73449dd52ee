package cn.mubiao.kit.web;

import org.springframework.http.HttpStatus;

import java.util.List;

/**
 * A request the service refuses, answered as RFC 9457 problem details with a 4xx status. Thrown before
 * anything is written, so a refused request never leaves a partial write behind.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final List<FieldProblem> errors;

    public ProblemException(HttpStatus status, String title, String detail, List<FieldProblem> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException invalid(String field, String reason) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "请求参数无效 / Invalid request",
                field + ": " + reason, List.of(new FieldProblem(field, reason)));
    }

    public static ProblemException invalid(List<FieldProblem> errors) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "请求参数无效 / Invalid request", detail(errors), errors);
    }

    private static String detail(List<FieldProblem> errors) {
        return errors.stream().map(e -> e.field() + ": " + e.reason()).reduce((a, b) -> a + "; " + b).orElse("");
    }

    /** 404 without a hint whether the object exists outside the caller's scope. */
    public static ProblemException notFound(String what, String id) {
        return new ProblemException(HttpStatus.NOT_FOUND, "未找到 / Not found",
                what + " " + id + " 不存在或无权访问 / does not exist or is not visible to you", List.of());
    }

    public static ProblemException conflict(String field, String reason) {
        return new ProblemException(HttpStatus.CONFLICT, "与现有数据冲突 / Conflict",
                field + ": " + reason, List.of(new FieldProblem(field, reason)));
    }

    /** A body or a part of it larger than the service takes (413). */
    public static ProblemException tooLarge(String field, String reason) {
        return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "请求过大 / Content too large",
                field + ": " + reason, List.of(new FieldProblem(field, reason)));
    }

    public static ProblemException forbidden(String reason) {
        return new ProblemException(HttpStatus.FORBIDDEN, "无权操作 / Forbidden", reason, List.of());
    }

    public static ProblemException unprocessable(String field, String reason) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "不符合业务规则 / Rule violated",
                field + ": " + reason, List.of(new FieldProblem(field, reason)));
    }

    /** A request that breaks several business rules at once, each listed with its field. */
    public static ProblemException unprocessable(List<FieldProblem> errors) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "不符合业务规则 / Rule violated", detail(errors), errors);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
