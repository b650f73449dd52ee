package cn.mubiao.scoring.lag;

import cn.mubiao.contracts.IndicatorKind;
import cn.mubiao.contracts.LagStatus;
import cn.mubiao.scoring.lag.domain.GapList;
import cn.mubiao.scoring.lag.domain.GapList.Gap;
import cn.mubiao.scoring.lag.domain.GapList.Grouping;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GapListTest {

    private static Gap gap(String id, String unit, String category, List<String> leaders, LagStatus status,
                           String gapPoints) {
        return new Gap(id, id, "目标" + id, category, unit, "单位" + unit, leaders, IndicatorKind.CUMULATIVE, "亿元",
                new BigDecimal("200"), status, new BigDecimal("0.5"), new BigDecimal("0.35"), new BigDecimal(gapPoints),
                new BigDecimal("70"), "", false);
    }

    @Test
    void aCumulativeTargetsShortfallIsTheScheduledAmountLessTheActual() {
        Gap g = gap("A", "410102", "经济发展", List.of(), LagStatus.SERIOUSLY_LAGGING, "15");
        assertThat(g.scheduledAmount()).isEqualByComparingTo("100");   // half of 200 by June
        assertThat(g.shortfall()).isEqualByComparingTo("30");          // 100 due, 70 done
    }

    @Test
    void aCeilingsShortfallIsTheExcessOverIt() {
        Gap g = new Gap("E", "E", "能耗", "资源环境", "410100-FGW", "市发改委", List.of(), IndicatorKind.CEILING,
                "吨标准煤/万元", new BigDecimal("0.8"), LagStatus.SERIOUSLY_LAGGING, BigDecimal.ONE,
                new BigDecimal("0.8"), new BigDecimal("20"), new BigDecimal("1.0"), "", false);
        assertThat(g.scheduledAmount()).isEqualByComparingTo("0.8");
        assertThat(g.shortfall()).isEqualByComparingTo("0.2");
    }

    @Test
    void noReportAndQualitativeTargetsHaveNoShortfallAmount() {
        Gap none = new Gap("N", "N", "t", "c", "410102", "中原区", List.of(), IndicatorKind.CUMULATIVE, "亿元",
                new BigDecimal("200"), LagStatus.SERIOUSLY_LAGGING, new BigDecimal("0.5"), BigDecimal.ZERO,
                new BigDecimal("50"), null, "逾期未报", false);
        Gap milestones = new Gap("Q", "Q", "t", "c", "410102", "中原区", List.of(), IndicatorKind.QUALITATIVE, "项",
                null, LagStatus.SERIOUSLY_LAGGING, new BigDecimal("0.5"), BigDecimal.ZERO, new BigDecimal("50"),
                BigDecimal.ZERO, "里程碑逾期", false);
        assertThat(none.shortfall()).isNull();
        assertThat(none.scheduledAmount()).isEqualByComparingTo("100");
        assertThat(milestones.shortfall()).isNull();
        assertThat(milestones.scheduledAmount()).isNull();
    }

    @Test
    void anAssignmentWithTwoLeadersIsListedUnderEachButCountedOnce() {
        GapList list = GapList.of("200706", Grouping.LEADER, List.of(
                gap("A", "410102", "经济发展", List.of("张市长", "李副市长"), LagStatus.LAGGING, "5"),
                gap("B", "410105", "经济发展", List.of(), LagStatus.SERIOUSLY_LAGGING, "12")));

        assertThat(list.lagging()).isEqualTo(1);
        assertThat(list.seriouslyLagging()).isEqualTo(1);
        assertThat(list.groups()).extracting(GapList.Group::key).containsExactly(GapList.NONE, "李副市长", "张市长");
        assertThat(list.groups().get(1).gaps()).extracting(Gap::assignmentId).containsExactly("A");
        assertThat(list.groups().get(2).gaps()).extracting(Gap::assignmentId).containsExactly("A");
    }

    @Test
    void groupsWithMoreRedComeFirstAndRedGapsLeadEachGroupLargestFirst() {
        GapList list = GapList.of("200706", Grouping.UNIT, List.of(
                gap("A1", "410102", "经济发展", List.of(), LagStatus.LAGGING, "9"),
                gap("A2", "410102", "经济发展", List.of(), LagStatus.SERIOUSLY_LAGGING, "11"),
                gap("A3", "410102", "经济发展", List.of(), LagStatus.SERIOUSLY_LAGGING, "30"),
                gap("B1", "410105", "经济发展", List.of(), LagStatus.SERIOUSLY_LAGGING, "40"),
                gap("B2", "410105", "经济发展", List.of(), LagStatus.ON_TRACK, "0")));

        assertThat(list.groups()).extracting(GapList.Group::key).containsExactly("410102", "410105");
        assertThat(list.groups().getFirst().gaps()).extracting(Gap::assignmentId).containsExactly("A3", "A2", "A1");
        assertThat(list.groups().getFirst().name()).isEqualTo("单位410102");
        assertThat(list.groups().get(1).gaps()).extracting(Gap::assignmentId).containsExactly("B1"); // on track left out
    }

    @Test
    void aTargetWithoutCategoryIsGroupedAsUnspecified() {
        GapList list = GapList.of("2007Q2", Grouping.CATEGORY, List.of(
                gap("A", "410102", " ", List.of(), LagStatus.LAGGING, "3"),
                gap("B", "410102", "社会民生", List.of(), LagStatus.LAGGING, "4")));
        assertThat(list.groups()).extracting(GapList.Group::key).containsExactly("社会民生", GapList.NONE);
    }
}
