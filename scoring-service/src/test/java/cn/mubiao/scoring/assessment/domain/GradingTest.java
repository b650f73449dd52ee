package cn.mubiao.scoring.assessment.domain;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static cn.mubiao.scoring.assessment.domain.Sheets.claim;
import static cn.mubiao.scoring.assessment.domain.Sheets.d;
import static org.assertj.core.api.Assertions.assertThat;

/** 第二十一条 grades per category, 第二十七条 vetoes, and the tie-breaks. */
class GradingTest {

    private static UnitResult unit(String code, Category category, String completion) {
        return Sheets.compute(Sheets.single(code, category, completion));
    }

    private static Ranking rank(ScoringRules rules, UnitResult... results) {
        return Grading.rank(rules, List.of(results));
    }

    @Test
    void departmentsHaveEightFirstAndThirtySecondPrizes() {
        List<UnitResult> depts = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            depts.add(Sheets.compute(Sheets.single(String.format("D%02d", i), Category.DEPARTMENT, "1")
                    .withComprehensive(d("5").subtract(d("0.1").multiply(d(String.valueOf(i)))))));
        }
        Ranking ranking = Grading.rank(Sheets.SEED, depts);
        List<Grade> grades = ranking.of(Category.DEPARTMENT).stream().map(GradedResult::grade).toList();
        assertThat(grades.subList(0, 8)).containsOnly(Grade.FIRST);
        assertThat(grades.subList(8, 38)).containsOnly(Grade.SECOND);
        assertThat(grades.subList(38, 45)).containsOnly(Grade.THIRD);
        assertThat(ranking.unit("D00").orElseThrow().place()).isEqualTo(1);
    }

    @Test
    void townsAndStreetsEachHaveOneFirstAndOneSecondPrizeRankedSeparately() {
        Ranking r = rank(Sheets.SEED, unit("大湾镇", Category.TOWN, "0.99"), unit("汪家寨镇", Category.TOWN, "0.98"),
                unit("大河镇", Category.TOWN, "0.97"), unit("荷城街道", Category.STREET, "0.95"),
                unit("凤凰街道", Category.STREET, "0.96"));
        assertThat(r.of(Category.TOWN)).extracting(GradedResult::grade)
                .containsExactly(Grade.FIRST, Grade.SECOND, Grade.THIRD);
        assertThat(r.of(Category.STREET)).extracting(GradedResult::unitCode).containsExactly("凤凰街道", "荷城街道");
        assertThat(r.of(Category.STREET)).extracting(GradedResult::grade).containsExactly(Grade.FIRST, Grade.SECOND);
    }

    @Test
    void aTotalUnder90Fails() {
        Ranking r = rank(Sheets.SEED, unit("A", Category.TOWN, "0.8999"), unit("B", Category.TOWN, "0.95"));
        assertThat(r.gradeOf("A")).isEqualTo(Grade.FAIL);
        assertThat(r.unit("A").orElseThrow().reasons()).anySatisfy(l -> assertThat(l).contains("不合格，不予奖励"));
        assertThat(r.gradeOf("B")).isEqualTo(Grade.FIRST);
    }

    @Test
    void exactly90FailsByDefaultBecause以下CountsTheNumberItself() {
        // 考核总分在90分以下为不合格: 以下 includes 90 in Chinese drafting convention; the scheme makes it a setting
        assertThat(rank(Sheets.SEED, unit("A", Category.TOWN, "0.9")).gradeOf("A")).isEqualTo(Grade.FAIL);
        ScoringRules lenient = Sheets.SEED.withGrades(Category.TOWN, new GradeScheme(1, 1, null, null, d("90"), false));
        assertThat(rank(lenient, unit("A", Category.TOWN, "0.9")).gradeOf("A")).isEqualTo(Grade.FIRST);
    }

    @Test
    void aFailingUnitTakesNoPrizeEvenWithPlacesLeft() {
        Ranking r = rank(Sheets.SEED, unit("A", Category.DEPARTMENT, "0.5"));
        assertThat(r.gradeOf("A")).isEqualTo(Grade.FAIL);
    }

    @Test
    void theSplitOfThirdAndBasicIsASetting() {
        ScoringRules rules = Sheets.SEED.withGrades(Category.TOWN, new GradeScheme(1, 1, 1, d("95"), d("90"), true));
        Ranking r = rank(rules, unit("A", Category.TOWN, "1"), unit("B", Category.TOWN, "0.99"),
                unit("C", Category.TOWN, "0.98"), unit("D", Category.TOWN, "0.97"), unit("E", Category.TOWN, "0.94"));
        assertThat(r.of(Category.TOWN)).extracting(GradedResult::grade)
                .containsExactly(Grade.FIRST, Grade.SECOND, Grade.THIRD, Grade.BASIC, Grade.BASIC);
        ScoringRules byMinimum = Sheets.SEED.withGrades(Category.TOWN, new GradeScheme(1, 1, null, d("95"), d("90"), true));
        assertThat(rank(byMinimum, unit("A", Category.TOWN, "1"), unit("B", Category.TOWN, "0.99"),
                unit("C", Category.TOWN, "0.98"), unit("D", Category.TOWN, "0.97"), unit("E", Category.TOWN, "0.94"))
                .of(Category.TOWN)).extracting(GradedResult::grade)
                .containsExactly(Grade.FIRST, Grade.SECOND, Grade.THIRD, Grade.THIRD, Grade.BASIC);
    }

    @Test
    void aVetoedUnitGetsAtMostTheBasicAwardAndTakesNoPlace() {
        // 第二十七条: 取消该单位一、二、三等奖评奖资格
        UnitResult vetoed = Sheets.compute(Sheets.single("A", Category.TOWN, "1")
                .withVeto(Veto.of(VetoKind.SAFETY_ACCIDENT, "安监否决文件", "区目标办")));
        Ranking r = rank(Sheets.SEED, vetoed, unit("B", Category.TOWN, "0.99"), unit("C", Category.TOWN, "0.98"));
        GradedResult a = r.unit("A").orElseThrow();
        assertThat(a.grade()).isEqualTo(Grade.BASIC);
        assertThat(a.place()).isNull();
        assertThat(r.gradeOf("B")).isEqualTo(Grade.FIRST);
        assertThat(r.unit("B").orElseThrow().place()).isEqualTo(1);
        assertThat(r.gradeOf("C")).isEqualTo(Grade.SECOND);
        assertThat(a.explanation()).anySatisfy(l -> assertThat(l).startsWith("一票否决：辖区内发生重大安全事故"));
    }

    @Test
    void aVetoedUnitUnder90StillFails() {
        UnitResult vetoed = Sheets.compute(Sheets.single("A", Category.TOWN, "0.8")
                .withVeto(Veto.of(VetoKind.ECONOMIC_INDICATOR, "财政收入未完成", "区财政局")));
        assertThat(rank(Sheets.SEED, vetoed).gradeOf("A")).isEqualTo(Grade.FAIL);
    }

    @Test
    void everyVetoOfArticle27IsInTheDefaultRules() {
        assertThat(Sheets.SEED.vetoes()).containsExactlyInAnyOrder(VetoKind.values());
        for (VetoKind kind : VetoKind.values()) {
            UnitResult r = Sheets.compute(Sheets.single("A", Category.DEPARTMENT, "1").withVeto(Veto.of(kind, "证明", "审核人")));
            assertThat(rank(Sheets.SEED, r).gradeOf("A")).isEqualTo(Grade.BASIC);
            assertThat(r.total()).isEqualByComparingTo("100");
        }
    }

    @Test
    void tiesGoToTheHigherBase() {
        UnitResult a = Sheets.compute(Sheets.single("A", Category.TOWN, "0.95").withComprehensive(d("2")));
        UnitResult b = Sheets.compute(Sheets.single("B", Category.TOWN, "0.96").withComprehensive(d("1")));
        assertThat(rank(Sheets.SEED, a, b).of(Category.TOWN)).extracting(GradedResult::unitCode).containsExactly("B", "A");
    }

    @Test
    void thenToFewerDeductions() {
        UnitResult a = Sheets.compute(Sheets.single("A", Category.TOWN, "0.95").withComprehensive(d("1"))
                .withClaim(claim("D1", Seed003Catalogue.CRITICISM_CITY, "1", "通报")).withClaim(
                        claim("C1", Seed003Catalogue.AWARD_CENTRAL, "1", "奖")));
        UnitResult b = Sheets.compute(Sheets.single("B", Category.TOWN, "0.95").withComprehensive(d("1")));
        assertThat(a.total()).isEqualByComparingTo(b.total());
        assertThat(rank(Sheets.SEED, a, b).of(Category.TOWN)).extracting(GradedResult::unitCode).containsExactly("B", "A");
    }

    @Test
    void thenToTheUnitCode() {
        assertThat(rank(Sheets.SEED, unit("Z", Category.TOWN, "0.95"), unit("A", Category.TOWN, "0.95"))
                .of(Category.TOWN)).extracting(GradedResult::unitCode).containsExactly("A", "Z");
    }
}
