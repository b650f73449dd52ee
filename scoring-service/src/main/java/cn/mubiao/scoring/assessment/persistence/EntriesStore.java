package cn.mubiao.scoring.assessment.persistence;

import cn.mubiao.kit.persistence.GuardedWrite;
import cn.mubiao.scoring.assessment.domain.UnitEntries;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The entries of each unit's plan year ({@code assessment_entries}, {@code _id "2007|410102-FGW"}): claims, vetoes,
 * the comprehensive evaluation and the ratings received, written whole under a version guard.
 */
@Component
public class EntriesStore {

    private final MongoCollection<Document> entries;

    EntriesStore(MongoDatabase db) {
        this.entries = db.getCollection("assessment_entries");
    }

    public UnitEntries find(int year, String unitCode) {
        Document d = entries.find(Filters.eq("_id", key(year, unitCode))).first();
        return d == null ? UnitEntries.none(year, unitCode) : EntriesCodec.read(d, d.get("version", Number.class).longValue());
    }

    /** The entries of every unit of {@code year} whose code starts with {@code codePrefix}, by unit code: one query. */
    public Map<String, UnitEntries> all(int year, String codePrefix) {
        Map<String, UnitEntries> found = new HashMap<>();
        for (Document d : entries.find(Filters.and(Filters.eq("year", year),
                Filters.regex("unitCode", "^" + Pattern.quote(codePrefix)))).batchSize(1000)) {
            UnitEntries e = EntriesCodec.read(d, d.get("version", Number.class).longValue());
            found.put(e.unitCode(), e);
        }
        return found;
    }

    public Optional<UnitEntries> stored(int year, String unitCode) {
        UnitEntries e = find(year, unitCode);
        return e.revision() == 0 ? Optional.empty() : Optional.of(e);
    }

    /** @return false when another writer changed the entries since they were read */
    public boolean save(UnitEntries e) {
        Document state = EntriesCodec.write(e);
        return GuardedWrite.apply(entries, key(e.year(), e.unitCode()), e.revision(), Updates.combine(
                Updates.set("year", e.year()), Updates.set("unitCode", e.unitCode()),
                Updates.set("claims", state.get("claims")), Updates.set("vetoes", state.get("vetoes")),
                Updates.set("comprehensive", state.get("comprehensive")), Updates.set("ratings", state.get("ratings")),
                Updates.set("judgements", state.get("judgements")), Updates.set("coUnitMarks", state.get("coUnitMarks")),
                Updates.set("quarterlyBases", state.get("quarterlyBases")),
                Updates.set("version", e.revision() + 1)));
    }

    static String key(int year, String unitCode) {
        return year + "|" + unitCode;
    }
}
