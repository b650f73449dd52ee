package cn.mubiao.target.unit.web;

import cn.mubiao.kit.web.ProblemException;
import cn.mubiao.kit.web.ProblemResponses;
import cn.mubiao.target.unit.domain.UnitRuleViolated;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A change the unit tree refuses because of the units already in it: 422 naming the field. */
@RestControllerAdvice(assignableTypes = UnitController.class)
class UnitProblems {

    @ExceptionHandler(UnitRuleViolated.class)
    ResponseEntity<ProblemDetail> ruleViolated(UnitRuleViolated e, HttpServletRequest request) {
        ProblemException p = ProblemException.unprocessable(e.field(), e.reason());
        ProblemDetail body = ProblemResponses.problem(p.status(), p.title(), p.getMessage(), p.errors(), request.getRequestURI());
        return ResponseEntity.status(body.getStatus()).contentType(ProblemResponses.PROBLEM_JSON).body(body);
    }
}
