package cn.mubiao.kit.web;

import cn.mubiao.contracts.dhis2.InvalidDhis2Input;
import cn.mubiao.kit.domain.BrokenRule;
import cn.mubiao.kit.domain.InvalidInput;
import cn.mubiao.kit.domain.RuleViolation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

import java.util.List;

/**
 * Turns every refusal into RFC 9457 problem details naming the field and the reason. Anything unexpected
 * is a 500 with a generic text: never a stack trace to the client.
 */
@RestControllerAdvice
public class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> problem(ProblemException e, HttpServletRequest request) {
        return respond(ProblemResponses.problem(e.status(), e.title(), e.getMessage(), e.errors(), request.getRequestURI()));
    }

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInput e, HttpServletRequest request) {
        return respond(ProblemException.invalid(e.field(), e.reason()), request);
    }

    /** A DHIS2 request the exchange cannot read (the shared DHIS2 wire format in contracts refuses it). */
    @ExceptionHandler(InvalidDhis2Input.class)
    ResponseEntity<ProblemDetail> invalidDhis2Input(InvalidDhis2Input e, HttpServletRequest request) {
        return respond(ProblemException.invalid(e.field(), e.reason()), request);
    }

    @ExceptionHandler(BrokenRule.class)
    ResponseEntity<ProblemDetail> brokenRule(BrokenRule e, HttpServletRequest request) {
        return respond(ProblemException.unprocessable(e.field(), e.reason()), request);
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> ruleViolation(RuleViolation e, HttpServletRequest request) {
        return respond(ProblemException.conflict(e.field(), e.reason()), request);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalidBody(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldProblem(f.getField(), f.getDefaultMessage()))
                .toList();
        return respond(ProblemException.invalid(errors), request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> invalidParameter(ConstraintViolationException e, HttpServletRequest request) {
        List<FieldProblem> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return respond(ProblemException.invalid(errors), request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        String field = "body";
        String reason = "请求体不是有效的JSON / the body is not valid JSON";
        Throwable cause = e.getCause();
        if (cause instanceof DatabindException db && !db.getPath().isEmpty()) {
            field = db.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body");
            reason = "值的类型或格式不正确 / wrong type or format";
        } else if (cause instanceof JacksonException) {
            reason = "JSON语法错误 / malformed JSON";
        }
        return respond(ProblemException.invalid(field, reason), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return respond(ProblemException.invalid(e.getName(), "值的类型或格式不正确 / wrong type or format"), request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        return respond(ProblemException.invalid(e.getParameterName(), "必填 / required"), request);
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e, HttpServletRequest request) {
        return respond(ProblemException.invalid(e.getHeaderName(), "必填的请求头 / required header"), request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return respond(new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "不支持的内容类型 / Unsupported media type",
                "Content-Type: " + e.getContentType(), List.of(new FieldProblem("Content-Type", "应为 application/json"))), request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return respond(new ProblemException(HttpStatus.METHOD_NOT_ALLOWED, "不支持的请求方法 / Method not allowed",
                e.getMethod(), List.of()), request);
    }

    @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> uploadTooLarge(org.springframework.web.multipart.MaxUploadSizeExceededException e,
                                                 HttpServletRequest request) {
        return respond(ProblemException.tooLarge("file", "上传文件过大 / the upload is too large"), request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e, HttpServletRequest request) {
        return respond(ProblemException.notFound("resource", request.getRequestURI()), request);
    }

    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void security(RuntimeException e) {
        throw e; // answered by the security filter chain's problem handlers
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(ProblemResponses.problem(HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误 / Internal error",
                "请稍后重试 / please retry later", List.of(), request.getRequestURI()));
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemException e, HttpServletRequest request) {
        return respond(ProblemResponses.problem(e.status(), e.title(), e.getMessage(), e.errors(), request.getRequestURI()));
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail p) {
        return ResponseEntity.status(p.getStatus()).contentType(ProblemResponses.PROBLEM_JSON).body(p);
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
