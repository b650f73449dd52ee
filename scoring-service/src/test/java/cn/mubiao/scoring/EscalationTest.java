package cn.mubiao.scoring;

import cn.mubiao.contracts.Frequency;
import cn.mubiao.contracts.IndicatorKind;
import cn.mubiao.contracts.LagStatus;
import cn.mubiao.contracts.MubiaoEvent;
import cn.mubiao.contracts.Period;
import cn.mubiao.contracts.scoring.EscalationRaised;
import cn.mubiao.contracts.scoring.StatusChanged;
import cn.mubiao.contracts.target.TargetAssigned;
import cn.mubiao.scoring.lag.domain.LagRecord;
import cn.mubiao.scoring.lag.domain.LagRule;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 专题督导 (DOMAIN.md §4, issue 6): red in two consecutive periods escalates to the next level's target office and
 * leader, once per assignment and second period. 200亿元 a year on the linear calendar: June expects 50 %, July 58.3 %,
 * August 66.7 %.
 */
class EscalationTest {

    private final LagRule rule = new LagRule(BigDecimal.TEN);

    private static TargetAssigned target(String unitCode, String issuer) {
        return new TargetAssigned("410100-2007-A03@" + unitCode, "410100-2007", 2007, "A03", "新增城镇固定资产投资",
                "跨越式发展目标", unitCode, "中原区", List.of(), "410100-TJJ", IndicatorKind.CUMULATIVE, "亿元",
                new BigDecimal("200"), BigDecimal.TEN, Frequency.MONTHLY, List.of(), List.of("张副市长"), 1,
                "410100-2007-A03", null, "LEAD", issuer, true, null, "CITY", null, List.of());
    }

    private static final TargetAssigned ZHONGYUAN = target("410102", "410100");

    /** Assesses a period as the application does: from its stored record, knowing the record of the period before. */
    private LagRecord assess(TargetAssigned t, LagRecord stored, String actual, LagRecord before) {
        stored.reassess(t, new BigDecimal(actual), rule, before);
        return stored;
    }

    private LagRecord first(TargetAssigned t, String period, String actual) {
        Period p = Period.parse(period).orElseThrow();
        return assess(t, LagRecord.none(t.assignmentId(), p), actual, LagRecord.none(t.assignmentId(), p.previous()));
    }

    private LagRecord next(TargetAssigned t, LagRecord before, String actual) {
        return assess(t, LagRecord.none(t.assignmentId(), before.period().next()), actual, stored(before));
    }

    /** The record as read back from the store after its write. */
    private static LagRecord stored(LagRecord r) {
        return LagRecord.restore(r.assignmentId(), r.period(), r.status(), r.assessment(), r.actual(), r.escalated(),
                r.version() + 1);
    }

    private static List<EscalationRaised> escalations(LagRecord r) {
        return r.pendingEvents().stream().filter(EscalationRaised.class::isInstance).map(EscalationRaised.class::cast).toList();
    }

    @Test
    void twoRedPeriodsInARowRaiseOneEscalationToTheNextLevelWithTheLatestFigures() {
        LagRecord june = first(ZHONGYUAN, "200706", "70");   // 35 % against 50 %: red
        LagRecord july = next(ZHONGYUAN, june, "95");         // 47.5 % against 58.3 %: red again

        assertThat(escalations(june)).isEmpty();
        assertThat(july.pendingEvents()).hasSize(2).first().isInstanceOf(StatusChanged.class);
        assertThat(escalations(july)).singleElement().satisfies(e -> {
            assertThat(e.assignmentId()).isEqualTo("410100-2007-A03@410102");
            assertThat(e.aggregateId()).isEqualTo(e.assignmentId());
            assertThat(e.unitCode()).isEqualTo("410102");
            assertThat(e.unitName()).isEqualTo("中原区");
            assertThat(e.targetCode()).isEqualTo("A03");
            assertThat(e.targetTitle()).isEqualTo("新增城镇固定资产投资");
            assertThat(e.previousPeriod()).isEqualTo("200706");
            assertThat(e.period()).isEqualTo("200707");
            assertThat(e.completion()).isEqualByComparingTo("0.475");
            assertThat(e.expectedShare().doubleValue()).isCloseTo(0.5833, org.assertj.core.data.Offset.offset(0.0001));
            assertThat(e.reason()).contains("差距10.8个百分点");
            assertThat(e.issuerUnitCode()).isEqualTo("410100");
            assertThat(e.escalateToUnitCode()).isEqualTo("410100");
        });
        assertThat(july.escalated()).isTrue();
    }

