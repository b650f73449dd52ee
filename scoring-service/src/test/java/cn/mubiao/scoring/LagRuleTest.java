package cn.mubiao.scoring;

import cn.mubiao.contracts.Frequency;
import cn.mubiao.contracts.IndicatorKind;
import cn.mubiao.contracts.LagStatus;
import cn.mubiao.contracts.Period;
import cn.mubiao.contracts.scoring.StatusChanged;
import cn.mubiao.contracts.target.TargetAssigned;
import cn.mubiao.scoring.lag.domain.LagAssessment;
import cn.mubiao.scoring.lag.domain.LagRecord;
import cn.mubiao.scoring.lag.domain.LagRule;
import cn.mubiao.scoring.lag.domain.Schedule;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LagRuleTest {

    private final LagRule rule = new LagRule(BigDecimal.TEN);
    private static final Period JULY = Period.month(2007, 7);

    private LagAssessment cumulative(String target, String actual) {
        return rule.assess(IndicatorKind.CUMULATIVE, new BigDecimal(target), new BigDecimal(actual), JULY, Schedule.linear());
    }

    @Test
    void seriouslyLagsWhenCompletionTrailsTheCalendarByTenPointsOrMore() {
        // DOMAIN.md §4: 95 of 200 by the end of July: c = 47.5 %, e = 58.3 %, gap 10.8 points → red
        LagAssessment a = cumulative("200", "95");

        assertThat(a.status()).isEqualTo(LagStatus.SERIOUSLY_LAGGING);
        assertThat(a.completion()).isEqualByComparingTo("0.475");
        assertThat(a.gapPoints().setScale(1, RoundingMode.HALF_UP)).isEqualByComparingTo("10.8");
        assertThat(a.reason()).contains("完成47.5%").contains("序时进度58.3%").contains("差距10.8个百分点");
    }

    @Test
    void lagsWhenCompletionTrailsTheCalendarByLessThanTenPoints() {
        LagAssessment a = cumulative("200", "105");

        assertThat(a.status()).isEqualTo(LagStatus.LAGGING);
        assertThat(a.gapPoints().setScale(1, RoundingMode.HALF_UP)).isEqualByComparingTo("5.8");
    }

    @Test
    void isOnTrackWhenCompletionMeetsTheCalendar() {
        // seed 004: 42.7 of 70.1 by July = 60.9 % ≥ 58.3 %
        assertThat(cumulative("70.1", "42.7").status()).isEqualTo(LagStatus.ON_TRACK);
    }

    @Test
    void aGapOfExactlyTheThresholdIsRed() {
        // e for June is 50 %; 40 % done is exactly 10 points behind
        LagAssessment a = rule.assess(IndicatorKind.CUMULATIVE, new BigDecimal("100"), new BigDecimal("40"),
                Period.month(2007, 6), Schedule.linear());

        assertThat(a.status()).isEqualTo(LagStatus.SERIOUSLY_LAGGING);
    }

    @Test
    void levelTargetsAreComparedAgainstTheFullValueAllYear() {
        // GDP growth 15 %: 14 % reported in March is 93.3 %, 6.7 points behind a flat schedule of 100 %
        LagAssessment a = rule.assess(IndicatorKind.LEVEL, new BigDecimal("15"), new BigDecimal("14"),
                Period.month(2007, 3), Schedule.linear());

        assertThat(a.expectedShare()).isEqualByComparingTo("1");
        assertThat(a.status()).isEqualTo(LagStatus.LAGGING);
    }

    @Test
    void aSeasonalCurveReplacesTheLinearCalendar() {
        List<BigDecimal> shares = new ArrayList<>();
        for (String s : "0.02 0.05 0.10 0.15 0.22 0.30 0.40 0.50 0.62 0.75 0.88 1".split(" ")) {
            shares.add(new BigDecimal(s));
        }
        // 95 of 200 (47.5 %) is behind the linear 58.3 % but ahead of a seasonal 40 % for July
        LagAssessment a = rule.assess(IndicatorKind.CUMULATIVE, new BigDecimal("200"), new BigDecimal("95"), JULY,
                new Schedule(shares));

        assertThat(a.expectedShare()).isEqualByComparingTo("0.40");
        assertThat(a.status()).isEqualTo(LagStatus.ON_TRACK);
    }

    @Test
    void quarterlyPeriodsExpectTheShareAtTheQuarterEnd() {
        LagAssessment a = rule.assess(IndicatorKind.CUMULATIVE, new BigDecimal("200"), new BigDecimal("150"),
                Period.parse("2007Q3").orElseThrow(), Schedule.linear());

        assertThat(a.expectedShare()).isEqualByComparingTo("0.75");
        assertThat(a.status()).isEqualTo(LagStatus.ON_TRACK);
    }

    @Test
    void statusChangedIsRecordedOncePerChangeNotPerReport() {
        TargetAssigned target = new TargetAssigned("a-1", "p", 2007, "A03", "新增城镇固定资产投资", "跨越式发展目标",
                "410102", "中原区", List.of(), "410100-TJJ", IndicatorKind.CUMULATIVE, "亿元", new BigDecimal("200"),
                BigDecimal.TEN, Frequency.MONTHLY, List.of(), List.of(), 1);
        LagRecord record = LagRecord.none("a-1", JULY);

        record.reassess(target, new BigDecimal("95"), rule, LagRecord.none("a-1", JULY.previous()));
        LagRecord again = LagRecord.restore("a-1", JULY, record.status(), record.assessment(), record.actual(), false, 1);
        again.reassess(target, new BigDecimal("96"), rule, LagRecord.none("a-1", JULY.previous()));

        assertThat(record.pendingEvents()).singleElement().isInstanceOfSatisfying(StatusChanged.class, e -> {
            assertThat(e.previousStatus()).isNull();
            assertThat(e.status()).isEqualTo(LagStatus.SERIOUSLY_LAGGING);
            assertThat(e.unitName()).isEqualTo("中原区");
        });
        assertThat(again.pendingEvents()).isEmpty();
    }

    @Test
    void recoveringToGreenIsAChangeToo() {
        TargetAssigned target = new TargetAssigned("a-1", "p", 2007, "A03", "投资", null, "410102", "中原区", List.of(), null,
                IndicatorKind.CUMULATIVE, "亿元", new BigDecimal("200"), null, Frequency.MONTHLY, List.of(), List.of(), 1);
        LagRecord red = LagRecord.none("a-1", JULY);
        red.reassess(target, new BigDecimal("95"), rule, LagRecord.none("a-1", JULY.previous()));
        LagRecord back = LagRecord.restore("a-1", JULY, red.status(), red.assessment(), red.actual(), false, 1);

        back.reassess(target, new BigDecimal("130"), rule, LagRecord.none("a-1", JULY.previous()));

        assertThat(back.pendingEvents()).singleElement().isInstanceOfSatisfying(StatusChanged.class, e -> {
            assertThat(e.previousStatus()).isEqualTo(LagStatus.SERIOUSLY_LAGGING);
            assertThat(e.status()).isEqualTo(LagStatus.ON_TRACK);
        });
    }
}
