package cn.mubiao.target.plan.persistence;

import cn.mubiao.kit.persistence.GuardedWrite;
import cn.mubiao.target.plan.domain.Allocation;
import cn.mubiao.target.plan.domain.Decomposition;
import cn.mubiao.target.plan.domain.Plan;
import cn.mubiao.target.plan.domain.PlannedTarget;
import cn.mubiao.target.plan.domain.ProvinceAlignment;
import cn.mubiao.target.plan.domain.TargetDefinition;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The targets of plans with their drafted decomposition and, for one answering a province indicator, its alignment
 * (就高不就低); {@code units} lists every unit named, for filters.
 */
@Component
public class TargetStore {

    private static final TypeReference<List<Allocation>> ALLOCATIONS = new TypeReference<>() {
    };

    private final MongoCollection<Document> collection;
    private final JsonMapper json;

    TargetStore(MongoDatabase db, JsonMapper json) {
        this.collection = db.getCollection("targets");
        this.json = json;
    }

    public Optional<PlannedTarget> find(Plan plan, String code) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", PlannedTarget.idOf(plan.id(), code))).first())
                .map(d -> read(plan, d));
    }

    /** Whether another target of the plan already answers this province indicator. */
    public boolean usesProvinceCode(Plan plan, String provinceCode, String exceptTargetId) {
        return collection.countDocuments(Filters.and(Filters.eq("planId", plan.id()), Filters.eq("provinceCode", provinceCode),
                Filters.ne("_id", exceptTargetId))) > 0;
    }

    public List<PlannedTarget> ofPlan(Plan plan) {
        return where(plan, Filters.eq("planId", plan.id()), 0, Integer.MAX_VALUE);
    }

    public List<PlannedTarget> where(Plan plan, Bson filter, int skip, int limit) {
        // a province-sized target carries 10,000 allocations (about a megabyte): a few per reply
        return collection.find(Filters.and(Filters.eq("planId", plan.id()), filter)).sort(Sorts.ascending("code"))
                .skip(skip).limit(limit).batchSize(8).map(d -> read(plan, d)).into(new ArrayList<>());
    }

    public long count(Plan plan, Bson filter) {
        return collection.countDocuments(Filters.and(Filters.eq("planId", plan.id()), filter));
    }

    /** @return false when another writer changed it first */
    public boolean save(PlannedTarget t, long readVersion) {
        Set<String> units = new LinkedHashSet<>();
        for (Decomposition.Node n : t.decomposition().nodes()) {
            units.add(n.unitCode());
            units.addAll(n.coUnits());
        }
        units.addAll(t.definition().coUnits());
        var update = Updates.combine(
                Updates.set("planId", t.planId()),
                Updates.set("code", t.definition().code()),
                Updates.set("category", t.definition().category()),
                Updates.set("leadUnits", t.definition().leadUnits()),
                Updates.set("monitorUnitCode", t.definition().monitorUnitCode()),
                Updates.set("provinceCode", t.definition().provinceCode()),
                Updates.set("units", List.copyOf(units)),
                Updates.set("definition", json.writeValueAsString(t.definition())),
                Updates.set("allocations", json.writeValueAsString(t.allocations())),
                Updates.set("provinceAlignment", t.provinceAlignment().map(json::writeValueAsString).orElse(null)),
                Updates.set("version", t.version()));
        return GuardedWrite.apply(collection, t.id(), readVersion, update);
    }

    private PlannedTarget read(Plan plan, Document d) {
        String alignment = d.getString("provinceAlignment");
        return PlannedTarget.restore(plan, json.readValue(d.getString("definition"), TargetDefinition.class),
                json.readValue(d.getString("allocations"), ALLOCATIONS),
                alignment == null ? null : json.readValue(alignment, ProvinceAlignment.class), ((Number) d.get("version")).longValue());
    }
}
