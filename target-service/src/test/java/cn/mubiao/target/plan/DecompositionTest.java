package cn.mubiao.target.plan;

import cn.mubiao.contracts.Frequency;
import cn.mubiao.contracts.IndicatorKind;
import cn.mubiao.contracts.target.Milestone;
import cn.mubiao.kit.domain.InvalidInput;
import cn.mubiao.kit.domain.RuleViolation;
import cn.mubiao.target.plan.domain.Allocation;
import cn.mubiao.target.plan.domain.Category;
import cn.mubiao.target.plan.domain.Decomposition;
import cn.mubiao.target.plan.domain.IssueCheck;
import cn.mubiao.target.plan.domain.Plan;
import cn.mubiao.target.plan.domain.PlanStatus;
import cn.mubiao.target.plan.domain.PlannedTarget;
import cn.mubiao.target.plan.domain.Provenance;
import cn.mubiao.target.plan.domain.ProvinceStandard;
import cn.mubiao.target.plan.domain.Role;
import cn.mubiao.target.plan.domain.TargetDefinition;
import cn.mubiao.contracts.target.PlanIssued;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecompositionTest {

    static TargetDefinition investment(String value, String score) {
        return new TargetDefinition("A03", "新增城镇固定资产投资", "LEAP", false, IndicatorKind.CUMULATIVE, "亿元",
                new BigDecimal(value), null, List.of("张副市长"), List.of("410100-FGW"), List.of(), "410100-TJJ",
                score == null ? null : new BigDecimal(score), Frequency.MONTHLY, null, null, null, null, null);
    }

    static TargetDefinition gdpGrowth() {
        return new TargetDefinition("A01", "生产总值增长", "LEAP", false, IndicatorKind.LEVEL, "%", new BigDecimal("15"),
                null, List.of(), List.of("410100-FGW"), List.of(), "410100-TJJ", new BigDecimal("50"), Frequency.QUARTERLY,
                null, null, null, null, null);
    }

    static Allocation share(String unit, String value) {
        return new Allocation(unit, null, value == null ? null : new BigDecimal(value), null, null);
    }

    static Plan plan() {
        return Plan.draft("410100", 2007, "2007年郑州市人民政府目标", List.of(new Category("LEAP", "跨越式发展目标")), null);
    }

    @Test
    void leadUnitsHoldTheWholeTargetAndSharesTheirOwnValue() {
        var d = Decomposition.of("410100", investment("200", "10"), List.of(share("410102", "120"), share("410103", "90")));

        assertThat(d.nodes()).extracting(Decomposition.Node::unitCode, Decomposition.Node::role, n -> n.value().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("410100-FGW", Role.LEAD, "200"),
                        org.assertj.core.groups.Tuple.tuple("410102", Role.SHARE, "120"),
                        org.assertj.core.groups.Tuple.tuple("410103", Role.SHARE, "90"));
        assertThat(d.shortfalls()).isEmpty();
    }

    @Test
    void cumulativeSharesShortOfTheTargetAreAShortfallWithTheMissingAmount() {
        var d = Decomposition.of("410100", investment("200", "10"), List.of(share("410102", "120"), share("410103", "60")));

        assertThat(d.shortfalls()).singleElement().satisfies(s -> {
            assertThat(s.parentUnitCode()).isNull();
            assertThat(s.track()).isEqualTo(Decomposition.Track.REGION);
            assertThat(s.missing()).isEqualByComparingTo("20");
        });
    }

    @Test
    void aShareSplitFurtherMustAddUpToItsOwnValueOnEachTrack() {
        var d = Decomposition.of("410100", investment("200", "10"), List.of(share("410102", "200"),
                new Allocation("410102001", "410102", new BigDecimal("150"), null, null),
                new Allocation("410102-CZJ", "410102", new BigDecimal("200"), null, null)));

        assertThat(d.shortfalls()).singleElement().satisfies(s -> {
            assertThat(s.parentUnitCode()).isEqualTo("410102");
            assertThat(s.track()).isEqualTo(Decomposition.Track.REGION);
            assertThat(s.missing()).isEqualByComparingTo("50");
        });
    }

    @Test
    void levelTargetsGiveEachChildItsOwnValueWithoutAddingUp() {
        var d = Decomposition.of("410100", gdpGrowth(), List.of(share("410102", "16"), share("410103", null)));

        assertThat(d.shortfalls()).isEmpty();
        assertThat(d.nodes()).filteredOn(n -> n.unitCode().equals("410103")).singleElement()
                .satisfies(n -> assertThat(n.value()).isEqualByComparingTo("15"));
    }

    @Test
    void aChildOutsideItsParentsSubtreeIsRefused() {
        assertThatThrownBy(() -> Decomposition.of("410100", investment("200", "10"), List.of(share("410102", "200"),
                new Allocation("410103001", "410102", new BigDecimal("200"), null, null))))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("allocations[1].unitCode");
    }

    @Test
    void aShareOutsideTheIssuersAreaIsRefused() {
        assertThatThrownBy(() -> Decomposition.of("410100", investment("200", "10"), List.of(share("410202", "200"))))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("allocations[0].unitCode");
    }

    @Test
    void splitsThatGoRoundInACycleAreRefused() {
        assertThatThrownBy(() -> Decomposition.of("410100", investment("200", "10"), List.of(
                new Allocation("410100-JW", "410100-JSW", new BigDecimal("200"), null, null),
                new Allocation("410100-JSW", "410100-JW", new BigDecimal("200"), null, null))))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("parentUnitCode");
    }

    @Test
    void negativeOrMissingCumulativeValuesAreRefusedWithTheirField() {
        assertThatThrownBy(() -> Decomposition.of("410100", investment("200", "10"), List.of(share("410102", "-5"))))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("allocations[0].value");
        assertThatThrownBy(() -> Decomposition.of("410100", investment("200", "10"), List.of(share("410102", null))))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("allocations[0].value");
    }

    @Test
    void aUnitHoldingTheTargetTwiceIsRefused() {
        assertThatThrownBy(() -> Decomposition.of("410100", investment("200", "10"),
                List.of(share("410102", "100"), share("410102", "100"))))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("allocations[1].unitCode");
    }

    @Test
    void aQualitativeTargetNeedsMilestonesInThePlanYear() {
        assertThatThrownBy(() -> new TargetDefinition("B01", "建成市民服务中心", "LEAP", true, IndicatorKind.QUALITATIVE, null,
                null, null, null, List.of("410100-JSW"), null, null, null, Frequency.QUARTERLY, null, null, List.of(), null, null))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("milestones");
        var def = new TargetDefinition("B01", "建成市民服务中心", "LEAP", true, IndicatorKind.QUALITATIVE, null,
                null, null, null, List.of("410100-JSW"), null, null, new BigDecimal("100"), Frequency.QUARTERLY, null, null,
                List.of(new Milestone(LocalDate.parse("2008-06-30"), "主体封顶")), null, null);
        assertThatThrownBy(() -> PlannedTarget.define(plan(), def, List.of(), null))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("milestones[0].due");
    }

    @Test
    void issueCheckListsShortfallsScoreTotalsAndUnknownUnitsTogether() {
        Plan plan = plan();
        var t1 = PlannedTarget.define(plan, investment("200", "60"), List.of(share("410102", "150")), null);
        var t2 = PlannedTarget.define(plan, gdpGrowth(), List.of(share("410102", "16")), null);

        List<IssueCheck.Problem> problems = IssueCheck.of(plan, List.of(t1, t2), unit -> !unit.equals("410100-TJJ"));

        assertThat(problems).extracting(IssueCheck.Problem::field).containsExactlyInAnyOrder(
                "targets[A03]", "targets[A03].allocations", "targets[A01]",
                "units[410100-FGW].standardScore", "units[410102].standardScore");
        assertThat(problems).filteredOn(p -> p.field().equals("targets[A03].allocations")).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("缺口50"));
        assertThat(problems).filteredOn(p -> p.field().equals("units[410102].standardScore")).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("110"));
    }

    @Test
    void anIssuedPlanRecordsPlanIssuedAndRefusesDraftChanges() {
        Plan plan = plan();
        plan.issue(Instant.parse("2007-02-01T02:00:00Z"), List.of("410100-FGW", "410102"), 2, 4);

        assertThat(plan.status()).isEqualTo(PlanStatus.ISSUED);
        assertThat(plan.pendingEvents()).singleElement().isInstanceOfSatisfying(PlanIssued.class, e -> {
            assertThat(e.units()).containsExactly("410100-FGW", "410102");
            assertThat(e.adjustmentDeadline()).isEqualTo(LocalDate.parse("2007-07-01"));
        });
        assertThatThrownBy(() -> PlannedTarget.define(plan, investment("200", "10"), List.of(), null))
                .isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> plan.describe("改名", plan.categories(), null)).isInstanceOf(RuleViolation.class);
    }

    @Test
    void aCeilingIsHeldToTheLowerValueItsLevelSharesFollowAndAnIssuedPlanIsNotRealigned() {
        Plan plan = plan();
        var ceiling = new TargetDefinition("C02", "城镇登记失业率", "LEAP", true, IndicatorKind.CEILING, "%",
                new BigDecimal("4.5"), null, List.of(), List.of("410100-RSJ"), List.of(), null, new BigDecimal("50"),
                Frequency.QUARTERLY, null, null, null, null, "HN-SH-02");
        var t = PlannedTarget.define(plan, ceiling, List.of(share("410102", null)), null);

        boolean changed = t.alignWithProvince(plan, new ProvinceStandard("HN-SH-02", IndicatorKind.CEILING, "%", new BigDecimal("4.2")));

        assertThat(changed).isTrue();
        assertThat(t.provinceAlignment()).hasValueSatisfying(a -> {
            assertThat(a.provenance()).isEqualTo(Provenance.PROVINCE);
            assertThat(a.cityValue()).isEqualByComparingTo("4.5");
            assertThat(a.effectiveValue()).isEqualByComparingTo("4.2");
        });
        assertThat(t.definition().targetValue()).isEqualByComparingTo("4.5");
        assertThat(t.decomposition().nodes()).extracting(n -> n.value().toPlainString()).containsExactly("4.2", "4.2");
        assertThat(t.alignWithProvince(plan, new ProvinceStandard("HN-SH-02", IndicatorKind.CEILING, "%", new BigDecimal("4.2"))))
                .as("the same standard again").isFalse();
        assertThatThrownBy(() -> t.alignWithProvince(plan, new ProvinceStandard("HN-SH-03", IndicatorKind.CEILING, "%", BigDecimal.ONE)))
                .isInstanceOf(InvalidInput.class);

        plan.issue(Instant.parse("2007-02-01T02:00:00Z"), List.of("410100-RSJ", "410102"), 1, 2);
        assertThatThrownBy(() -> t.dropProvinceAlignment(plan)).isInstanceOf(RuleViolation.class);
    }
}
