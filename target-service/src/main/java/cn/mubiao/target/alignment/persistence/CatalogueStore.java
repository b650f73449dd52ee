package cn.mubiao.target.alignment.persistence;

import cn.mubiao.target.alignment.domain.ProvinceIndicator;
import cn.mubiao.target.plan.application.ProvinceCatalogue;
import cn.mubiao.target.plan.domain.ProvinceStandard;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/** The province's catalogue for a plan, replaced whole on each import (one document write). */
@Component
public class CatalogueStore implements ProvinceCatalogue {

    private static final TypeReference<List<ProvinceIndicator>> INDICATORS = new TypeReference<>() {
    };

    private final MongoCollection<Document> collection;
    private final JsonMapper json;

    CatalogueStore(MongoDatabase db, JsonMapper json) {
        this.collection = db.getCollection("province_catalogues");
        this.json = json;
    }

    public record Stored(List<ProvinceIndicator> indicators, Instant importedAt, String importedBy) {
    }

    public void replace(String planId, List<ProvinceIndicator> indicators, Instant at, String by) {
        collection.replaceOne(Filters.eq("_id", planId), new Document("_id", planId)
                .append("indicators", json.writeValueAsString(indicators)).append("count", indicators.size())
                .append("importedAt", Date.from(at)).append("importedBy", by), new ReplaceOptions().upsert(true));
    }

    public Optional<Stored> find(String planId) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", planId)).first())
                .map(d -> new Stored(json.readValue(d.getString("indicators"), INDICATORS), d.getDate("importedAt").toInstant(),
                        d.getString("importedBy")));
    }

    @Override
    public Optional<ProvinceStandard> standardFor(String planId, String provinceCode) {
        return find(planId).flatMap(c -> c.indicators().stream()
                .filter(p -> p.assessesCity() && p.code().equals(provinceCode)).findFirst().map(ProvinceIndicator::standard));
    }
}
