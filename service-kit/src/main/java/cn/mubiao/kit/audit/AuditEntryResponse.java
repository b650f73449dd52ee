package cn.mubiao.kit.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One audit log entry as the read endpoint answers it. */
record AuditEntryResponse(String id, Instant time, String requestId, String username, String subject, String unit,
                          List<String> roles, String clientId, String method, String path,
                          Map<String, String> pathVariables, String location, int status, String clientIp) {

    static AuditEntryResponse of(AuditRecord r) {
        return new AuditEntryResponse(r.id().toHexString(), r.time(), r.requestId(), r.username(), r.subject(), r.unit(),
                r.roles(), r.clientId(), r.method(), r.path(), r.pathVariables(), r.location(), r.status(), r.clientIp());
    }
}
