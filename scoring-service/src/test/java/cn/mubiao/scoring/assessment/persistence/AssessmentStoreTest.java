package cn.mubiao.scoring.assessment.persistence;

import cn.mubiao.kit.testing.InMemoryMongo;
import cn.mubiao.scoring.assessment.domain.AssignmentFacts;
import cn.mubiao.scoring.assessment.domain.AssignmentFacts.FraudFlag;
import cn.mubiao.scoring.assessment.domain.AssignmentFacts.Terms;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

class AssessmentStoreTest {

    private static final MongoClient CLIENT = MongoClients.create(InMemoryMongo.uri("assessment-store-test"));

    @AfterAll
    static void close() {
        CLIENT.close();
    }

    private record Step(String assignmentId, UnaryOperator<AssignmentFacts> change) {
    }

    @Test
    void changingOneAssignmentStoresWhatChangingTheWholeUnitYearStores() {
        MongoDatabase db = CLIENT.getDatabase("assessment-store-test");
        AssessmentStore store = new AssessmentStore(db, JsonMapper.builder().build());
        Instant at = Instant.parse("2030-04-05T01:02:03.123456789Z");
        Terms terms = new Terms("T1", "地区生产总值", "CUMULATIVE", "亿元", new BigDecimal("120.5"), new BigDecimal("40"),
                "SHARE", List.of(), "520200", "GZ-A01", "CITY", new BigDecimal("130"), new BigDecimal("120.5"), "PROVINCE");
        List<Step> steps = new ArrayList<>(List.of(
                new Step("a1", a -> a.reported("2030Q1", 1, new BigDecimal("0.2"), new BigDecimal("24.1"), at)), // before its terms
                new Step("a1", a -> a.assigned(1, terms)),
                new Step("a2", a -> a.assigned(1, terms)),
                new Step("a1", a -> a.reported("2030Q2", 1, new BigDecimal("0.45"), new BigDecimal("54.2"), at)),
                new Step("a1", a -> a.reported("2030Q2", 1, new BigDecimal("0.45"), new BigDecimal("54.2"), at)), // replayed
                new Step("a1", a -> a.verified("2030Q2", at.plusSeconds(60), new BigDecimal("0.44"), "STATISTICS_BUREAU",
                        new BigDecimal("53.0"))),
                new Step("a2", a -> a.flagged(new FraudFlag("r-2", 1, "2030Q1", "虚报"))),
                new Step("a3", a -> a.reported("2030Q1", 1, null, null, at)), // nothing to record, yet the assignment is listed
                new Step("a2", a -> a.withdrawn(2))));

        for (Step s : steps) {
            store.change(2030, "520201-WHOLE", u -> u.withAssignment(s.assignmentId(), s.change()));
            store.changeAssignment(2030, "520201-ONE", s.assignmentId(), s.change());
        }

        var byWholeDocument = store.unitYear(2030, "520201-WHOLE").orElseThrow();
        var byAssignment = store.unitYear(2030, "520201-ONE").orElseThrow();
        assertThat(byAssignment.assignments()).isEqualTo(byWholeDocument.assignments()).hasSize(3);
        assertThat(version(db, "2030|520201-ONE")).isEqualTo(version(db, "2030|520201-WHOLE"));
        assertThat(store.unitsOf(2030)).contains("520201-WHOLE", "520201-ONE");
    }

    private static long version(MongoDatabase db, String id) {
        return db.getCollection("assessment_unit_years").find(new Document("_id", id)).first().get("version", Number.class)
                .longValue();
    }
}
