package cn.mubiao.kit.audit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A write that succeeded stays a success when its audit record cannot be stored; the record goes to the log. */
class AuditInsertFailureTest {

    private MongoClient unreachable;
    private ListAppender<ILoggingEvent> logged;
    private Logger filterLog;

    @BeforeEach
    void mongoIsDown() {
        unreachable = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:9/"))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(200, TimeUnit.MILLISECONDS))
                .build());
        filterLog = (Logger) LoggerFactory.getLogger(AuditFilter.class);
        logged = new ListAppender<>();
        logged.start();
        filterLog.addAppender(logged);
    }

    @AfterEach
    void close() {
        filterLog.detachAppender(logged);
        unreachable.close();
    }

    @Test
    void aFailedInsertLeavesTheAnswerAloneAndLogsTheWholeRecordAtError() throws Exception {
        AuditFilter filter = new AuditFilter(new AuditLog(unreachable.getDatabase("down")),
                Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC));
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/progress/reports");
        request.addHeader("X-Forwarded-For", "198.51.100.3");
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, (req, res) -> {
            ((HttpServletResponse) res).setStatus(201);
            ((HttpServletResponse) res).setHeader("Location", "/api/progress/reports/r-77");
        });

        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(logged.list).filteredOn(e -> e.getLevel() == Level.ERROR).singleElement().satisfies(e -> {
            assertThat(e.getFormattedMessage()).contains("audit insert failed", "POST", "/api/progress/reports",
                    "r-77", "198.51.100.3", "2026-11-22T08:00:00Z", "status=201");
            assertThat(e.getThrowableProxy()).isNotNull();
        });
    }
}
