package cn.mubiao.scoring.assessment.domain;

import cn.mubiao.kit.domain.BrokenRule;
import cn.mubiao.kit.domain.InvalidInput;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.mubiao.scoring.assessment.domain.Sheets.SEED;
import static cn.mubiao.scoring.assessment.domain.Sheets.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 第十六、十七、十八条: how each item is scored, and the base. */
class ItemScoreTest {

    private static ItemScore score(Item item) {
        return AssessmentCalculator.score(SEED, item);
    }

    @Test
    void aQuantitativeItemCompletedOrExceededGetsItsFullStandardScore() {
        // 完成任务或超额完成任务，计该项标准分的100%
        assertThat(score(Item.quantitative("T", "30", "1")).score()).isEqualByComparingTo("30");
        assertThat(score(Item.quantitative("T", "30", "1.505")).score()).isEqualByComparingTo("30");
    }

    @Test
    void aQuantitativeItemNotCompletedLosesPointsInProportion() {
        // 未完成任务的按未完成比例相应扣分
        assertThat(score(Item.quantitative("T", "40", "0.95")).score()).isEqualByComparingTo("38");
        assertThat(score(Item.quantitative("T", "15", "0.333")).score()).isEqualByComparingTo("4.995");
        assertThat(score(Item.quantitative("T", "15", "0")).score()).isEqualByComparingTo("0");
    }

    @Test
    void aQualitativeItemGets100_90_80Or0PercentByEffect() {
        // 完成任务且效果好100%；效果一般90%；效果差80%；未完成任务的以零分计算
        assertThat(score(Item.qualitative("T", "20", Quality.GOOD)).score()).isEqualByComparingTo("20");
        assertThat(score(Item.qualitative("T", "20", Quality.FAIR)).score()).isEqualByComparingTo("18");
        assertThat(score(Item.qualitative("T", "20", Quality.POOR)).score()).isEqualByComparingTo("16");
        assertThat(score(Item.qualitative("T", "20", Quality.NOT_COMPLETED)).score()).isEqualByComparingTo("0");
    }

    @Test
    void aFraudulentItemCostsHalfItsStandardScore() {
        // 虚报瞒报、弄虚作假的，倒扣该项工作正常分值的50%: whatever it reported
        ItemScore s = score(Item.quantitative("T", "30", "1.2").fraudulent());
        assertThat(s.score()).isEqualByComparingTo("-15");
        assertThat(s.line()).startsWith("T 弄虚作假 s=30 倒扣50% → -15.0000");
        assertThat(score(Item.qualitative("T", "10", Quality.GOOD).fraudulent()).score()).isEqualByComparingTo("-5");
    }

    @Test
    void anItemMissedOnlyForPolicyOrForceMajeureDespiteFullWorkGetsFullScore() {
        // 工作全面开展，但受国家政策因素或不可抗拒因素影响，导致工作目标不能完成，计标准分的100%
        ItemScore s = score(Item.policyMiss("T", "25", "国家停止审批该类项目"));
        assertThat(s.score()).isEqualByComparingTo("25");
        assertThat(s.leftOut()).isFalse();
    }

    @Test
    void aMissingItemIsLeftOutAndTheBaseIsProrated() {
        // 缺项工作不计分，总分按比例折算
        UnitResult r = Sheets.compute(UnitSheet.of("U", "U", Category.TOWN, List.of(
                Item.quantitative("A", "50", "0.8"),
                Item.qualitative("B", "25", Quality.GOOD),
                Item.missing("C", "25", "辖区内无煤矿"))));
        assertThat(r.item("C").leftOut()).isTrue();
        assertThat(r.item("C").score()).isNull();
        // (40 + 25) × 100 / 75 = 86.666…
        assertThat(r.base()).isEqualByComparingTo(d("6500").divide(d("75"), Decimals.MC));
    }

    @Test
    void withoutMissingItemsTheBaseIsTheSumOfItemScores() {
        UnitResult r = Sheets.compute(UnitSheet.of("U", "U", Category.TOWN, List.of(
                Item.quantitative("A", "60", "0.5"), Item.qualitative("B", "40", Quality.POOR))));
        assertThat(r.base()).isEqualByComparingTo("62");
    }

    @Test
    void aFraudulentItemStaysInTheBaseWithItsNegativeScore() {
        UnitResult r = Sheets.compute(UnitSheet.of("U", "U", Category.TOWN, List.of(
                Item.quantitative("A", "80", "1"), Item.quantitative("B", "20", "1").fraudulent())));
        assertThat(r.base()).isEqualByComparingTo("70");
    }

