package cn.mubiao.scoring.assessment.domain;

import cn.mubiao.contracts.Period;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.Set;

/**
 * What the platform knows of one assignment for its year-end assessment, merged from events that may come late,
 * twice or out of order: every change is a merge that gives the same facts whatever the order (terms by version,
 * a withdrawal by version, report values by version, verified values by time, fraud flags as a set).
 *
 * @param version    the version of the assignment's terms or withdrawal last applied; 0 while no terms arrived
 * @param terms      null until the assignment itself arrives (a report may come first)
 * @param periods    by period code
 * @param fraudFlags the flags raised on its reports (虚报瞒报), as {@link FraudFlag}s
 */
public record AssignmentFacts(String assignmentId, long version, Terms terms, boolean withdrawn,
                              Map<String, PeriodValue> periods, Set<FraudFlag> fraudFlags) {

    /**
     * The assignment's terms, as issued.
     *
     * @param kind CUMULATIVE, LEVEL, CEILING or QUALITATIVE
     * @param role LEAD (责任单位) or SHARE (分解); null for a direct assignment
     * @param provinceCode the province indicator the target is aligned with (省市对接); null when not aligned
     * @param source       where the target came from: PROVINCE, CITY or OWN; null when not told
     * @param provinceTargetValue   the province's value of the whole target when it was aligned (省市对接); null when
     *                              not aligned or not told (events from before it was carried)
     * @param cityTargetValue       the city's own value of the whole target, beside it
     * @param targetValueProvenance where the value assessed came from (就高不就低): PROVINCE, CITY, BOTH or
     *                              NOT_COMPARABLE; null when not aligned or not told
     */
    public record Terms(String targetCode, String title, String kind, String unitOfMeasure, BigDecimal targetValue,
                        BigDecimal standardScore, String role, List<String> coUnitCodes, String issuerUnitCode,
                        String provinceCode, String source, BigDecimal provinceTargetValue, BigDecimal cityTargetValue,
                        String targetValueProvenance) {
        public Terms {
            coUnitCodes = coUnitCodes == null ? List.of() : List.copyOf(coUnitCodes);
        }

        /** Whether the province assesses the city on this target: aligned with its catalogue, or of province source. */
        public boolean provinceAssessed() {
            return provinceCode != null || "PROVINCE".equals(source);
        }

        public boolean qualitative() {
            return "QUALITATIVE".equals(kind);
        }
    }

    /** A report flagged as false: the item is fraudulent (第十六条). */
    public record FraudFlag(String reportId, int reportVersion, String period, String reason)
            implements Comparable<FraudFlag> {
        private static final Comparator<FraudFlag> ORDER = Comparator.comparing(FraudFlag::reportId)
                .thenComparingInt(FraudFlag::reportVersion);

        @Override
        public int compareTo(FraudFlag o) {
            return ORDER.compare(this, o);
        }
    }

    public AssignmentFacts {
        periods = Map.copyOf(periods);
        fraudFlags = Set.copyOf(fraudFlags);
    }

    public static AssignmentFacts unknown(String assignmentId) {
        return new AssignmentFacts(assignmentId, 0, null, false, Map.of(), Set.of());
    }

    /** Newer terms replace older ones (and lift an older withdrawal); an older or replayed version changes nothing. */
    public AssignmentFacts assigned(long atVersion, Terms next) {
        if (atVersion <= version && terms != null) {
            return this;
        }
        if (atVersion <= version) { // a withdrawal as new or newer is known: keep it, but learn the terms
            return new AssignmentFacts(assignmentId, version, next, withdrawn, periods, fraudFlags);
        }
        return new AssignmentFacts(assignmentId, atVersion, next, false, periods, fraudFlags);
    }

    /** A withdrawal at or after the current version takes the assignment out of the assessment. */
    public AssignmentFacts withdrawn(long atVersion) {
        if (atVersion < version || withdrawn && atVersion == version) {
            return this;
        }
        return new AssignmentFacts(assignmentId, atVersion, terms, true, periods, fraudFlags);
    }

    /** A report version: its completion and cumulative actual ({@code value}, null for a qualitative target). */
    public AssignmentFacts reported(String period, int reportVersion, BigDecimal completion, BigDecimal value,
                                    Instant at) {
        return withPeriod(period(period).reported(reportVersion, completion, value, at));
    }

    /** A verification: the completion and the effective value ({@code value}, null for a qualitative target). */
    public AssignmentFacts verified(String period, Instant at, BigDecimal completion, String source, BigDecimal value) {
        return withPeriod(period(period).verified(at, completion, source, value));
    }

    public AssignmentFacts flagged(FraudFlag flag) {
        if (fraudFlags.contains(flag)) {
            return this;
        }
        Set<FraudFlag> next = new TreeSet<>(fraudFlags);
        next.add(flag);
        return new AssignmentFacts(assignmentId, version, terms, withdrawn, periods, next);
    }

    private PeriodValue period(String code) {
        return periods.getOrDefault(code, PeriodValue.none(code));
    }

    private AssignmentFacts withPeriod(PeriodValue p) {
        if (p.equals(periods.get(p.period())) || !p.hasValue()) {
            return this;
        }
        Map<String, PeriodValue> next = new TreeMap<>(periods);
        next.put(p.period(), p);
        return new AssignmentFacts(assignmentId, version, terms, withdrawn, next, fraudFlags);
    }

    /** Whether the item counts: its terms arrived and it was not withdrawn. */
    public boolean live() {
        return terms != null && !withdrawn;
    }

    public boolean fraudulent() {
        return !fraudFlags.isEmpty();
    }

    /** The value that counts of the latest period with a value (prefer verified), or none (completion 0). */
    public YearEndValue yearEnd() {
        PeriodValue latest = null;
        int latestEnd = 0;
        for (PeriodValue p : periods.values()) { // each code parsed once, not once per comparison
            if (!p.hasValue()) {
                continue;
            }
            int end = periodEnd(p);
            if (latest == null || end > latestEnd || end == latestEnd && p.period().compareTo(latest.period()) > 0) {
                latest = p;
                latestEnd = end;
            }
        }
        return latest == null ? YearEndValue.none() : YearEndValue.of(latest);
    }

    private static int periodEnd(PeriodValue p) {
        return Period.parse(p.period()).map(x -> x.year() * 100 + x.endMonth()).orElse(0);
    }

    /**
     * The item the calculator scores, coded by assignment id. A quantitative item is scored on its year-end
     * completion; a qualitative one on its milestones: all done counts as completed (效果好 until an effect is
     * judged — that entry comes with the claims), anything less as not completed.
     */
    public Item item() {
        if (!live()) {
            throw new IllegalStateException(assignmentId + " is not part of the assessment");
        }
        BigDecimal completion = yearEnd().completion().max(BigDecimal.ZERO);
        Outcome outcome = terms.qualitative()
                ? new Outcome.Qualitative(completion.compareTo(BigDecimal.ONE) >= 0 ? Quality.GOOD : Quality.NOT_COMPLETED)
                : new Outcome.Quantitative(completion);
        return new Item(assignmentId, terms.title(), terms.standardScore(), outcome, fraudulent(), null,
                terms.provinceAssessed());
    }
}
