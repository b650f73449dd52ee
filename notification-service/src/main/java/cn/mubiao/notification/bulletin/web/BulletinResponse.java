package cn.mubiao.notification.bulletin.web;

import cn.mubiao.contracts.LagStatus;
import cn.mubiao.notification.bulletin.domain.Bulletin;
import cn.mubiao.notification.bulletin.domain.Bulletin.UnitSection;
import cn.mubiao.notification.bulletin.domain.BulletinTexts;
import cn.mubiao.notification.bulletin.domain.Counts;
import cn.mubiao.notification.bulletin.domain.StatusLine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A bulletin as JSON: each unit's counts and its targets, red first, then yellow, then green.
 *
 * @param issued whether this is the bulletin as issued; false for what it would be now
 */
record BulletinResponse(String id, String issuerUnitCode, String issuerName, String period, String periodLabel,
                        String kind, String title, boolean issued, Instant compiledAt, CountsResponse totals,
                        List<UnitResponse> units) {

    record CountsResponse(int seriouslyLagging, int lagging, int onTrack, int total) {
        static CountsResponse of(Counts c) {
            return new CountsResponse(c.seriouslyLagging(), c.lagging(), c.onTrack(), c.total());
        }
    }

    record UnitResponse(String unitCode, String unitName, CountsResponse counts, List<TargetResponse> targets) {
    }

    /** @param statusLabel e.g. {@code 红色·严重滞后} */
    record TargetResponse(String status, String statusLabel, String assignmentId, String targetCode, String targetTitle,
                          String period, BigDecimal completion, BigDecimal expectedShare, BigDecimal gapPoints,
                          boolean overdue) {
    }

    static BulletinResponse of(Bulletin b, boolean issued) {
        return new BulletinResponse(b.id(), b.issuerUnitCode(), b.issuerName(), b.period().code(), b.period().label(),
                b.period().kind().name(), b.title(), issued, b.compiledAt(), CountsResponse.of(b.totals()),
                b.units().stream().map(BulletinResponse::unit).toList());
    }

    private static UnitResponse unit(UnitSection u) {
        List<TargetResponse> targets = Bulletin.ORDER.stream().flatMap(s -> u.targets(s).stream())
                .map(BulletinResponse::target).toList();
        return new UnitResponse(u.unitCode(), u.unitName(), CountsResponse.of(u.counts()), targets);
    }

    private static TargetResponse target(StatusLine l) {
        LagStatus s = l.status();
        return new TargetResponse(s.name(), BulletinTexts.statusLabel(s), l.assignmentId(), l.targetCode(),
                l.targetTitle(), l.period(), l.completion(), l.expectedShare(), l.gapPoints(), l.overdue());
    }
}
