package cn.mubiao.notification.bulletin;

import cn.mubiao.contracts.LagStatus;
import cn.mubiao.contracts.scoring.StatusChanged;
import cn.mubiao.kit.events.EventHandler;
import cn.mubiao.kit.events.InboundEvent;
import cn.mubiao.notification.bulletin.domain.BulletinPeriod;
import cn.mubiao.notification.bulletin.domain.StatusLine;
import cn.mubiao.notification.bulletin.persistence.StatusBoard;
import cn.mubiao.notification.warning.NotificationTestSupport;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The statuses bulletins are compiled from, kept from scoring's {@code StatusChanged} events. */
class StatusBoardTest extends NotificationTestSupport {

    private static final AtomicInteger ids = new AtomicInteger();

    @Autowired
    EventHandler<StatusChanged> statusChanged;
    @Autowired
    StatusBoard board;

    @BeforeEach
    void empty() {
        db.getCollection(StatusBoard.COLLECTION).deleteMany(new Document());
    }

    static StatusChanged status(String unit, String name, String code, String period, LagStatus from, LagStatus to,
                                String completion, String gap) {
        return new StatusChanged("410100-2007-" + code + "@" + unit, unit, name, code, "目标" + code, period, from, to,
                new BigDecimal("0.58333"), new BigDecimal(completion), new BigDecimal(gap), new BigDecimal("95"),
                new BigDecimal("200"), "亿元", "原因");
    }

    static InboundEvent at(String time) {
        return new InboundEvent("status-" + ids.incrementAndGet(), StatusChanged.TYPE, "/mubiao/scoring-service", "a",
                Instant.parse(time), "{}", "mubiao.scoring.events", 0, ids.get());
    }

    private static final BulletinPeriod JULY = BulletinPeriod.parse("200707").orElseThrow();

    @Test
    void aReplayedStatusIsKeptOnce() {
        InboundEvent e = at("2007-08-06T01:00:00Z");
        StatusChanged red = status("410102", "中原区", "A03", "200707", null, LagStatus.SERIOUSLY_LAGGING, "0.475", "10.8");

        statusChanged.handle(red, e);
        statusChanged.handle(red, e);

        assertThat(board.lines("410100", JULY)).singleElement().satisfies(l -> {
            assertThat(l.status()).isEqualTo(LagStatus.SERIOUSLY_LAGGING);
            assertThat(l.unitName()).isEqualTo("中原区");
            assertThat(l.targetTitle()).isEqualTo("目标A03");
            assertThat(l.completion()).isEqualByComparingTo("0.475");
            assertThat(l.expectedShare()).isEqualByComparingTo("0.58333");
            assertThat(l.gapPoints()).isEqualByComparingTo("10.8");
        });
        assertThat(db.getCollection(StatusBoard.COLLECTION).countDocuments()).isEqualTo(1);
    }

    @Test
    void theNewerStatusWinsWhicheverArrivesFirst() {
        StatusChanged red = status("410102", "中原区", "A03", "200707", null, LagStatus.SERIOUSLY_LAGGING, "0.475", "10.8");
        StatusChanged yellow = status("410102", "中原区", "A03", "200707", LagStatus.SERIOUSLY_LAGGING, LagStatus.LAGGING,
                "0.525", "5.8");
        InboundEvent older = at("2007-08-06T01:00:00Z");
        InboundEvent newer = at("2007-08-07T01:00:00Z");

        statusChanged.handle(yellow, newer);
        statusChanged.handle(red, older);   // late: changes nothing

        assertThat(board.lines("410100", JULY)).extracting(StatusLine::status).containsExactly(LagStatus.LAGGING);

        statusChanged.handle(red, older);   // replayed again
        statusChanged.handle(yellow, newer);
        assertThat(board.lines("410100", JULY)).extracting(StatusLine::status).containsExactly(LagStatus.LAGGING);
    }

    @Test
    void eachStatusBelongsToTheGovernmentThatAssignsTheUnitDirectly() {
        statusChanged.handle(status("410102", "中原区", "A03", "200707", null, LagStatus.ON_TRACK, "0.6", "-1.7"), at("2007-08-06T01:00:00Z"));
        statusChanged.handle(status("410100-FGW", "市发展改革委", "B01", "200707", null, LagStatus.ON_TRACK, "0.6", "-1.7"), at("2007-08-06T01:00:00Z"));
        statusChanged.handle(status("410102001", "林山寨街道", "C01", "200707", null, LagStatus.LAGGING, "0.5", "8.3"), at("2007-08-06T01:00:00Z"));
        statusChanged.handle(status("410102", "中原区", "A04", "200706", null, LagStatus.ON_TRACK, "0.6", "-1.7"), at("2007-08-06T01:00:00Z"));

        assertThat(board.lines("410100", JULY)).extracting(StatusLine::unitCode).containsExactlyInAnyOrder("410102", "410100-FGW");
        assertThat(board.lines("410102", JULY)).extracting(StatusLine::unitCode).containsExactly("410102001");
        assertThat(board.issuers(JULY)).containsExactly("410100", "410102");
        assertThat(board.nameOf("410102")).contains("中原区");
        assertThat(board.nameOf("410100")).isEmpty();
    }

    @Test
    void aRedStatusWithoutAnActualIsAMissingReport() {
        StatusChanged missing = new StatusChanged("a", "410102", "中原区", "A03", "投资", "200707", null,
                LagStatus.SERIOUSLY_LAGGING, new BigDecimal("0.58333"), BigDecimal.ZERO, new BigDecimal("58.333"), null,
                new BigDecimal("200"), "亿元", "逾期未报");

        statusChanged.handle(missing, at("2007-08-06T01:00:00Z"));

        assertThat(board.lines("410100", JULY)).singleElement().extracting(StatusLine::overdue).isEqualTo(true);
    }
}
