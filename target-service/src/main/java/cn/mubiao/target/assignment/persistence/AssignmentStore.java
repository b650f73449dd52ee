package cn.mubiao.target.assignment.persistence;

import cn.mubiao.kit.events.OutboxEntry;
import cn.mubiao.kit.security.UnitCodes;
import cn.mubiao.target.assignment.domain.Assignment;
import cn.mubiao.target.assignment.domain.AssignmentTerms;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Assignments, each document carrying its unpublished events in {@code outbox}. */
@Component
public class AssignmentStore {

    public static final String COLLECTION = "assignments";

    private final MongoCollection<Document> collection;
    private final JsonMapper json;

    AssignmentStore(MongoDatabase db, JsonMapper json) {
        this.collection = db.getCollection(COLLECTION);
        this.json = json;
    }

    public Optional<Assignment> find(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first()).map(this::read);
    }

    /**
     * What a unit may see, selected in the database: for a region, everything whose responsible unit or a
     * co-unit lies in its subtree; for a department, what it leads, co-handles or monitors.
     */
    public List<Assignment> visibleTo(String unitCode) {
        var filter = UnitCodes.isDepartment(unitCode)
                ? Filters.or(Filters.eq("unitCode", unitCode), Filters.eq("coUnitCodes", unitCode),
                Filters.eq("monitorUnitCode", unitCode))
                : Filters.or(Filters.regex("unitCode", "^" + Pattern.quote(UnitCodes.subtreePrefix(unitCode))),
                Filters.regex("coUnitCodes", "^" + Pattern.quote(UnitCodes.subtreePrefix(unitCode))));
        return collection.find(filter).sort(Sorts.ascending("_id")).map(this::read).into(new ArrayList<>());
    }

    /**
     * Writes the assignment and appends its new events to the outbox in one update, guarded by the version
     * it was read at (optimistic concurrency).
     *
     * @return false when another writer changed it first
     */
    public boolean save(Assignment a, long readVersion, List<OutboxEntry> events) {
        var update = Updates.combine(
                Updates.set("unitCode", a.terms().unitCode()),
                Updates.set("monitorUnitCode", a.terms().monitorUnitCode()),
                Updates.set("coUnitCodes", a.terms().coUnitCodes()),
                Updates.set("year", a.terms().year()),
                Updates.set("version", a.version()),
                Updates.set("terms", json.writeValueAsString(a.terms())),
                Updates.pushEach(OutboxEntry.FIELD, events.stream().map(OutboxEntry::toDocument).toList()));
        if (readVersion == 0) {
            try {
                collection.updateOne(Filters.and(Filters.eq("_id", a.id()), Filters.exists("version", false)), update,
                        new UpdateOptions().upsert(true));
                return true;
            } catch (com.mongodb.MongoWriteException e) {
                return false;
            }
        }
        return collection.updateOne(Filters.and(Filters.eq("_id", a.id()), Filters.eq("version", readVersion)), update)
                .getModifiedCount() == 1;
    }

    private Assignment read(Document d) {
        return Assignment.restore(d.getString("_id"), json.readValue(d.getString("terms"), AssignmentTerms.class),
                ((Number) d.get("version")).longValue());
    }
}
