package cn.mubiao.progress.calendar.persistence;

import cn.mubiao.contracts.Frequency;
import cn.mubiao.contracts.IndicatorKind;
import cn.mubiao.kit.events.OutboxEntry;
import cn.mubiao.kit.testing.InMemoryMongo;
import cn.mubiao.progress.assignment.domain.Assignment;
import cn.mubiao.progress.calendar.domain.CalendarRules;
import cn.mubiao.progress.calendar.domain.Notice;
import cn.mubiao.progress.calendar.domain.ReportingCalendar;
import cn.mubiao.progress.calendar.domain.Submission;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class NoticeStoreTest {

    private static MongoClient client;
    private static MongoDatabase db;
    private static NoticeStore store;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(InMemoryMongo.uri("notice-store-test"));
        db = client.getDatabase("notice-store-test");
        store = new NoticeStore(db);
    }

    @AfterAll
    static void close() {
        client.close();
    }

    private static Notice augustReminder(String assignmentId) {
        Assignment a = new Assignment(assignmentId, "410102", "中原区", 2007, "新增城镇固定资产投资", IndicatorKind.CUMULATIVE,
                new BigDecimal("200"), "亿元", Frequency.MONTHLY, List.of(), null, 1);
        return ReportingCalendar.of(a, new CalendarRules(5, 3, 30))
                .noticesOwed(LocalDate.parse("2007-09-03"), Map.of("200707", new Submission(
                        Instant.parse("2007-08-03T02:00:00Z"), false))).getFirst();
    }

    private static List<OutboxEntry> entryFor(Notice n) {
        return List.of(new OutboxEntry(UUID.randomUUID().toString(), "mubiao.progress.events", n.event().eventType(),
                n.assignmentId(), Instant.parse("2007-09-03T02:00:00Z"), "{}"));
    }

    @Test
    void aNoticeIsStoredOnceWithItsEventAndASecondInsertWritesNothing() {
        Notice notice = augustReminder("A-" + UUID.randomUUID());

        boolean first = store.insert(notice, entryFor(notice));
        boolean second = store.insert(notice, entryFor(notice));

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        List<Document> docs = db.getCollection(NoticeStore.COLLECTION).find(Filters.eq("assignmentId", notice.assignmentId()))
                .into(new java.util.ArrayList<>());
        assertThat(docs).singleElement().satisfies(d -> {
            assertThat(d.getString("_id")).isEqualTo(notice.assignmentId() + "|200708|DUE");
            assertThat(d.getString("dueDate")).isEqualTo("2007-09-05");
            assertThat(d.getList(OutboxEntry.FIELD, Document.class)).singleElement()
                    .satisfies(e -> assertThat(e.getString("type")).isEqualTo("mubiao.progress.ReportDue.v1"));
        });
    }

    @Test
    void storedTellsWhichNoticesWereSentAlready() {
        Notice sent = augustReminder("A-" + UUID.randomUUID());
        Notice notSent = augustReminder("A-" + UUID.randomUUID());
        store.insert(sent, entryFor(sent));

        assertThat(store.stored(List.of(sent.id(), notSent.id()))).containsExactly(sent.id());
        assertThat(store.stored(List.of())).isEmpty();
    }
}
