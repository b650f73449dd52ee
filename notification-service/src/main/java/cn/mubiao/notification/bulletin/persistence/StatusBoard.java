package cn.mubiao.notification.bulletin.persistence;

import cn.mubiao.contracts.LagStatus;
import cn.mubiao.contracts.Period;
import cn.mubiao.contracts.scoring.StatusChanged;
import cn.mubiao.kit.events.InboundEvent;
import cn.mubiao.kit.events.LatestVersions;
import cn.mubiao.kit.security.UnitCodes;
import cn.mubiao.notification.bulletin.domain.BulletinPeriod;
import cn.mubiao.notification.bulletin.domain.StatusLine;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The read model bulletins are compiled from: the latest {@code StatusChanged} of each assignment and period, one
 * document each ({@value #COLLECTION}), beside the fields bulletins select by. An event's version is its CloudEvents
 * time: a replay stores the same again, an older event arriving after a newer one changes nothing.
 *
 * <p>{@code StatusChanged} does not name the government that issued the target; a status is filed under the unit's
 * next level up ({@code UnitCodes.nextLevelUp}: a county's city, a department's own government), the government that
 * assigns it targets directly, whose bulletin lists it.
 */
@Component
public class StatusBoard {

    public static final String COLLECTION = "bulletin-statuses";
    private static final Logger log = LoggerFactory.getLogger(StatusBoard.class);

    private final LatestVersions<StatusChanged> latest;
    private final JsonMapper json;

    StatusBoard(MongoDatabase db, JsonMapper json) {
        this.latest = new LatestVersions<>(db, COLLECTION, StatusChanged.class, json);
        this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    /** Keeps {@code e} unless a newer status of its assignment and period is kept; whether it was kept. */
    public boolean record(StatusChanged e, InboundEvent event) {
        Optional<Period> period = Period.parse(e.period());
        if (period.isEmpty() || e.assignmentId() == null || e.unitCode() == null || e.status() == null) {
            log.warn("status {} of {} in {} not kept for bulletins: incomplete", e.status(), e.assignmentId(), e.period());
            return false;
        }
        long version = event.time() == null ? 0 : event.time().toEpochMilli();
        return latest.save(e.assignmentId() + "|" + e.period(), version, e, Map.of(
                "issuer", UnitCodes.nextLevelUp(e.unitCode()).orElse(""),
                "unitCode", e.unitCode(),
                "period", e.period(),
                "endMonth", BulletinPeriod.endMonthOf(period.get()),
                "status", e.status().name()));
    }

    /** The latest status of each assignment the issuer assigns directly that the bulletin of {@code period} lists. */
    public List<StatusLine> lines(String issuerUnitCode, BulletinPeriod period) {
        List<StatusLine> out = new ArrayList<>();
        latest.collection().find(Filters.and(Filters.eq("issuer", issuerUnitCode), selects(period)))
                .forEach(d -> out.add(line(read(d))));
        return out;
    }

    /** The governments with at least one status the bulletin of {@code period} lists. */
    public Set<String> issuers(BulletinPeriod period) {
        Set<String> out = new TreeSet<>();
        latest.collection().find(selects(period)).projection(Projections.include("issuer"))
                .forEach(d -> {
                    String issuer = d.getString("issuer");
                    if (issuer != null && !issuer.isBlank()) {
                        out.add(issuer);
                    }
                });
        return out;
    }

    /** A unit's name as the statuses of its own targets give it, if it has any. */
    public Optional<String> nameOf(String unitCode) {
        Document d = latest.collection().find(Filters.eq("unitCode", unitCode)).first();
        return Optional.ofNullable(d).map(this::read).map(StatusChanged::unitName).filter(n -> !n.isBlank());
    }

    private StatusChanged read(Document d) {
        return json.readValue(d.getString("json"), StatusChanged.class);
    }

    private static Bson selects(BulletinPeriod period) {
        return period.kind() == BulletinPeriod.Kind.MONTHLY ? Filters.eq("period", period.code())
                : Filters.eq("endMonth", period.endMonth());
    }

    private static StatusLine line(StatusChanged e) {
        return new StatusLine(e.assignmentId(), e.unitCode(), e.unitName(), e.targetCode(), e.targetTitle(), e.period(),
                e.status(), e.completion(), e.expectedShare(), e.gapPoints(),
                e.actual() == null && e.status() == LagStatus.SERIOUSLY_LAGGING);
    }
}
