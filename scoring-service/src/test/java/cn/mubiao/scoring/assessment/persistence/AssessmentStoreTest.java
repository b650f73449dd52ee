package cn.mubiao.scoring.assessment.persistence;

import cn.mubiao.kit.testing.InMemoryMongo;
import cn.mubiao.scoring.assessment.domain.AssignmentFacts;
import cn.mubiao.scoring.assessment.domain.AssignmentFacts.FraudFlag;
import cn.mubiao.scoring.assessment.domain.AssignmentFacts.Terms;
import cn.mubiao.scoring.assessment.domain.UnitYear;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

class AssessmentStoreTest {

    private static final MongoClient CLIENT = MongoClients.create(InMemoryMongo.uri("assessment-store-test"));
    private static final Instant AT = Instant.parse("2030-04-05T01:02:03.123456789Z");
    private static final Terms TERMS = new Terms("T1", "地区生产总值", "CUMULATIVE", "亿元", new BigDecimal("120.5"),
            new BigDecimal("40"), "SHARE", List.of(), "520200", "GZ-A01", "CITY", new BigDecimal("130"),
            new BigDecimal("120.5"), "PROVINCE");

    @AfterAll
    static void close() {
        CLIENT.close();
    }

    private record Step(String assignmentId, UnaryOperator<AssignmentFacts> change) {
    }

    private static final List<Step> STEPS = List.of(
            new Step("a1", a -> a.reported("2030Q1", 1, new BigDecimal("0.2"), new BigDecimal("24.1"), AT)), // before its terms
            new Step("a1", a -> a.assigned(1, TERMS)),
            new Step("a2", a -> a.assigned(1, TERMS)),
            new Step("a1", a -> a.reported("2030Q2", 1, new BigDecimal("0.45"), new BigDecimal("54.2"), AT)),
            new Step("a1", a -> a.reported("2030Q2", 1, new BigDecimal("0.45"), new BigDecimal("54.2"), AT)), // replayed
            new Step("a1", a -> a.verified("2030Q2", AT.plusSeconds(60), new BigDecimal("0.44"), "STATISTICS_BUREAU",
                    new BigDecimal("53.0"))),
            new Step("a2", a -> a.flagged(new FraudFlag("r-2", 1, "2030Q1", "虚报"))),
            new Step("a3", a -> a.reported("2030Q1", 1, null, null, AT)), // nothing to record, yet the assignment is listed
            new Step("a2", a -> a.withdrawn(2)));

    /** The facts the steps leave, merged in memory. */
    private static Map<String, AssignmentFacts> merged(List<Step> steps) {
        Map<String, AssignmentFacts> facts = new HashMap<>();
        for (Step s : steps) {
            facts.put(s.assignmentId(), s.change().apply(facts.getOrDefault(s.assignmentId(),
                    AssignmentFacts.unknown(s.assignmentId()))));
        }
        return facts;
    }

    @Test
    void aUnitsYearReadsBackEveryAssignmentAsItsChangesLeftIt() {
        MongoDatabase db = CLIENT.getDatabase("assessment-store-changes");
        AssessmentStore store = new AssessmentStore(db, JsonMapper.builder().build());

        store.named(2030, "520201", "花溪区");
        for (Step s : STEPS) {
            store.changeAssignment(2030, "520201", s.assignmentId(), s.change());
        }
        store.named(2030, "520201", "花溪区");

        UnitYear read = store.unitYear(2030, "520201").orElseThrow();
        assertThat(read.assignments()).isEqualTo(merged(STEPS)).hasSize(3);
        assertThat(read.unitName()).isEqualTo("花溪区");
        assertThat(store.unitsOf(2030)).containsExactly("520201");
        assertThat(store.unitYear(2030, "520202")).isEmpty();
        // each assignment is its own document, written once per change that changed something (the replay did not)
        assertThat(db.getCollection("assessment_facts").find(new Document("_id", "2030|520201|a1")).first()
                .get("version", Number.class).longValue()).isEqualTo(4);
    }

