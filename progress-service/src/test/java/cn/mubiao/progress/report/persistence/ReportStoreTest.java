package cn.mubiao.progress.report.persistence;

import cn.mubiao.contracts.Frequency;
import cn.mubiao.contracts.IndicatorKind;
import cn.mubiao.contracts.Period;
import cn.mubiao.kit.testing.InMemoryMongo;
import cn.mubiao.progress.assignment.domain.Assignment;
import cn.mubiao.progress.report.domain.Report;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportStoreTest {

    private static final MongoClient CLIENT = MongoClients.create(InMemoryMongo.uri("report-store-test"));

    @AfterAll
    static void close() {
        CLIENT.close();
    }

    private static Assignment monthly(String assignmentId) {
        return new Assignment(assignmentId, "410102", "中原区", 2007, "新增城镇固定资产投资", IndicatorKind.CUMULATIVE,
                new BigDecimal("200"), "亿元", Frequency.MONTHLY, List.of(), "410100-TJJ", 1);
    }

    private static void store(ReportStore store, Assignment a, String period) {
        assertThat(store.save(Report.restore(a.assignmentId(), a.unitCode(), Period.parse(period).orElseThrow(), 0,
                Report.Status.OPEN, List.of(), List.of(), List.of(), null, List.of()), List.of())).isTrue();
    }

    @Test
    void anAssignmentsReportsComeInCalendarOrderOnlyThoseStoredAndNoneOfAnotherAssignment() {
        ReportStore store = new ReportStore(CLIENT.getDatabase("report-store-test"));
        Assignment investment = monthly("A03@410102");
        Assignment other = monthly("A04@410102");
        store(store, investment, "200712");
        store(store, investment, "200701");
        store(store, other, "200702");
        store(store, investment, "200703");

        assertThat(store.findByAssignment(investment)).extracting(r -> r.period().code())
                .containsExactly("200701", "200703", "200712");
        assertThat(store.findByAssignment(other)).extracting(r -> r.period().code()).containsExactly("200702");
        assertThat(store.findByAssignment(monthly("A05@410102"))).isEmpty();
    }
}
