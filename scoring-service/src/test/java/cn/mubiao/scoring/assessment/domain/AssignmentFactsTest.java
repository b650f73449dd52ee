package cn.mubiao.scoring.assessment.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

class AssignmentFactsTest {

    private static final AssignmentFacts.Terms TERMS = new AssignmentFacts.Terms("T1", "新增城镇固定资产投资",
            "CUMULATIVE", "亿元", new BigDecimal("100"), new BigDecimal("40"), "LEAD", List.of(), "520201", null, null, null, null, null);

    private static final List<UnaryOperator<AssignmentFacts>> YEAR = List.of(
            a -> a.assigned(1, TERMS),
            a -> a.reported("200712", 1, new BigDecimal("0.90"), null, null),
            a -> a.reported("200712", 2, new BigDecimal("0.92"), null, null),
            a -> a.verified("200712", Instant.parse("2008-01-20T00:00:00Z"), new BigDecimal("0.95"), "STATISTICS_BUREAU",
                    null),
            a -> a.verified("200712", Instant.parse("2008-01-10T00:00:00Z"), new BigDecimal("0.93"), "UNIT", null),
            a -> a.verified("200711", Instant.parse("2008-01-30T00:00:00Z"), new BigDecimal("0.70"), "UNIT", null));

    @Test
    void theYearEndValueIsTheLatestPeriodsVerifiedValueWhateverOrderTheEventsCameIn() {
        Set<AssignmentFacts> outcomes = new java.util.HashSet<>();
        for (List<UnaryOperator<AssignmentFacts>> order : permutations(YEAR)) {
            AssignmentFacts facts = AssignmentFacts.unknown("A");
            for (UnaryOperator<AssignmentFacts> change : order) {
                facts = change.apply(change.apply(facts)); // and each one replayed
            }
            outcomes.add(facts);
        }
        assertThat(outcomes).hasSize(1);
        YearEndValue v = outcomes.iterator().next().yearEnd();
        assertThat(v.period()).isEqualTo("200712");
        assertThat(v.completion()).isEqualByComparingTo("0.95");
        assertThat(v.basis()).isEqualTo(YearEndValue.Basis.VERIFIED);
    }

    @Test
    void anUnverifiedPeriodCountsWithItsLatestReportedVersionAndNoValueCountsAsZero() {
        AssignmentFacts facts = AssignmentFacts.unknown("A").assigned(1, TERMS);
        assertThat(facts.yearEnd().basis()).isEqualTo(YearEndValue.Basis.NONE);
        assertThat(facts.item().outcome()).isEqualTo(new Outcome.Quantitative(BigDecimal.ZERO));

        facts = facts.reported("200712", 2, new BigDecimal("0.92"), null, null)
                .reported("200712", 1, new BigDecimal("0.90"), null, null);
        assertThat(facts.yearEnd().completion()).isEqualByComparingTo("0.92");
        assertThat(facts.yearEnd().basis()).isEqualTo(YearEndValue.Basis.REPORTED);
    }

    @Test
    void aWithdrawalTakesTheItemOutEvenWhenItArrivesFirstUntilANewerVersionIsIssued() {
        AssignmentFacts early = AssignmentFacts.unknown("A").withdrawn(2).assigned(1, TERMS);
        assertThat(early.live()).isFalse();
        assertThat(early.terms()).isEqualTo(TERMS);
        assertThat(AssignmentFacts.unknown("A").assigned(2, TERMS).withdrawn(2).live()).isFalse();
        assertThat(early.assigned(3, TERMS).live()).isTrue();
    }

    @Test
    void aFraudFlagMakesTheItemFraudulentOnce() {
        var flag = new AssignmentFacts.FraudFlag("R1", 1, "200712", "虚报");
        AssignmentFacts facts = AssignmentFacts.unknown("A").assigned(1, TERMS).flagged(flag).flagged(flag);
        assertThat(facts.fraudFlags()).containsExactly(flag);
        assertThat(facts.item().fraud()).isTrue();
    }

    @Test
    void aQualitativeItemIsCompletedOnlyWhenEveryMilestoneIsDone() {
        var qualitative = new AssignmentFacts.Terms("Q1", "完成老城区改造", "QUALITATIVE", null, null,
                new BigDecimal("20"), "LEAD", List.of(), "520201", null, null, null, null, null);
        AssignmentFacts facts = AssignmentFacts.unknown("Q").assigned(1, qualitative);
        assertThat(facts.reported("200712", 1, new BigDecimal("0.75"), null, null).item().outcome())
                .isEqualTo(new Outcome.Qualitative(Quality.NOT_COMPLETED));
        assertThat(facts.reported("200712", 1, BigDecimal.ONE, null, null).item().outcome())
                .isEqualTo(new Outcome.Qualitative(Quality.GOOD));
    }

    private static <T> List<List<T>> permutations(List<T> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T head = rest.remove(i);
            for (List<T> tail : permutations(rest)) {
                List<T> p = new ArrayList<>();
                p.add(head);
                p.addAll(tail);
                out.add(p);
            }
        }
        return out;
    }
}
