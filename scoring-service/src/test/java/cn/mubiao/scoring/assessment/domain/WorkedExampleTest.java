package cn.mubiao.scoring.assessment.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static cn.mubiao.scoring.assessment.domain.Seed003Catalogue.*;
import static cn.mubiao.scoring.assessment.domain.Sheets.claim;
import static cn.mubiao.scoring.assessment.domain.Sheets.d;
import static org.assertj.core.api.Assertions.assertThat;

/** DOMAIN.md §5's worked example, to the last digit. */
class WorkedExampleTest {

    static UnitSheet workedExample() {
        UnitSheet sheet = Sheets.workedExampleItems()
                .withClaim(claim("C1", AWARD_MINISTRY_OR_PROVINCE, "0.5", "全国文明单位"))
                .withClaim(claim("C2", AWARD_CENTRAL, "1", "全国文明单位"))
                .withClaim(claim("C3", MEETING_ABSENT, "0.3", "区委常委扩大会议 3月2日"))
                .withClaim(claim("C4", MEETING_ABSENT, "0.3", "区政府常务会议 6月9日"))
                .withClaim(claim("C5", MEETING_LATE_OR_EARLY, "0.1", "区委全会 9月1日"))
                .withComprehensive(d("4"));
        String[] scores = {"4", "5", "3", "4", "4", "5", "2", "4", "4"};
        String[] raters = {"大湾镇", "汪家寨镇", "大河镇", "老鹰山镇", "月照乡", "黄土坡街道", "荷城街道", "凤凰街道", "德坞街道"};
        List<Rating> ratings = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            ratings.add(Rating.of(raters[i], i < 5 ? Category.TOWN : Category.STREET, "520201-FGJ", scores[i]));
        }
        return sheet.withRatings(ratings);
    }

    @Test
    void theWorkedExampleComesOutAt103point7444AndShowsAs103point74() {
        UnitResult result = Sheets.compute(workedExample());

        // 9337 / 90 exactly: (8600 + 350 + 387) / 90
        BigDecimal exact = d("9337").divide(d("90"), Decimals.MC);
        assertThat(result.total().subtract(exact).abs()).isLessThan(d("1E-30"));
        assertThat(result.total().toPlainString()).startsWith("103.74444444444444444");
        assertThat(result.displayTotal()).isEqualTo("103.74");
    }

    @Test
    void everyPointOfTheWorkedExampleIsThere() {
        UnitResult result = Sheets.compute(workedExample());

        assertThat(result.item("T1").score()).isEqualByComparingTo("38");
        assertThat(result.item("T2").score()).isEqualByComparingTo("30");
        assertThat(result.item("T3").score()).isEqualByComparingTo("18");
        assertThat(result.item("T4").leftOut()).isTrue();
        assertThat(result.base().setScale(4, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("95.5556");
        assertThat(result.bonus()).isEqualByComparingTo("1");
        assertThat(result.deductions()).isEqualByComparingTo("0.7");
        assertThat(result.rating().setScale(4, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("3.8889");
        assertThat(result.comprehensive()).isEqualByComparingTo("4");
    }

    @Test
    void theExplanationSaysWhereEachPointCameFromChineseFirst() {
        List<String> lines = Sheets.compute(workedExample()).explanation();

        assertThat(lines).contains(
                "T1 定量 完成95.0% s=40 → 38.0000 / quantitative, completion 95.0% s=40 → 38.0000",
                "T4 缺项 s=10（本单位没有该项工作）→ 不计分，总分按比例折算 / missing item s=10 → left out, base prorated",
                "基本分 = 86.0000 × 100 / 90 = 95.5556（缺项按比例折算） / base = 86.0000 × 100 / 90 = 95.5556 (prorated for missing items)");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("C1 ").contains("只按最高计分（已按C2计）"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("下评上：9个镇乡街道评分 ").contains("，平均 → 3.8889"));
        assertThat(lines.getLast()).startsWith("总分 = 基本分 95.5556 + 附加分 1.0000 − 扣分 0.7000 + 下评上 3.8889 + 综合评定 4.0000 = 103.7444（显示为103.74）");
    }
}
