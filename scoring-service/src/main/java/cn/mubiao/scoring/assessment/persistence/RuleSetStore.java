package cn.mubiao.scoring.assessment.persistence;

import cn.mubiao.kit.persistence.GuardedWrite;
import cn.mubiao.scoring.assessment.domain.RuleSet;
import cn.mubiao.scoring.assessment.domain.ScoringRules;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.util.Optional;

/**
 * The rule set a government stored for a plan year ({@code rule_sets}, {@code _id} issuer|year): version, frozen flag
 * and the rules as their exact JSON. A government and year without one is assessed under the default (seed 003) rules.
 */
@Component
public class RuleSetStore {

    private final MongoCollection<Document> ruleSets;
    private final JsonMapper json;

    RuleSetStore(MongoDatabase db, JsonMapper json) {
        this.ruleSets = db.getCollection("rule_sets");
        this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    public Optional<RuleSet> find(String issuer, int year) {
        return Optional.ofNullable(ruleSets.find(Filters.eq("_id", id(issuer, year))).first())
                .map(d -> RuleSet.restore(year, d.getInteger("ruleVersion"),
                        json.readValue(d.getString("rules"), ScoringRules.class), d.getBoolean("frozen", false)));
    }

    /**
     * Stores the rule set as it now stands, unless a later version is stored already.
     *
     * @return false when the stored one is newer, or the same version and as frozen
     */
    public boolean save(String issuer, RuleSet ruleSet) {
        String id = id(issuer, ruleSet.planYear());
        Document stored = ruleSets.find(Filters.eq("_id", id)).first();
        long readVersion = stored == null ? 0 : stored.get("version", Number.class).longValue();
        if (stored != null) {
            int storedVersion = stored.getInteger("ruleVersion");
            boolean storedFrozen = stored.getBoolean("frozen", false);
            if (storedVersion > ruleSet.version()
                    || storedVersion == ruleSet.version() && (storedFrozen || !ruleSet.frozen())) {
                return false;
            }
        }
        return GuardedWrite.apply(ruleSets, id, readVersion, Updates.combine(
                Updates.set("issuer", issuer), Updates.set("year", ruleSet.planYear()),
                Updates.set("ruleVersion", ruleSet.version()), Updates.set("frozen", ruleSet.frozen()),
                Updates.set("rules", json.writeValueAsString(ruleSet.rules())), Updates.set("version", readVersion + 1)));
    }

    private static String id(String issuer, int year) {
        return issuer + "|" + year;
    }
}
