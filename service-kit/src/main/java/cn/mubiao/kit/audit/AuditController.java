package cn.mubiao.kit.audit;

import cn.mubiao.kit.security.Caller;
import cn.mubiao.kit.security.CurrentCaller;
import cn.mubiao.kit.security.Roles;
import cn.mubiao.kit.security.UnitCodes;
import cn.mubiao.kit.web.FieldProblem;
import cn.mubiao.kit.web.ProblemException;
import com.mongodb.client.model.Filters;
import org.bson.conversions.Bson;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Reads the service's audit log at {@code mubiao.audit.path}: {@code GET} only, for the roles
 * {@code target-office} and {@code auditor}, each caller seeing the entries of units its scope covers
 * ({@link Caller#covers}). Filters: {@code from} (inclusive) and {@code to} (exclusive) as ISO instants,
 * {@code username}, {@code objectId}; pages of at most {@value #MAX_SIZE}.
 */
@RestController
@ConditionalOnProperty("mubiao.audit.path")
class AuditController {

    static final int MAX_SIZE = 200;

    private final AuditLog auditLog;

    AuditController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @GetMapping(path = "${mubiao.audit.path}", produces = MediaType.APPLICATION_JSON_VALUE)
    AuditPageResponse list(@CurrentCaller Caller caller,
                           @RequestParam(required = false) Instant from,
                           @RequestParam(required = false) Instant to,
                           @RequestParam(required = false) String username,
                           @RequestParam(required = false) String objectId,
                           @RequestParam(defaultValue = "0") int page,
                           @RequestParam(defaultValue = "50") int size) {
        if (!caller.hasRole(Roles.TARGET_OFFICE) && !caller.hasRole(Roles.AUDITOR)) {
            throw ProblemException.forbidden("只有目标办和审计人员可以查看审计日志 / "
                    + "only the target office and auditors may read the audit log");
        }
        validate(from, to, page, size);
        Bson scope = scope(caller);
        if (scope == null) {
            return new AuditPageResponse(List.of(), page, size, false);
        }
        List<Bson> conditions = new ArrayList<>(List.of(scope));
        if (from != null) {
            conditions.add(Filters.gte("time", Date.from(from)));
        }
        if (to != null) {
            conditions.add(Filters.lt("time", Date.from(to)));
        }
        if (username != null && !username.isBlank()) {
            conditions.add(Filters.eq("username", username));
        }
        if (objectId != null && !objectId.isBlank()) {
            conditions.add(Filters.eq("objectIds", objectId));
        }
        List<AuditRecord> found = auditLog.find(Filters.and(conditions), r -> caller.covers(r.unit()),
                (long) page * size, size + 1);
        boolean hasNext = found.size() > size;
        List<AuditEntryResponse> items = found.stream().limit(size).map(AuditEntryResponse::of).toList();
        return new AuditPageResponse(items, page, size, hasNext);
    }

    private static void validate(Instant from, Instant to, int page, int size) {
        List<FieldProblem> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(new FieldProblem("page", "不能为负数 / must not be negative"));
        }
        if (size < 1 || size > MAX_SIZE) {
            errors.add(new FieldProblem("size", "须在1到" + MAX_SIZE + "之间 / must be between 1 and " + MAX_SIZE));
        }
        if (from != null && to != null && from.isAfter(to)) {
            errors.add(new FieldProblem("from", "不能晚于to / must not be after to"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /**
     * A query that finds at least every entry the caller covers (its region's subtree, or its department);
     * {@link Caller#covers} has the last word on each entry. {@code null}: the caller covers nothing.
     */
    private static Bson scope(Caller caller) {
        String unit = caller.unit();
        if (!UnitCodes.isWellFormed(unit)) {
            return null;
        }
        if (UnitCodes.isDepartment(unit)) {
            return Filters.eq("unit", unit);
        }
        return Filters.regex("unit", "^" + UnitCodes.subtreePrefix(UnitCodes.region(unit)));
    }
}