    @Test
    void firstReportsOfOneNewUnitYearArrivingTogetherAreAllListedAndEachAppliedOnce() throws Exception {
        MongoDatabase db = CLIENT.getDatabase("assessment-store-together");
        AssessmentStore store = new AssessmentStore(db, JsonMapper.builder().build());
        int threads = 6;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                String period = "2030Q" + (1 + t % 4);
                String assignmentId = "a" + (t % 3); // two threads per assignment, three assignments
                done.add(pool.submit(() -> {
                    start.await();
                    store.changeAssignment(2030, "520201", assignmentId, a -> a.reported(period, 1,
                            new BigDecimal("0.5"), null, AT));
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        }

        UnitYear read = store.unitYear(2030, "520201").orElseThrow();
        assertThat(read.assignments().keySet()).containsExactlyInAnyOrder("a0", "a1", "a2");
        assertThat(read.assignments().get("a0").periods().keySet()).containsExactlyInAnyOrder("2030Q1", "2030Q4");
        assertThat(db.getCollection("assessment_years").find(new Document("_id", 2030)).first().getList("units",
                String.class)).containsExactly("520201");
    }

    @Test
    void anAreaIsHandedOverUnitByUnitWithEachUnitsOwnAssignmentsAndNoneOutsideIt() {
        MongoDatabase db = CLIENT.getDatabase("assessment-store-area");
        AssessmentStore store = new AssessmentStore(db, JsonMapper.builder().build());
        List<String> inside = new ArrayList<>();
        for (int i = 0; i < 37; i++) { // more than one batch of units
            String unit = "5201%02d".formatted(i);
            inside.add(unit);
            for (int a = 0; a <= i % 3; a++) {
                store.changeAssignment(2030, unit, unit + "-" + a, x -> x.assigned(1, TERMS));
            }
        }
        store.changeAssignment(2030, "520301", "outside-area", x -> x.assigned(1, TERMS));
        store.changeAssignment(2031, "520101", "next-year", x -> x.assigned(1, TERMS));

        Map<String, UnitYear> seen = new HashMap<>();
        store.forEachUnitYear(2030, "5201", u -> seen.put(u.unitCode(), u));

        assertThat(seen.keySet()).containsExactlyInAnyOrderElementsOf(inside);
        assertThat(seen.get("520105").assignments().keySet()).containsExactlyInAnyOrder("520105-0", "520105-1",
                "520105-2");
        assertThat(seen.get("520105").live()).hasSize(3);
        assertThat(seen.get("520103").assignments().keySet()).containsExactly("520103-0");
    }

    @Test
    void aUnitsYearStoredWithItsAssignmentsInsideIsSplitWhenTheStoreStartsAndANewerWriteIsKept() {
        MongoDatabase db = CLIENT.getDatabase("assessment-store-first-shape");
        UnitYear before = new UnitYear(2030, "520201", "花溪区", merged(STEPS));
        Document firstShape = AssessmentStore.snapshot(before).append("_id", "2030|520201").append("version", 9L);
        db.getCollection("assessment_unit_years").insertOne(firstShape);
        db.getCollection("assessment_years").insertOne(new Document("_id", 2030).append("units", List.of("520201")));

        AssessmentStore store = new AssessmentStore(db, JsonMapper.builder().build());

        assertThat(store.unitYear(2030, "520201")).contains(before);
        assertThat(db.getCollection("assessment_unit_years").find(new Document("_id", "2030|520201")).first())
                .doesNotContainKey("assignments");

        // a crash before the array was dropped: the split runs again and keeps what was written since
        store.changeAssignment(2030, "520201", "a1", a -> a.reported("2030Q3", 1, new BigDecimal("0.7"), null, AT));
        db.getCollection("assessment_unit_years").updateOne(new Document("_id", "2030|520201"),
                new Document("$set", new Document("assignments", firstShape.get("assignments"))));
        AssessmentStore restarted = new AssessmentStore(db, JsonMapper.builder().build());

        UnitYear after = restarted.unitYear(2030, "520201").orElseThrow();
        assertThat(after.assignments().get("a1").periods()).containsKey("2030Q3");
        assertThat(after.assignments()).hasSize(3);
        assertThat(restarted.unitsOf(2030)).containsExactly("520201");
    }
}
