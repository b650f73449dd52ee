package cn.mubiao.scoring;

import cn.mubiao.contracts.Frequency;
import cn.mubiao.contracts.IndicatorKind;
import cn.mubiao.contracts.progress.MilestoneProgress;
import cn.mubiao.contracts.progress.ProgressCorrected;
import cn.mubiao.contracts.progress.ProgressReported;
import cn.mubiao.contracts.progress.ReportOverdue;
import cn.mubiao.contracts.scoring.EscalationRaised;
import cn.mubiao.contracts.scoring.StatusChanged;
import cn.mubiao.contracts.target.Milestone;
import cn.mubiao.contracts.target.TargetAssigned;
import cn.mubiao.kit.events.OutboxEntry;
import cn.mubiao.kit.testing.InMemoryMongo;
import cn.mubiao.scoring.lag.application.AssessLag;
import cn.mubiao.scoring.lag.persistence.LagStore;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Escalation through the application and the store: events kept in the lag documents' outbox (the relay watches no
 * collection here, so nothing is drained), each test on its own assignment.
 */
@SpringBootTest(properties = {"mubiao.events.subscribe=", "mubiao.events.relay-interval=1h",
        "mubiao.events.outbox-collections="})
class EscalationFlowTest {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> InMemoryMongo.uri("scoring-escalation-test"));
    }

    @Autowired
    AssessLag lag;
    @Autowired
    MongoDatabase db;

    private static TargetAssigned target(String id) {
        return new TargetAssigned(id, "410100-2007", 2007, "A03", "新增城镇固定资产投资", "跨越式发展目标", "410102",
                "中原区", List.of(), "410100-TJJ", IndicatorKind.CUMULATIVE, "亿元", new BigDecimal("200"), BigDecimal.TEN,
                Frequency.MONTHLY, List.of(), List.of(), 1, "410100-2007-A03", null, "LEAD", "410100", true, null, "CITY",
                null, List.of());
    }

    private void report(String id, String period, String actual) {
        lag.progressReported(new ProgressReported(id + ":" + period, id, "410102", period, new BigDecimal(actual),
                null, "zy-reporter", Instant.parse("2007-08-03T02:00:00Z"), false));
    }

    private void correct(String id, String period, int version, String actual) {
        lag.progressCorrected(new ProgressCorrected(id + ":" + period, id, "410102", period, version,
                new BigDecimal(actual), null, List.of(), "更正", "zy-reporter", Instant.parse("2007-08-04T02:00:00Z"), false));
    }

    /** Every event written for the assignment, of one type. */
    private List<OutboxEntry> outbox(String id, String type) {
        List<OutboxEntry> out = new ArrayList<>();
        for (Document d : db.getCollection(LagStore.STATUS_COLLECTION).find(Filters.eq("assignmentId", id))) {
            d.getList(OutboxEntry.FIELD, Document.class, List.of()).stream().map(OutboxEntry::fromDocument)
                    .filter(e -> e.type().equals(type)).forEach(out::add);
        }
        return out;
    }

    @Test
    void twoRedMonthsRaiseOneEscalationAndReplaysAndCorrectionsRaiseNoMore() {
        String id = "410100-2007-A03@410102#flow1";
        lag.targetAssigned(target(id));
        report(id, "200706", "70");
        report(id, "200707", "95");

        report(id, "200707", "95");        // the same report again
        correct(id, "200707", 2, "105");   // yellow
        correct(id, "200707", 3, "96");    // red again
        lag.targetAssigned(target(id));    // the target replayed: every period recomputed

        assertThat(outbox(id, EscalationRaised.TYPE)).singleElement().satisfies(e -> {
            assertThat(e.subject()).isEqualTo(id);
            assertThat(e.data()).contains("\"previousPeriod\":\"200706\"").contains("\"period\":\"200707\"")
                    .contains("\"escalateToUnitCode\":\"410100\"");
        });
        assertThat(outbox(id, StatusChanged.TYPE)).hasSize(4);   // June red, July red, yellow, red
        Document july = db.getCollection(LagStore.STATUS_COLLECTION).find(Filters.eq("_id", id + "|200707")).first();
        assertThat(july.getBoolean("escalated")).isTrue();
    }

    private void overdue(String id, String period, String due) {
        lag.reportOverdue(new ReportOverdue(id, "410102", "中原区", 2007, "新增城镇固定资产投资", period,
                java.time.LocalDate.parse(due), java.time.LocalDate.parse(due).plusDays(1), 1));
    }

    @Test
    void twoMonthsWithoutAReportTurnRedAndEscalateOnceAndALateReportReassesses() {
        String id = "410100-2007-A03@410102#overdue";
        lag.targetAssigned(target(id));

        overdue(id, "200706", "2007-07-05");
        overdue(id, "200707", "2007-08-05");
        overdue(id, "200707", "2007-08-05");   // replayed

        List<OutboxEntry> changes = outbox(id, StatusChanged.TYPE);
        assertThat(changes).hasSize(2).allSatisfy(e -> assertThat(e.data())
                .contains("\"status\":\"SERIOUSLY_LAGGING\"").contains("逾期未报").contains("\"actual\":null"));
        assertThat(outbox(id, EscalationRaised.TYPE)).singleElement()
                .satisfies(e -> assertThat(e.data()).contains("\"period\":\"200707\""));

        report(id, "200707", "120");           // late, and ahead of the schedule
        assertThat(outbox(id, StatusChanged.TYPE)).hasSize(3).last()
                .satisfies(e -> assertThat(e.data()).contains("\"status\":\"ON_TRACK\""));
    }

    @Test
    void anOverdueNoticeForAPeriodReportedMeanwhileChangesNothing() {
        String id = "410100-2007-A03@410102#reported";
        lag.targetAssigned(target(id));
        report(id, "200707", "120");

        overdue(id, "200707", "2007-08-05");

        assertThat(outbox(id, StatusChanged.TYPE)).singleElement()
                .satisfies(e -> assertThat(e.data()).contains("\"status\":\"ON_TRACK\""));
    }

    @Test
    void aLateReportOfTheFirstRedMonthEscalatesTheSecondOnce() {
        String id = "410100-2007-A03@410102#flow2";
        report(id, "200707", "95");        // before the target: waits
        lag.targetAssigned(target(id));
        report(id, "200706", "70");        // June arrives after July
        report(id, "200706", "70");

        assertThat(outbox(id, EscalationRaised.TYPE)).singleElement()
                .satisfies(e -> assertThat(e.data()).contains("\"period\":\"200707\""));
    }

    @Test
    void redYellowRedMonthsRaiseNoEscalation() {
        String id = "410100-2007-A03@410102#flow3";
        lag.targetAssigned(target(id));
        report(id, "200706", "70");
        report(id, "200707", "105");
        report(id, "200708", "110");

        assertThat(outbox(id, EscalationRaised.TYPE)).isEmpty();
    }

    private static TargetAssigned housing(String id) {
        return new TargetAssigned(id, "410100-2007", 2007, "S02", "建设廉租住房", "十件实事", "410102", "中原区", List.of(),
                "410100-JSW", IndicatorKind.QUALITATIVE, null, null, BigDecimal.TEN, Frequency.QUARTERLY, List.of(),
                List.of("李副市长"), 1, "410100-2007-S02", null, "LEAD", "410100", false, null, "CITY", null,
                List.of(new Milestone(LocalDate.of(2007, 3, 31), "完成选址"), new Milestone(LocalDate.of(2007, 6, 30), "开工建设")));
    }

    private static List<MilestoneProgress> milestones(boolean startedBuilding) {
        return List.of(new MilestoneProgress("完成选址", LocalDate.of(2007, 3, 31), true, LocalDate.of(2007, 3, 20), null),
                new MilestoneProgress("开工建设", LocalDate.of(2007, 6, 30), startedBuilding,
                        startedBuilding ? LocalDate.of(2007, 6, 28) : null, null));
    }

    @Test
    void aMilestoneReportThatComesBeforeItsTargetIsAssessedWhenTheTargetArrives() {
        String id = "410100-2007-S02@410102#early";
        lag.progressReported(new ProgressReported("R-" + id, id, "410102", "2007Q2", null, null, "zy-reporter",
                Instant.parse("2007-07-03T02:00:00Z"), false, 1, milestones(false)));
        assertThat(outbox(id, StatusChanged.TYPE)).isEmpty();

        lag.targetAssigned(housing(id));

        assertThat(outbox(id, StatusChanged.TYPE)).singleElement().satisfies(e -> assertThat(e.data())
                .contains("\"status\":\"SERIOUSLY_LAGGING\"").contains("开工建设"));
        lag.targetAssigned(housing(id));   // replayed: nothing more
        assertThat(outbox(id, StatusChanged.TYPE)).hasSize(1);
    }

    @Test
    void aCorrectionOfAMilestoneReportReassessesThePeriod() {
        String id = "410100-2007-S02@410102#corrected";
        lag.targetAssigned(housing(id));
        lag.progressReported(new ProgressReported("R-" + id, id, "410102", "2007Q2", null, null, "zy-reporter",
                Instant.parse("2007-07-03T02:00:00Z"), false, 1, milestones(false)));
        lag.progressCorrected(new ProgressCorrected("R-" + id, id, "410102", "2007Q2", 2, null, null, milestones(true),
                "开工建设已于6月28日完成，补报", "zy-reporter", Instant.parse("2007-07-04T02:00:00Z"), false));

        assertThat(outbox(id, StatusChanged.TYPE)).hasSize(2).last()
                .satisfies(e -> assertThat(e.data()).contains("\"status\":\"ON_TRACK\""));
    }
}
