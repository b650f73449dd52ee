package cn.mubiao.contracts;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodAndCompletionTest {

    @Test
    void readsTheFourPeriodCodesOfTheDomain() {
        assertThat(Period.parse("202407")).get().satisfies(p -> {
            assertThat(p.frequency()).isEqualTo(Frequency.MONTHLY);
            assertThat(p.monthIndex()).isEqualTo(7);
            assertThat(p.firstDay()).isEqualTo(LocalDate.of(2024, 7, 1));
        });
        assertThat(Period.parse("2024Q3")).get().satisfies(p -> {
            assertThat(p.frequency()).isEqualTo(Frequency.QUARTERLY);
            assertThat(p.firstDay()).isEqualTo(LocalDate.of(2024, 7, 1));
            assertThat(p.lastDay()).isEqualTo(LocalDate.of(2024, 9, 30));
        });
        assertThat(Period.parse("2024S1")).get().extracting(Period::frequency, Period::monthIndex)
                .containsExactly(Frequency.HALF_YEARLY, 6);
        assertThat(Period.parse("2024")).get().extracting(Period::frequency, Period::monthIndex)
                .containsExactly(Frequency.YEARLY, 12);
    }

    @Test
    void rejectsCodesThatAreNoPeriod() {
        assertThat(Period.parse("202413")).isEmpty();
        assertThat(Period.parse("2024-07")).isEmpty();
        assertThat(Period.parse("2024Q5")).isEmpty();
        assertThat(Period.parse("")).isEmpty();
        assertThat(Period.parse(null)).isEmpty();
    }

    @Test
    void reportIsDueOnTheFifthOfTheNextMonthByDefault() {
        assertThat(Period.month(2007, 7).dueDate(5)).isEqualTo(LocalDate.of(2007, 8, 5));
        assertThat(Period.parse("2007Q4").orElseThrow().dueDate(5)).isEqualTo(LocalDate.of(2008, 1, 5));
    }

    @Test
    void cumulativeCompletionIsActualOverTargetAndIsNotCapped() {
        assertThat(IndicatorKind.CUMULATIVE.completion(new BigDecimal("95"), new BigDecimal("200")))
                .isEqualByComparingTo("0.475");
        // seed 004: 451.6 km of a 300 km plan is 150.5 %
        assertThat(IndicatorKind.CUMULATIVE.completion(new BigDecimal("451.6"), new BigDecimal("300")))
                .isCloseTo(new BigDecimal("1.5053"), org.assertj.core.data.Offset.offset(new BigDecimal("0.0001")));
    }

    @Test
    void ceilingIsCompleteAtOrBelowTheLimitAndProportionalAbove() {
        assertThat(IndicatorKind.CEILING.completion(new BigDecimal("3"), new BigDecimal("4"))).isEqualByComparingTo("1");
        assertThat(IndicatorKind.CEILING.completion(new BigDecimal("5"), new BigDecimal("4"))).isEqualByComparingTo("0.8");
    }

    @Test
    void theConsecutivePeriodsOfAFrequencyFollowEachOtherAcrossTheYearEnd() {
        assertThat(Period.parse("200707").orElseThrow().previous().code()).isEqualTo("200706");
        assertThat(Period.parse("200801").orElseThrow().previous().code()).isEqualTo("200712");
        assertThat(Period.parse("200712").orElseThrow().next().code()).isEqualTo("200801");
        assertThat(Period.parse("2007Q1").orElseThrow().previous().code()).isEqualTo("2006Q4");
        assertThat(Period.parse("2007Q3").orElseThrow().next().code()).isEqualTo("2007Q4");
        assertThat(Period.parse("2007S2").orElseThrow().previous().code()).isEqualTo("2007S1");
        assertThat(Period.parse("2007S2").orElseThrow().next().code()).isEqualTo("2008S1");
        assertThat(Period.parse("2007").orElseThrow().previous().code()).isEqualTo("2006");
    }
}
