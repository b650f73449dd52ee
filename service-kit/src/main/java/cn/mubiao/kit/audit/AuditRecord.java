package cn.mubiao.kit.audit;

import org.bson.Document;
import org.bson.types.ObjectId;

import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One write request as the audit log keeps it: who (username, subject, unit, roles, client), what (method,
 * path, status), to which object (path variables, the {@code Location} of a 201), when and from where.
 *
 * @param id        the document id, chosen before the insert so that a record logged after a failed insert can
 *                  be replayed without doubling it
 * @param objectIds the path variables' values and the last segment of the {@code Location}: what {@code objectId}
 *                  searches
 */
record AuditRecord(ObjectId id, Instant time, String requestId, String username, String subject, String unit,
                   List<String> roles, String clientId, String method, String path, Map<String, String> pathVariables,
                   String location, List<String> objectIds, int status, String clientIp) {

    AuditRecord {
        roles = roles == null ? List.of() : List.copyOf(roles);
        pathVariables = pathVariables == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(pathVariables));
        objectIds = objectIds == null ? List.of() : List.copyOf(objectIds);
    }

    Document toDocument() {
        return new Document("_id", id).append("time", Date.from(time)).append("requestId", requestId)
                .append("username", username).append("subject", subject).append("unit", unit).append("roles", roles)
                .append("clientId", clientId).append("method", method).append("path", path)
                .append("pathVariables", new Document(new LinkedHashMap<>(pathVariables))).append("location", location)
                .append("objectIds", objectIds).append("status", status).append("clientIp", clientIp);
    }

    static AuditRecord fromDocument(Document d) {
        Map<String, String> variables = new LinkedHashMap<>();
        Document v = d.get("pathVariables", Document.class);
        if (v != null) {
            v.forEach((name, value) -> variables.put(name, String.valueOf(value)));
        }
        return new AuditRecord(d.getObjectId("_id"), d.getDate("time").toInstant(), d.getString("requestId"),
                d.getString("username"), d.getString("subject"), d.getString("unit"), d.getList("roles", String.class),
                d.getString("clientId"), d.getString("method"), d.getString("path"), variables, d.getString("location"),
                d.getList("objectIds", String.class), d.getInteger("status", 0), d.getString("clientIp"));
    }
}
