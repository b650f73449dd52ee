package cn.mubiao.notification.bulletin.application;

import cn.mubiao.kit.security.Roles;
import cn.mubiao.notification.NotificationProperties;
import cn.mubiao.notification.bulletin.domain.Bulletin;
import cn.mubiao.notification.bulletin.domain.Bulletin.UnitSection;
import cn.mubiao.notification.bulletin.domain.BulletinPeriod;
import cn.mubiao.notification.bulletin.domain.BulletinTexts;
import cn.mubiao.notification.bulletin.persistence.BulletinStore;
import cn.mubiao.notification.bulletin.persistence.StatusBoard;
import cn.mubiao.notification.recipient.KeycloakRecipients;
import cn.mubiao.notification.recipient.Recipient;
import cn.mubiao.notification.warning.application.DeliverNotices;
import cn.mubiao.notification.warning.application.DeliverNotices.Subject;
import cn.mubiao.notification.warning.domain.Notice;
import cn.mubiao.notification.warning.domain.TriggerKind;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * 定期通报: compiles a government's bulletin for a month or quarter from the statuses kept ({@link StatusBoard}),
 * keeps it as issued ({@link BulletinStore}) and sends it by email — to the issuer's target office and leaders, and to
 * the leaders of each unit it lists — through the one delivery path, the bulletin id as the trigger: once per
 * bulletin, recipient and channel, however often the schedule runs.
 */
@Component
public class IssueBulletins {

    /** The trigger type deliveries of a bulletin record (a bulletin is no inbound event). */
    public static final String TRIGGER_TYPE = "mubiao.notification.Bulletin";

    private final StatusBoard board;
    private final BulletinStore store;
    private final KeycloakRecipients recipients;
    private final DeliverNotices deliver;
    private final Clock clock;
    private final ZoneId zone;
    private final int day;

    IssueBulletins(StatusBoard board, BulletinStore store, KeycloakRecipients recipients, DeliverNotices deliver,
                   Clock clock, NotificationProperties settings) {
        this.board = board;
        this.store = store;
        this.recipients = recipients;
        this.deliver = deliver;
        this.clock = clock;
        this.zone = ZoneId.of(settings.bulletin().zone());
        this.day = settings.bulletin().day();
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * A bulletin to look at.
     *
     * @param issued whether it is the bulletin as issued (sent or being sent), rather than as it would be now
     */
    public record Preview(Bulletin bulletin, boolean issued) {
    }

    /** The bulletin as issued, when it was; else as it would be now, from the latest statuses. */
    public Preview preview(String issuerUnitCode, BulletinPeriod period) {
        return issued(issuerUnitCode, period).map(b -> new Preview(b, true))
                .orElseGet(() -> new Preview(compile(issuerUnitCode, period), false));
    }

    public Optional<Bulletin> issued(String issuerUnitCode, BulletinPeriod period) {
        return store.get(Bulletin.idOf(issuerUnitCode, period));
    }

    Bulletin compile(String issuerUnitCode, BulletinPeriod period) {
        return Bulletin.compile(issuerUnitCode, board.nameOf(issuerUnitCode).orElse(null), period,
                board.lines(issuerUnitCode, period), clock.instant());
    }

    /**
     * Issues the latest monthly and the latest quarterly bulletin due today (on {@code bulletin.day} of the month after
     * the period) for every government with a status in them; those sent already are left alone.
     *
     * @return how many bulletins were sent by this call
     */
    public int issueDue() {
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        int sent = 0;
        for (BulletinPeriod.Kind kind : BulletinPeriod.Kind.values()) {
            BulletinPeriod period = BulletinPeriod.latestDue(kind, today, day);
            for (String issuer : board.issuers(period)) {
                if (issue(issuer, period)) {
                    sent++;
                }
            }
        }
        return sent;
    }

    /**
     * Issues one bulletin: compiled and kept the first time (a snapshot: later corrections change a later bulletin),
     * then its deliveries created and marked done. A run that stopped half-way is completed by the next from the same
     * snapshot, and the deliveries made before are not made again (their keys exist).
     *
     * @return false when it had been sent already
     */
    public boolean issue(String issuerUnitCode, BulletinPeriod period) {
        String id = Bulletin.idOf(issuerUnitCode, period);
        if (store.dispatched(id)) {
            return false;
        }
        Bulletin b = store.get(id).orElseGet(() -> store.keep(compile(issuerUnitCode, period)));
        deliver.notify(b.id(), TRIGGER_TYPE, new Subject(TriggerKind.BULLETIN, null, period.code(), issuerUnitCode, null),
                withRole(issuerUnitCode, Roles.TARGET_OFFICE, Roles.LEADER), r -> notice(b, r));
        for (UnitSection u : b.units()) {
            deliver.notify(b.id(), TRIGGER_TYPE, new Subject(TriggerKind.BULLETIN, null, period.code(), u.unitCode(), null),
                    withRole(u.unitCode(), Roles.LEADER), r -> notice(b, r));
        }
        store.markDispatched(id, clock.instant());
        return true;
    }

    private Notice notice(Bulletin b, Recipient r) {
        return Notice.emailOnly(BulletinTexts.subject(b), r.displayName() + "：\n\n" + BulletinTexts.plainText(b, zone), b.id());
    }

    private List<Recipient> withRole(String unitCode, String... roles) {
        return recipients.ofUnit(unitCode).stream().filter(r -> List.of(roles).stream().anyMatch(r::hasRole)).toList();
    }
}
