package cn.mubiao.progress.calendar.application;

import cn.mubiao.contracts.Frequency;
import cn.mubiao.contracts.IndicatorKind;
import cn.mubiao.contracts.progress.ReportDue;
import cn.mubiao.contracts.progress.ReportOverdue;
import cn.mubiao.kit.events.OutboxEntry;
import cn.mubiao.kit.testing.InMemoryMongo;
import cn.mubiao.kit.testing.MovableClock;
import cn.mubiao.progress.assignment.domain.Assignment;
import cn.mubiao.progress.assignment.persistence.AssignmentStore;
import cn.mubiao.progress.calendar.persistence.NoticeStore;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static cn.mubiao.kit.testing.Tokens.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = {"mubiao.events.subscribe=", "mubiao.events.relay-interval=1h",
        "mubiao.progress.calendar.first-scan-after=1h"})
@AutoConfigureMockMvc
class SendReportNoticesTest {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> InMemoryMongo.uri("progress-notices-test"));
    }


    @TestConfiguration
    static class Clocks {
        @Bean
        MovableClock clock() {
            return new MovableClock("2007-08-03T02:00:00Z");
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    MovableClock clock;
    @Autowired
    AssignmentStore assignments;
    @Autowired
    SendReportNotices notices;
    @Autowired
    MongoDatabase db;

    private static final String ID = "410100-2007-A03@410102";

    private List<Document> noticesOf(String assignmentId) {
        return db.getCollection(NoticeStore.COLLECTION).find(Filters.eq("assignmentId", assignmentId)).into(new ArrayList<>());
    }

    @Test
    void remindsBeforeTheDeadlineWarnsAfterItAndNeverTwice() throws Exception {
        assignments.save(new Assignment(ID, "410102", "中原区", 2007, "新增城镇固定资产投资", IndicatorKind.CUMULATIVE,
                new BigDecimal("200"), "亿元", Frequency.MONTHLY, List.of(), "410100-TJJ", 1));
        clock.set("2007-08-03T02:00:00Z");
        mvc.perform(post("/api/progress/reports").with(user("410102", "county", "reporter"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"assignmentId\":\"" + ID + "\",\"period\":\"200707\",\"cumulativeActual\":95}"))
                .andExpect(status().isCreated());

        clock.set("2007-09-03T02:00:00Z"); // 10:00 in Zhengzhou; 200708 is due on 09-05
        int sentOnTheThird = notices.runOnce();

        assertThat(sentOnTheThird).isEqualTo(1);
        assertThat(noticesOf(ID)).singleElement().satisfies(d -> {
            assertThat(d.getString("_id")).isEqualTo(ID + "|200708|DUE");
            OutboxEntry event = OutboxEntry.fromDocument(d.getList(OutboxEntry.FIELD, Document.class).getFirst());
            assertThat(event.type()).isEqualTo(ReportDue.TYPE);
            assertThat(event.subject()).isEqualTo(ID);
            assertThat(event.data()).contains("\"period\":\"200708\"", "\"dueDate\":\"2007-09-05\"", "\"daysLeft\":2",
                    "\"unitName\":\"中原区\"", "\"targetTitle\":\"新增城镇固定资产投资\"");
        });
        assertThat(notices.runOnce()).as("the same day again").isZero();

        clock.set("2007-09-06T02:00:00Z");
        int sentOnTheSixth = notices.runOnce();

        assertThat(sentOnTheSixth).isEqualTo(1);
        Document overdue = db.getCollection(NoticeStore.COLLECTION).find(Filters.eq("_id", ID + "|200708|OVERDUE")).first();
        assertThat(overdue).isNotNull();
        OutboxEntry event = OutboxEntry.fromDocument(overdue.getList(OutboxEntry.FIELD, Document.class).getFirst());
        assertThat(event.type()).isEqualTo(ReportOverdue.TYPE);
        assertThat(event.data()).contains("\"period\":\"200708\"", "\"overdueSince\":\"2007-09-06\"", "\"daysOverdue\":1");

        assertThat(notices.runOnce()).as("a rerun").isZero();
        clock.set("2007-09-07T02:00:00Z");
        assertThat(notices.runOnce()).as("the next day").isZero();
        assertThat(noticesOf(ID)).extracting(d -> d.getString("_id"))
                .containsExactlyInAnyOrder(ID + "|200708|DUE", ID + "|200708|OVERDUE");
    }
}
