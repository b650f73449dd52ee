package cn.mubiao.scoring.assessment.domain;

import cn.mubiao.kit.domain.InvalidInput;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static cn.mubiao.scoring.assessment.domain.Sheets.SEED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Seed 004: 目标调整后，目标分值权重设置上，向省目标倾斜 — the rule set's province weight. */
class ProvinceWeightTest {

    private static UnitSheet sheet(Item... items) {
        return UnitSheet.of("410102", "中原区", Category.TOWN, List.of(items));
    }

    @Test
    void aProvinceWeightOfOneAndAHalfSharesTheBaseAgainInProportionToWeightedScores() {
        // A (province) s=40 fully done, B (the city's own) s=60 half done: weights 60 and 60 of 120 → 50 and 50
        UnitSheet sheet = sheet(Item.quantitative("A", "40", "1.0").asProvinceAssessed(), Item.quantitative("B", "60", "0.5"));

        UnitResult untilted = AssessmentCalculator.compute(SEED, sheet);
        UnitResult tilted = AssessmentCalculator.compute(SEED.withProvinceWeight(new BigDecimal("1.5")), sheet);

        assertThat(untilted.base()).isEqualByComparingTo("70");             // 40 + 30
        assertThat(tilted.base()).isEqualByComparingTo("75");               // 50 + 25
        assertThat(tilted.items()).extracting(ItemScore::standardScore)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("50"), new BigDecimal("50"));
        assertThat(tilted.explanation().getFirst()).startsWith("省考指标权重倾斜×1.5").contains("A（省考） 40→50.0000")
                .contains("B 60→50.0000");
    }

    @Test
    void aTiltedMissingItemIsProratedOnTheTiltedWeights() {
        // weights ×2 on A and C: 40, 50, 60 of 150 → A 26.67 (missing), B 33.33 × 0.8, C 40 × 1 → (80/3 + 40) × 100 / (220/3)
        UnitSheet sheet = sheet(Item.missing("A", "20", "省里未下达").asProvinceAssessed(), Item.quantitative("B", "50", "0.8"),
                Item.quantitative("C", "30", "1").asProvinceAssessed());
        UnitResult r = AssessmentCalculator.compute(SEED.withProvinceWeight(new BigDecimal("2")), sheet);
        assertThat(r.base().setScale(10, java.math.RoundingMode.HALF_UP))
                .isEqualByComparingTo(new BigDecimal("1000").divide(new BigDecimal("11"), 10, java.math.RoundingMode.HALF_UP));
    }

    @Test
    void nothingTiltsWhenEveryItemOrNoItemIsProvinceAssessedOrTheWeightIsOne() {
        ScoringRules doubled = SEED.withProvinceWeight(new BigDecimal("2"));
        UnitSheet allProvince = sheet(Item.quantitative("A", "40", "1.0").asProvinceAssessed(),
                Item.quantitative("B", "60", "0.5").asProvinceAssessed());
        UnitSheet noneProvince = sheet(Item.quantitative("A", "40", "1.0"), Item.quantitative("B", "60", "0.5"));
        UnitSheet mixed = sheet(Item.quantitative("A", "40", "1.0").asProvinceAssessed(), Item.quantitative("B", "60", "0.5"));

        assertThat(AssessmentCalculator.compute(doubled, allProvince).base()).isEqualByComparingTo("70");
        assertThat(AssessmentCalculator.compute(doubled, noneProvince).base()).isEqualByComparingTo("70");
        UnitResult one = AssessmentCalculator.compute(SEED, mixed);
        assertThat(one.base()).isEqualByComparingTo("70");
        assertThat(one.explanation()).noneMatch(line -> line.startsWith("省考指标权重倾斜"));
    }

    @Test
    void aProvinceWeightBelowOneOrAboveFiveIsRefused() {
        assertThatThrownBy(() -> SEED.withProvinceWeight(new BigDecimal("0.9")))
                .isInstanceOf(InvalidInput.class).hasMessageStartingWith("provinceWeight");
        assertThatThrownBy(() -> SEED.withProvinceWeight(new BigDecimal("5.1")))
                .isInstanceOf(InvalidInput.class).hasMessageStartingWith("provinceWeight");
        assertThat(SEED.provinceWeight()).isEqualByComparingTo("1");
    }

    @Test
    void anAssignmentAlignedWithTheProvinceOrOfProvinceSourceIsProvinceAssessed() {
        var aligned = new AssignmentFacts.Terms("A01", "GDP", "CUMULATIVE", "亿元", BigDecimal.TEN, BigDecimal.TEN, "LEAD",
                List.of(), "410100", "P-GDP", "CITY", null, null, null);
        var provinceSource = new AssignmentFacts.Terms("A02", "x", "CUMULATIVE", "亿元", BigDecimal.TEN, BigDecimal.TEN,
                "LEAD", List.of(), "410100", null, "PROVINCE", null, null, null);
        var own = new AssignmentFacts.Terms("A03", "x", "CUMULATIVE", "亿元", BigDecimal.TEN, BigDecimal.TEN, "LEAD",
                List.of(), "410100", null, "CITY", null, null, null);
        assertThat(aligned.provinceAssessed()).isTrue();
        assertThat(provinceSource.provinceAssessed()).isTrue();
        assertThat(own.provinceAssessed()).isFalse();
    }
}
