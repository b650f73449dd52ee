package cn.mubiao.scoring.assessment.domain;

import cn.mubiao.kit.domain.BrokenRule;
import cn.mubiao.kit.domain.InvalidInput;
import cn.mubiao.kit.domain.Refusal;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.mubiao.scoring.assessment.domain.Sheets.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 第十二条(二)3 下评上 and 第十二条(三) 综合评定分. */
class RatingTest {

    private static final UnitSheet DEPT = Sheets.single("D", Category.DEPARTMENT, "1");

    private static String field(Throwable e) {
        return ((Refusal) e).field();
    }

    @Test
    void aDepartmentGetsTheMeanOfTheTownsAndStreetsRatings() {
        UnitResult r = Sheets.compute(DEPT.withRatings(List.of(Rating.of("大湾镇", Category.TOWN, "D", "4"),
                Rating.of("荷城街道", Category.STREET, "D", "3.5"), Rating.of("月照乡", Category.TOWN, "D", "5"))));
        // (4 + 3.5 + 5) / 3 = 12.5 / 3
        assertThat(r.rating()).isEqualByComparingTo(d("12.5").divide(d("3"), Decimals.MC));
        assertThat(r.rating().toPlainString()).startsWith("4.16666666666666666666");
        assertThat(r.total()).isEqualByComparingTo(d("100").add(d("12.5").divide(d("3"), Decimals.MC)));
    }

    @Test
    void aRuleSetMayTrimTheHighestAndLowestRating() {
        UnitSheet sheet = DEPT.withRatings(List.of(Rating.of("A", Category.TOWN, "D", "0"),
                Rating.of("B", Category.TOWN, "D", "4"), Rating.of("C", Category.STREET, "D", "3"),
                Rating.of("E", Category.STREET, "D", "5")));
        assertThat(Sheets.compute(sheet).rating()).isEqualByComparingTo("3");
        assertThat(AssessmentCalculator.compute(Sheets.SEED.withTrimRatings(true), sheet).rating())
                .isEqualByComparingTo("3.5");
    }

    @Test
    void aDepartmentWithoutRatingsGetsNothingForThem() {
        UnitResult r = Sheets.compute(DEPT);
        assertThat(r.rating()).isEqualByComparingTo("0");
        assertThat(r.explanation()).contains("下评上：无评分 → 0 / bottom-up rating: none → 0");
    }

    @Test
    void aRatingOutsideZeroToFiveIsRefused() {
        assertThatThrownBy(() -> Rating.of("A", Category.TOWN, "D", "5.1")).isInstanceOf(InvalidInput.class)
                .extracting(RatingTest::field).isEqualTo("score");
        assertThatThrownBy(() -> Rating.of("A", Category.TOWN, "D", "-1")).isInstanceOf(InvalidInput.class)
                .extracting(RatingTest::field).isEqualTo("score");
        assertThat(Rating.of("A", Category.TOWN, "D", "5").score()).isEqualByComparingTo("5");
    }

    @Test
    void noUnitRatesItself() {
        assertThatThrownBy(() -> Rating.of("D", Category.TOWN, "D", "5")).isInstanceOf(InvalidInput.class)
                .extracting(RatingTest::field).isEqualTo("raterUnitCode");
    }

    @Test
    void onlyTownsAndStreetsRate() {
        assertThatThrownBy(() -> Rating.of("X", Category.DEPARTMENT, "D", "5")).isInstanceOf(InvalidInput.class)
                .extracting(RatingTest::field).isEqualTo("raterCategory");
    }

    @Test
    void onlyDepartmentsAreRated() {
        UnitSheet town = Sheets.single("T", Category.TOWN, "1");
        assertThatThrownBy(() -> town.withRating(Rating.of("S", Category.STREET, "T", "4")))
                .isInstanceOf(BrokenRule.class).extracting(RatingTest::field).isEqualTo("ratings");
    }

    @Test
    void aTownRatesADepartmentOnce() {
        assertThatThrownBy(() -> DEPT.withRating(Rating.of("A", Category.TOWN, "D", "4"))
                .withRating(Rating.of("A", Category.TOWN, "D", "3")))
                .isInstanceOf(BrokenRule.class).extracting(RatingTest::field).isEqualTo("ratings");
    }

    @Test
    void theComprehensiveEvaluationAddsZeroToFive() {
        assertThat(Sheets.compute(DEPT.withComprehensive(d("4.5"))).total()).isEqualByComparingTo("104.5");
        assertThatThrownBy(() -> Sheets.compute(DEPT.withComprehensive(d("5.5")))).isInstanceOf(InvalidInput.class)
                .extracting(RatingTest::field).isEqualTo("comprehensive");
        assertThatThrownBy(() -> DEPT.withComprehensive(d("-1"))).isInstanceOf(InvalidInput.class)
                .extracting(RatingTest::field).isEqualTo("comprehensive");
    }

    @Test
    void townsAndStreetsGetTheComprehensiveEvaluationToo() {
        assertThat(Sheets.compute(Sheets.single("T", Category.TOWN, "0.9").withComprehensive(d("3"))).total())
                .isEqualByComparingTo("93");
    }
}
