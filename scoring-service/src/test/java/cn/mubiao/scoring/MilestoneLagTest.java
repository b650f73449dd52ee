package cn.mubiao.scoring;

import cn.mubiao.contracts.Frequency;
import cn.mubiao.contracts.IndicatorKind;
import cn.mubiao.contracts.LagStatus;
import cn.mubiao.contracts.Period;
import cn.mubiao.contracts.progress.MilestoneProgress;
import cn.mubiao.contracts.scoring.StatusChanged;
import cn.mubiao.contracts.target.Milestone;
import cn.mubiao.contracts.target.TargetAssigned;
import cn.mubiao.scoring.lag.domain.LagRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A qualitative target follows its dated milestones (DOMAIN.md §3–§4, issue 6: "overdue milestone" is one of the lag
 * reasons): a milestone due by the end of the period and not done makes the period seriously lagging.
 */
class MilestoneLagTest {

    private static final TargetAssigned HOUSING = new TargetAssigned("410100-2007-S02@410102", "410100-2007", 2007, "S02",
            "建设廉租住房", "十件实事", "410102", "中原区", List.of(), "410100-JSW", IndicatorKind.QUALITATIVE, null, null,
            BigDecimal.TEN, Frequency.QUARTERLY, List.of(), List.of("李副市长"), 1, "410100-2007-S02", null, "LEAD", "410100",
            false, null, "CITY", null, List.of(new Milestone(LocalDate.of(2007, 3, 31), "完成选址"),
            new Milestone(LocalDate.of(2007, 6, 30), "开工建设"), new Milestone(LocalDate.of(2007, 11, 30), "竣工交付")));

    private static LagRecord quarter(String code) {
        Period p = Period.parse(code).orElseThrow();
        return LagRecord.none(HOUSING.assignmentId(), p);
    }

    private static MilestoneProgress milestone(String title, String due, boolean done) {
        return new MilestoneProgress(title, LocalDate.parse(due), done, done ? LocalDate.parse(due) : null, null);
    }

    @Test
    void aMilestoneDueByThePeriodsEndAndNotDoneMakesItSeriouslyLaggingWithTheReason() {
        LagRecord q2 = quarter("2007Q2");

        q2.milestones(List.of(milestone("完成选址", "2007-03-31", true), milestone("开工建设", "2007-06-30", false),
                milestone("竣工交付", "2007-11-30", false)), HOUSING, quarter("2007Q1"));

        assertThat(q2.status()).isEqualTo(LagStatus.SERIOUSLY_LAGGING);
        assertThat(q2.pendingEvents()).singleElement().isInstanceOfSatisfying(StatusChanged.class, e -> {
            assertThat(e.status()).isEqualTo(LagStatus.SERIOUSLY_LAGGING);
            assertThat(e.reason()).contains("里程碑逾期").contains("“开工建设”应于2007-06-30完成").doesNotContain("竣工交付");
            assertThat(e.completion()).isEqualByComparingTo("0.3333");
            assertThat(e.expectedShare()).isEqualByComparingTo("0.6667");
            assertThat(e.actual()).as("one milestone done, so not a missing report").isEqualByComparingTo("1");
            assertThat(e.targetValue()).isEqualByComparingTo("3");
        });
    }

    @Test
    void milestonesDoneByTheirDatesAreOnTrackAndAMilestoneNotYetDueDoesNotCount() {
        LagRecord q2 = quarter("2007Q2");

        q2.milestones(List.of(milestone("完成选址", "2007-03-31", true), milestone("开工建设", "2007-06-30", true),
                milestone("竣工交付", "2007-11-30", false)), HOUSING, quarter("2007Q1"));

        assertThat(q2.status()).isEqualTo(LagStatus.ON_TRACK);
        assertThat(q2.assessment().gapPoints()).isEqualByComparingTo("0");
    }

    @Test
    void theSameMilestonesReportedAgainPublishNothingNew() {
        LagRecord q2 = quarter("2007Q2");
        List<MilestoneProgress> late = List.of(milestone("完成选址", "2007-03-31", false));
        q2.milestones(late, HOUSING, quarter("2007Q1"));
        LagRecord stored = LagRecord.restore(q2.assignmentId(), q2.period(), q2.status(), q2.assessment(), q2.actual(),
                q2.escalated(), 1);

        stored.milestones(late, HOUSING, quarter("2007Q1"));

        assertThat(stored.pendingEvents()).isEmpty();
        assertThat(stored.status()).isEqualTo(LagStatus.SERIOUSLY_LAGGING);
    }
}
