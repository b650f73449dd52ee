package cn.mubiao.notification.bulletin.domain;

import cn.mubiao.contracts.LagStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * 定期通报: for one issuing government and one period, each responsible unit's targets grouped by status — red
 * (严重滞后) first, then yellow (滞后), then green (正常) — with counts per unit and in total. The units listed are
 * the ones the issuer assigns targets to directly: its departments and the governments one level down
 * ({@code UnitCodes.nextLevelUp(unit) == issuer}); the caller picks the lines, this class only groups and counts.
 *
 * @param id         {@code bulletin:<issuer>:<period>}, e.g. {@code bulletin:410100:200707}: the bulletin's one
 *                   identity, used as the trigger of its deliveries
 * @param issuerName the issuer's name when known, else its code
 * @param compiledAt when the statuses were read
 * @param units      in unit-code order
 */
public record Bulletin(String id, String issuerUnitCode, String issuerName, BulletinPeriod period, Instant compiledAt,
                       List<UnitSection> units, Counts totals) {

    /** The order statuses are listed in: the ones that need attention first. */
    public static final List<LagStatus> ORDER = List.of(LagStatus.SERIOUSLY_LAGGING, LagStatus.LAGGING, LagStatus.ON_TRACK);

    public Bulletin {
        units = List.copyOf(units);
    }

    /**
     * One responsible unit's part.
     *
     * @param byStatus every status of {@link #ORDER} with its targets (possibly none), in that order; within a status by
     *                 gap, the largest first, then target code
     */
    public record UnitSection(String unitCode, String unitName, Map<LagStatus, List<StatusLine>> byStatus, Counts counts) {

        public UnitSection {
            Map<LagStatus, List<StatusLine>> copy = new LinkedHashMap<>();
            for (LagStatus s : ORDER) {
                copy.put(s, List.copyOf(byStatus.getOrDefault(s, List.of())));
            }
            byStatus = java.util.Collections.unmodifiableMap(copy);
        }

        public List<StatusLine> targets(LagStatus status) {
            return byStatus.get(status);
        }
    }

    public static String idOf(String issuerUnitCode, BulletinPeriod period) {
        return "bulletin:" + issuerUnitCode + ":" + period.code();
    }

    /**
     * Groups the lines the period lists ({@link BulletinPeriod#lists}) by unit and status; the latest line per
     * assignment and period is the caller's to give (one each), any other period's lines are left out.
     */
    public static Bulletin compile(String issuerUnitCode, String issuerName, BulletinPeriod period,
                                   Collection<StatusLine> lines, Instant compiledAt) {
        Map<String, List<StatusLine>> byUnit = new TreeMap<>();
        for (StatusLine l : lines) {
            if (period.lists(l.period())) {
                byUnit.computeIfAbsent(l.unitCode(), u -> new ArrayList<>()).add(l);
            }
        }
        Comparator<StatusLine> worstFirst = Comparator.comparing(StatusLine::gapPoints,
                        Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(StatusLine::targetCode, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(StatusLine::assignmentId);
        List<UnitSection> units = new ArrayList<>();
        Counts totals = Counts.NONE;
        for (var unit : byUnit.entrySet()) {
            Map<LagStatus, List<StatusLine>> byStatus = new LinkedHashMap<>();
            for (LagStatus s : ORDER) {
                byStatus.put(s, unit.getValue().stream().filter(l -> l.status() == s).sorted(worstFirst).toList());
            }
            Counts counts = Counts.of(unit.getValue().stream().map(StatusLine::status).toList());
            units.add(new UnitSection(unit.getKey(), unit.getValue().getFirst().unitLabel(), byStatus, counts));
            totals = totals.plus(counts);
        }
        String name = issuerName == null || issuerName.isBlank() ? issuerUnitCode : issuerName;
        return new Bulletin(idOf(issuerUnitCode, period), issuerUnitCode, name, period, compiledAt, units, totals);
    }

    /** {@code 郑州市2007年7月目标进度通报}. */
    public String title() {
        String issuer = issuerName.equals(issuerUnitCode) ? issuerUnitCode + " " : issuerName;
        return issuer + period.label() + "目标进度通报";
    }

    public boolean isEmpty() {
        return units.isEmpty();
    }
}