    @Test
    void aCoUnitNotPullingItsWeightIsScoredWithTheLeadsFactorWhenTheTaskIsNotCompleted() {
        // 第十八条: 因工作任务没有完成，责任单位被扣分的同时，工作不力的协办单位也要相应扣分
        Item item = Item.quantitative("T", "20", "1")
                .asCoUnitOf("520201-JTJ", new Outcome.Quantitative(d("0.7")), true);
        ItemScore s = score(item);
        assertThat(s.factor()).isEqualByComparingTo("0.7");
        assertThat(s.score()).isEqualByComparingTo("14");
        assertThat(s.line()).contains("协办单位工作不力").contains("520201-JTJ");
    }

    @Test
    void aCoUnitThatPulledItsWeightKeepsItsOwnScore() {
        Item item = Item.quantitative("T", "20", "1")
                .asCoUnitOf("520201-JTJ", new Outcome.Quantitative(d("0.7")), false);
        assertThat(score(item).score()).isEqualByComparingTo("20");
    }

    @Test
    void aCoUnitLosesNothingWhenTheLeadCompletedTheTask() {
        Item item = Item.qualitative("T", "20", Quality.GOOD)
                .asCoUnitOf("520201-JTJ", new Outcome.Qualitative(Quality.GOOD), true);
        assertThat(score(item).score()).isEqualByComparingTo("20");
    }

    @Test
    void theCoUnitRuleCanBeSwitchedOffInARuleSet() {
        Item item = Item.quantitative("T", "20", "1")
                .asCoUnitOf("520201-JTJ", new Outcome.Quantitative(d("0.7")), true);
        assertThat(AssessmentCalculator.score(SEED.withCoUnitTakesLeadFactor(false), item).score())
                .isEqualByComparingTo("20");
    }

    @Test
    void standardScoresThatDoNotAddUpTo100AreRefused() {
        assertThatThrownBy(() -> UnitSheet.of("U", "U", Category.TOWN, List.of(
                Item.quantitative("A", "60", "1"), Item.quantitative("B", "30", "1"))))
                .isInstanceOf(BrokenRule.class).hasMessageStartingWith("items: 标准分合计90");
    }

    @Test
    void aUnitWhoseItemsAreAllMissingCannotBeProrated() {
        UnitSheet sheet = UnitSheet.of("U", "U", Category.TOWN, List.of(Item.missing("A", "100", "无")));
        assertThatThrownBy(() -> Sheets.compute(sheet)).isInstanceOf(BrokenRule.class)
                .extracting(e -> ((BrokenRule) e).field()).isEqualTo("items");
    }

    @Test
    void aNegativeCompletionOrANonPositiveStandardScoreIsInvalidInput() {
        assertThatThrownBy(() -> Item.quantitative("T", "10", "-0.1")).isInstanceOf(InvalidInput.class)
                .extracting(e -> ((InvalidInput) e).field()).isEqualTo("completion");
        assertThatThrownBy(() -> Item.quantitative("T", "0", "1")).isInstanceOf(InvalidInput.class)
                .extracting(e -> ((InvalidInput) e).field()).isEqualTo("standardScore");
        assertThatThrownBy(() -> Item.missing("T", "10", " ")).isInstanceOf(InvalidInput.class)
                .extracting(e -> ((InvalidInput) e).field()).isEqualTo("reason");
    }

    @Test
    void theQuarterlyShareMixesTheMeanQuarterlyBaseIntoTheAnnualBase() {
        UnitSheet other = Sheets.single("U", Category.TOWN, "0.9").withQuarterlyBases(List.of(d("70"), d("90")));
        UnitResult r = AssessmentCalculator.compute(SEED.withQuarterlyShare(d("0.3")), other);
        // 0.7 × 90 + 0.3 × 80 = 87
        assertThat(r.itemsBase()).isEqualByComparingTo("90");
        assertThat(r.base()).isEqualByComparingTo("87");
        assertThat(Sheets.compute(other).base()).isEqualByComparingTo("90");
    }

    @Test
    void aQuarterlyShareWithoutQuarterlyBasesIsRefused() {
        assertThatThrownBy(() -> AssessmentCalculator.compute(SEED.withQuarterlyShare(d("0.3")),
                Sheets.single("U", Category.TOWN, "1"))).isInstanceOf(BrokenRule.class)
                .extracting(e -> ((BrokenRule) e).field()).isEqualTo("quarterlyBases");
    }
}
