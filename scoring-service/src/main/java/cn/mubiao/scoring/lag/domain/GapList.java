package cn.mubiao.scoring.lag.domain;

import cn.mubiao.contracts.IndicatorKind;
import cn.mubiao.contracts.LagStatus;

import java.math.BigDecimal;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * 缺口清单: the assignments behind the calendar in one period, grouped by responsible unit, by target category or by
 * responsible leader, the worst first. An assignment with two leaders is listed under each of them (each answers for
 * it); the totals count it once.
 */
public record GapList(String period, Grouping grouping, List<Group> groups, int lagging, int seriouslyLagging) {

    /** How the list is grouped. */
    public enum Grouping {
        UNIT("按责任单位", "by responsible unit"),
        CATEGORY("按目标类别", "by target category"),
        LEADER("按责任领导", "by responsible leader");

        private final String zh;
        private final String en;

        Grouping(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }

        public String label() {
            return zh + " / " + en;
        }
    }

    /**
     * One assignment behind the calendar.
     *
     * @param expectedShare the share of the target due by the period's end (序时进度)
     * @param completion    the share done
     * @param gapPoints     expected minus done, in percentage points
     * @param actual        the effective actual; null when nothing was reported by the deadline
     */
    public record Gap(String assignmentId, String targetCode, String targetTitle, String category, String unitCode,
                      String unitName, List<String> leaders, IndicatorKind kind, String unitOfMeasure,
                      BigDecimal targetValue, LagStatus status, BigDecimal expectedShare, BigDecimal completion,
                      BigDecimal gapPoints, BigDecimal actual, String reason, boolean escalated) {

        public Gap {
            leaders = leaders == null ? List.of() : List.copyOf(leaders);
        }

        /**
         * The amount still missing to be on schedule, in the target's unit of measure (the 缺口 target offices quote:
         * "差 12.3 亿元"): the scheduled amount less the actual for a quantity or a level, the excess over a ceiling.
         * Null where no amount applies: a qualitative target, or no report (the whole scheduled amount is unknown to be
         * missing, {@link #scheduledAmount} says what was due).
         */
        public BigDecimal shortfall() {
            if (actual == null || targetValue == null || kind == null || kind == IndicatorKind.QUALITATIVE) {
                return null;
            }
            BigDecimal missing = kind == IndicatorKind.CEILING
                    ? actual.subtract(targetValue)
                    : expectedShare.multiply(targetValue).subtract(actual);
            return missing.max(BigDecimal.ZERO);
        }

        /** What the schedule asks for by the period's end, in the unit of measure; null for a qualitative target. */
        public BigDecimal scheduledAmount() {
            if (targetValue == null || kind == null || kind == IndicatorKind.QUALITATIVE) {
                return null;
            }
            return kind == IndicatorKind.CEILING ? targetValue : expectedShare.multiply(targetValue);
        }
    }

    /** The gaps of one unit, category or leader, the worst first. */
    public record Group(String key, String name, List<Gap> gaps) {

        public int lagging() {
            return count(gaps, LagStatus.LAGGING);
        }

        public int seriouslyLagging() {
            return count(gaps, LagStatus.SERIOUSLY_LAGGING);
        }
    }

    /** A group's name where the assignment names none. */
    public static final String NONE = "（未明确）";

    /** Categories and leaders in the order a Chinese reader expects (by pinyin); units by code. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Comparator<String> PINYIN = (Comparator) Collator.getInstance(Locale.CHINA);

    private static final Comparator<Gap> WORST_FIRST = Comparator
            .comparing((Gap g) -> g.status() == LagStatus.SERIOUSLY_LAGGING ? 0 : 1)
            .thenComparing(Gap::gapPoints, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Gap::assignmentId);

    /**
     * @param gaps the period's assignments behind the calendar (others are left out)
     */
    public static GapList of(String period, Grouping grouping, List<Gap> gaps) {
        List<Gap> behind = gaps.stream().filter(g -> g.status() != null && g.status().warns()).sorted(WORST_FIRST).toList();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, List<Gap>> byKey = new LinkedHashMap<>();
        for (Gap g : behind) {
            for (String key : keys(grouping, g)) {
                names.putIfAbsent(key, name(grouping, g, key));
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(g);
            }
        }
        List<Group> groups = byKey.entrySet().stream().map(e -> new Group(e.getKey(), names.get(e.getKey()), e.getValue()))
                .sorted(Comparator.comparingInt(Group::seriouslyLagging).reversed()
                        .thenComparing(Comparator.comparingInt(Group::lagging).reversed())
                        .thenComparing(g -> g.key().equals(NONE)) // the unspecified after the named, on a tie
                        .thenComparing(Group::key, grouping == Grouping.UNIT ? Comparator.naturalOrder() : PINYIN))
                .toList();
        return new GapList(period, grouping, groups, count(behind, LagStatus.LAGGING),
                count(behind, LagStatus.SERIOUSLY_LAGGING));
    }

    private static List<String> keys(Grouping grouping, Gap g) {
        return switch (grouping) {
            case UNIT -> List.of(g.unitCode());
            case CATEGORY -> List.of(blankToNone(g.category()));
            case LEADER -> g.leaders().isEmpty() ? List.of(NONE) : g.leaders().stream().map(GapList::blankToNone).distinct().toList();
        };
    }

    private static String name(Grouping grouping, Gap g, String key) {
        return grouping == Grouping.UNIT && g.unitName() != null ? g.unitName() : key;
    }

    private static String blankToNone(String s) {
        return s == null || s.isBlank() ? NONE : s;
    }

    private static int count(List<Gap> gaps, LagStatus status) {
        return (int) gaps.stream().filter(g -> g.status() == status).count();
    }
}