    @Test
    void redYellowRedDoesNotEscalate() {
        LagRecord june = first(ZHONGYUAN, "200706", "70");    // red
        LagRecord july = next(ZHONGYUAN, june, "105");        // 52.5 % against 58.3 %: yellow
        LagRecord august = next(ZHONGYUAN, july, "110");      // 55 % against 66.7 %: red

        assertThat(july.status()).isEqualTo(LagStatus.LAGGING);
        assertThat(august.status()).isEqualTo(LagStatus.SERIOUSLY_LAGGING);
        assertThat(escalations(july)).isEmpty();
        assertThat(escalations(august)).isEmpty();
    }

    @Test
    void aRecomputationOfTheSecondPeriodDoesNotRaiseItTwiceEvenAfterFlappingThroughYellow() {
        LagRecord june = first(ZHONGYUAN, "200706", "70");
        LagRecord july = next(ZHONGYUAN, june, "95");
        assertThat(escalations(july)).hasSize(1);

        LagRecord replay = assess(ZHONGYUAN, stored(july), "95", stored(june));
        LagRecord yellow = assess(ZHONGYUAN, stored(july), "105", stored(june));
        LagRecord redAgain = assess(ZHONGYUAN, stored(yellow), "96", stored(june));

        assertThat(replay.pendingEvents()).isEmpty();
        assertThat(escalations(yellow)).isEmpty();
        assertThat(redAgain.status()).isEqualTo(LagStatus.SERIOUSLY_LAGGING);
        assertThat(redAgain.pendingEvents()).singleElement().isInstanceOf(StatusChanged.class);
    }

    @Test
    void whenTheFirstRedPeriodIsAssessedLastTheSecondIsEscalatedThenAndOnlyOnce() {
        LagRecord july = first(ZHONGYUAN, "200707", "95");    // red, June not known yet
        assertThat(escalations(july)).isEmpty();
        LagRecord june = first(ZHONGYUAN, "200706", "70");    // the late June report: red

        LagRecord escalated = stored(july);
        escalated.escalateAfter(ZHONGYUAN, stored(june));
        LagRecord again = stored(escalated);
        again.escalateAfter(ZHONGYUAN, stored(june));

        assertThat(escalations(escalated)).singleElement()
                .satisfies(e -> assertThat(List.of(e.previousPeriod(), e.period())).containsExactly("200706", "200707"));
        assertThat(again.pendingEvents()).isEmpty();
    }

    @Test
    void redPeriodsThatAreNotConsecutiveDoNotEscalate() {
        LagRecord may = first(ZHONGYUAN, "200705", "50");     // 25 % against 41.7 %: red
        LagRecord july = first(ZHONGYUAN, "200707", "95");    // red, no June record

        LagRecord afterMay = stored(july);
        afterMay.escalateAfter(ZHONGYUAN, stored(may));

        assertThat(may.status()).isEqualTo(LagStatus.SERIOUSLY_LAGGING);
        assertThat(afterMay.pendingEvents()).isEmpty();
    }

    @Test
    void aThirdRedPeriodInARowRaisesOneForItsOwnPeriod() {
        LagRecord june = first(ZHONGYUAN, "200706", "70");
        LagRecord july = next(ZHONGYUAN, june, "95");
        LagRecord august = next(ZHONGYUAN, july, "110");

        assertThat(escalations(august)).singleElement()
                .satisfies(e -> assertThat(List.of(e.previousPeriod(), e.period())).containsExactly("200707", "200708"));
    }

    @Test
    void aDepartmentEscalatesToItsGovernmentAndATownshipToItsCounty() {
        TargetAssigned fgw = target("410100-FGW", null);
        TargetAssigned town = target("410102001", "410102");

        List<MubiaoEvent> fromDepartment = next(fgw, first(fgw, "200706", "70"), "95").pendingEvents();
        List<MubiaoEvent> fromTownship = next(town, first(town, "200706", "70"), "95").pendingEvents();

        assertThat(fromDepartment).filteredOn(EscalationRaised.class::isInstance).singleElement()
                .satisfies(e -> {
                    assertThat(((EscalationRaised) e).escalateToUnitCode()).isEqualTo("410100");
                    assertThat(((EscalationRaised) e).issuerUnitCode()).isNull();
                });
        assertThat(fromTownship).filteredOn(EscalationRaised.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((EscalationRaised) e).escalateToUnitCode()).isEqualTo("410102"));
    }
}
