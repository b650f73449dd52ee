package cn.mubiao.progress.report.domain;

import cn.mubiao.contracts.Frequency;
import cn.mubiao.contracts.IndicatorKind;
import cn.mubiao.contracts.progress.FraudFlagged;
import cn.mubiao.contracts.progress.MilestoneProgress;
import cn.mubiao.contracts.progress.ProgressCorrected;
import cn.mubiao.contracts.progress.ProgressReported;
import cn.mubiao.contracts.progress.ProgressReturned;
import cn.mubiao.contracts.progress.ProgressVerified;
import cn.mubiao.contracts.progress.ValueSource;
import cn.mubiao.contracts.target.Milestone;
import cn.mubiao.kit.domain.InvalidInput;
import cn.mubiao.kit.domain.RuleViolation;
import cn.mubiao.progress.assignment.domain.Assignment;
import cn.mubiao.progress.report.domain.Report.Content;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Instant AUG_3 = Instant.parse("2007-08-03T02:00:00Z");
    static final Instant AUG_7 = Instant.parse("2007-08-07T02:00:00Z");

    static final Assignment INVESTMENT = new Assignment("A03@410102", "410102", "中原区", 2007, "新增城镇固定资产投资",
            IndicatorKind.CUMULATIVE, new BigDecimal("200"), "亿元", Frequency.MONTHLY, List.of(), "410100-TJJ", 1);

    static final Assignment SERVICE_CENTRE = new Assignment("B01@410102", "410102", "中原区", 2007, "建成市民服务中心",
            IndicatorKind.QUALITATIVE, null, null, Frequency.QUARTERLY, List.of(), "410100-JWJ", 1, "410100-2007",
            "B01", "410100-2007-B01", "LEAD", null, List.of(),
            List.of(new Milestone(LocalDate.parse("2007-03-31"), "完成可研批复"),
                    new Milestone(LocalDate.parse("2007-06-30"), "主体封顶"),
                    new Milestone(LocalDate.parse("2007-09-30"), "完成装修"),
                    new Milestone(LocalDate.parse("2007-12-31"), "竣工验收")),
            false);

    static Report july() {
        return Report.open(INVESTMENT, "200707", AUG_3, ZONE);
    }

    static Content actual(String v) {
        return Content.of(new BigDecimal(v), Narrative.EMPTY);
    }

    static Report submittedJuly(String v) {
        Report r = july();
        r.submit(INVESTMENT, actual(v), "zy-reporter", AUG_3, ZONE, 5, "k1");
        return r;
    }

    @Test
    void aSubmissionIsVersionOneAndRecordsProgressReportedWithItsCompletion() {
        Report r = submittedJuly("95");

        assertThat(r.status()).isEqualTo(Report.Status.SUBMITTED);
        assertThat(r.latest().number()).isEqualTo(1);
        assertThat(r.pendingEvents()).singleElement().isInstanceOfSatisfying(ProgressReported.class, e -> {
            assertThat(e.completion()).isEqualByComparingTo("0.475");
            assertThat(e.version()).isEqualTo(1);
            assertThat(e.late()).isFalse();
            assertThat(e.reportId()).isEqualTo("A03@410102:200707");
        });
    }

    @Test
    void aReportAfterTheFifthOfTheNextMonthIsMarkedLateButAccepted() {
        Report r = july();
        r.submit(INVESTMENT, actual("95"), "zy-reporter", AUG_7, ZONE, 5, null);

        assertThat(r.latest().late()).isTrue();
    }

    @Test
    void aSecondSubmissionForThePeriodIsRefusedAndPointsToACorrection() {
        Report r = submittedJuly("95");

        assertThatThrownBy(() -> r.submit(INVESTMENT, actual("96"), "zy-reporter", AUG_3, ZONE, 5, "k2"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("correction");
    }

    @Test
    void aCorrectionAddsAVersionAndKeepsTheEarlierOneUnchanged() {
        Report r = submittedJuly("95");

        r.correct(INVESTMENT, actual("97.5"), "漏报一个项目", "zy-reporter", AUG_7, ZONE, 5, "k2");

        assertThat(r.versions()).extracting(v -> v.content().cumulativeActual().toPlainString())
                .containsExactly("95", "97.5");
        assertThat(r.versions().getFirst().completion()).isEqualByComparingTo("0.475");
        assertThat(r.pendingEvents()).last().isInstanceOfSatisfying(ProgressCorrected.class, e -> {
            assertThat(e.version()).isEqualTo(2);
            assertThat(e.reason()).isEqualTo("漏报一个项目");
            assertThat(e.late()).isTrue();
        });
    }

    @Test
    void aCorrectionWithoutAReasonIsRefusedNamingTheField() {
        Report r = submittedJuly("95");

        assertThatThrownBy(() -> r.correct(INVESTMENT, actual("96"), " ", "zy-reporter", AUG_3, ZONE, 5, null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("reason"));
        assertThat(r.versions()).hasSize(1);
    }

    @Test
    void theStatisticsBureauOutranksTheBusinessDepartmentWhichOutranksTheUnit() {
        Report r = submittedJuly("95");
        assertThat(r.effective().orElseThrow().source()).isEqualTo(ValueSource.SELF_REPORT);

        r.recordValue(INVESTMENT, ValueSource.BUSINESS_DEPARTMENT, new BigDecimal("93"), "项目库核实", "jwj", "410100-JWJ", AUG_3);
        assertThat(r.effective().orElseThrow().value()).isEqualByComparingTo("93");

        r.recordValue(INVESTMENT, ValueSource.STATISTICS_BUREAU, new BigDecimal("91"), null, "tjj", "410100-TJJ", AUG_3);
        r.recordValue(INVESTMENT, ValueSource.BUSINESS_DEPARTMENT, new BigDecimal("99"), "再次核实", "jwj", "410100-JWJ", AUG_7);

        Report.Effective e = r.effective().orElseThrow();
        assertThat(e.value()).isEqualByComparingTo("91");
        assertThat(e.source()).isEqualTo(ValueSource.STATISTICS_BUREAU);
        assertThat(e.completion()).isEqualByComparingTo("0.455");
        assertThat(r.values()).hasSize(3);
        assertThat(r.versions().getFirst().content().cumulativeActual()).isEqualByComparingTo("95");
        assertThat(r.pendingEvents()).last().isInstanceOfSatisfying(ProgressVerified.class, ev -> {
            assertThat(ev.actSource()).isEqualTo(ValueSource.BUSINESS_DEPARTMENT);
            assertThat(ev.effectiveSource()).isEqualTo(ValueSource.STATISTICS_BUREAU);
            assertThat(ev.effectiveValue()).isEqualByComparingTo("91");
        });
    }

    @Test
    void theNewestValueOfTheSameSourceCounts() {
        Report r = july();
        r.recordValue(INVESTMENT, ValueSource.STATISTICS_BUREAU, new BigDecimal("91"), null, "tjj", "410100-TJJ", AUG_3);
        r.recordValue(INVESTMENT, ValueSource.STATISTICS_BUREAU, new BigDecimal("92"), "修订", "tjj", "410100-TJJ", AUG_7);

        assertThat(r.effective().orElseThrow().value()).isEqualByComparingTo("92");
        assertThat(r.status()).as("an official value is no report of the unit").isEqualTo(Report.Status.OPEN);
    }

    @Test
    void aUnitsOwnReportIsVerifiedOnlyOnceTheMonitorAcceptsIt() {
        Report r = submittedJuly("95");
        assertThat(r.verified()).isEmpty();

        r.accept(INVESTMENT, "tjj-monitor", "410100-TJJ", AUG_3);

        assertThat(r.status()).isEqualTo(Report.Status.ACCEPTED);
        assertThat(r.verified().orElseThrow().value()).isEqualByComparingTo("95");
        assertThat(r.pendingEvents()).last().isInstanceOfSatisfying(ProgressVerified.class,
                e -> assertThat(e.act()).isEqualTo(ProgressVerified.ACCEPTED));
    }

    @Test
    void aReturnedReportTellsTheReporterAndWaitsForAVerifiedCorrection() {
        Report r = submittedJuly("95");

        r.returnToUnit(INVESTMENT, "缺少佐证材料", "tjj-monitor", "410100-TJJ", AUG_3);
        assertThat(r.pendingEvents()).last().isInstanceOfSatisfying(ProgressReturned.class, e -> {
            assertThat(e.reportedBy()).isEqualTo("zy-reporter");
            assertThat(e.reason()).isEqualTo("缺少佐证材料");
        });
        assertThatThrownBy(() -> r.accept(INVESTMENT, "tjj-monitor", "410100-TJJ", AUG_3)).isInstanceOf(RuleViolation.class);

        r.correct(INVESTMENT, actual("95"), "补充佐证材料", "zy-reporter", AUG_3, ZONE, 5, null);
        assertThat(r.status()).isEqualTo(Report.Status.SUBMITTED);
        r.accept(INVESTMENT, "tjj-monitor", "410100-TJJ", AUG_3);
        assertThat(r.verifications()).extracting(Report.Verification::decision)
                .containsExactly(Report.Decision.RETURNED, Report.Decision.ACCEPTED);
        assertThat(r.verifications()).extracting(Report.Verification::version).containsExactly(1, 2);
    }

    @Test
    void returningOrFlaggingNeedsAReason() {
        Report r = submittedJuly("95");

        assertThatThrownBy(() -> r.returnToUnit(INVESTMENT, null, "tjj-monitor", "410100-TJJ", AUG_3))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("reason"));
        assertThatThrownBy(() -> r.flagFraud("", "tjj-monitor", "410100-TJJ", AUG_3)).isInstanceOf(InvalidInput.class);
        assertThat(r.status()).isEqualTo(Report.Status.SUBMITTED);
    }

    @Test
    void aFlaggedReportNoLongerCountsButAnOfficialValueStillDoes() {
        Report r = submittedJuly("150");
        r.flagFraud("与统计数据严重不符", "tjj-monitor", "410100-TJJ", AUG_3);

        assertThat(r.pendingEvents()).last().isInstanceOf(FraudFlagged.class);
        assertThat(r.effective()).isEmpty();

        r.recordValue(INVESTMENT, ValueSource.STATISTICS_BUREAU, new BigDecimal("90"), null, "tjj", "410100-TJJ", AUG_3);
        assertThat(r.verified().orElseThrow().value()).isEqualByComparingTo("90");
    }

    @Test
    void aDraftIsCheckedLikeASubmissionAndBecomesTheReportWhenSubmitted() {
        Report r = july();
        assertThatThrownBy(() -> r.saveDraft(INVESTMENT, actual("-1"), null, "zy-reporter", AUG_3, ZONE))
                .isInstanceOf(InvalidInput.class);

        r.saveDraft(INVESTMENT, actual("40"), null, "zy-reporter", AUG_3, ZONE);
        r.saveDraft(INVESTMENT, actual("42"), null, "zy-reporter", AUG_3, ZONE);
        assertThat(r.pendingEvents()).as("a draft tells nobody").isEmpty();
        assertThat(r.status()).isEqualTo(Report.Status.OPEN);

        r.submitDraft(INVESTMENT, "zy-reporter", AUG_3, ZONE, 5, "k1");
        assertThat(r.draft()).isEmpty();
        assertThat(r.latest().content().cumulativeActual()).isEqualByComparingTo("42");
        assertThat(r.pendingEvents()).singleElement().isInstanceOf(ProgressReported.class);
    }

    @Test
    void aQualitativeTargetReportsItsMilestonesAndCompletesByTheShareDone() {
        Report r = Report.open(SERVICE_CENTRE, "2007Q2", Instant.parse("2007-07-03T02:00:00Z"), ZONE);
        r.submit(SERVICE_CENTRE, new Content(null, List.of(
                        new MilestoneProgress("完成可研批复", null, true, LocalDate.parse("2007-03-20"), null),
                        new MilestoneProgress("主体封顶", null, true, LocalDate.parse("2007-06-28"), "提前两天")),
                        Narrative.EMPTY),
                "zy-reporter", Instant.parse("2007-07-03T02:00:00Z"), ZONE, 5, null);

        assertThat(r.latest().completion()).isEqualByComparingTo("0.5");
        assertThat(r.pendingEvents()).singleElement().isInstanceOfSatisfying(ProgressReported.class, e -> {
            assertThat(e.cumulativeActual()).isNull();
            assertThat(e.milestones()).hasSize(2);
        });
    }

    @Test
    void aQualitativeReportNamingAMilestoneTheTargetDoesNotHaveIsRefused() {
        Report r = Report.open(SERVICE_CENTRE, "2007Q2", Instant.parse("2007-07-03T02:00:00Z"), ZONE);

        assertThatThrownBy(() -> r.submit(SERVICE_CENTRE, new Content(null,
                        List.of(new MilestoneProgress("开工仪式", null, true, null, null)), Narrative.EMPTY),
                "zy-reporter", Instant.parse("2007-07-03T02:00:00Z"), ZONE, 5, null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("milestones[0].title"));
        assertThatThrownBy(() -> r.submit(SERVICE_CENTRE, actual("1"), "zy-reporter",
                Instant.parse("2007-07-03T02:00:00Z"), ZONE, 5, null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("cumulativeActual"));
        assertThat(r.submitted()).isFalse();
    }

    @Test
    void aWithdrawnAssignmentTakesNoMoreReports() {
        Assignment withdrawn = new Assignment("A03@410102", "410102", "中原区", 2007, "新增城镇固定资产投资",
                IndicatorKind.CUMULATIVE, new BigDecimal("200"), "亿元", Frequency.MONTHLY, List.of(), "410100-TJJ", 3,
                null, null, null, null, null, List.of(), List.of(), true);
        Report r = Report.open(withdrawn, "200707", AUG_3, ZONE);

        assertThatThrownBy(() -> r.submit(withdrawn, actual("95"), "zy-reporter", AUG_3, ZONE, 5, null))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("withdrawn");
    }

    @Test
    void aPeriodOfAnotherFrequencyOrYearOrStillAheadIsRefused() {
        assertThatThrownBy(() -> Report.open(INVESTMENT, "2007Q3", AUG_3, ZONE)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> Report.open(INVESTMENT, "200607", AUG_3, ZONE)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> Report.open(INVESTMENT, "200709", AUG_3, ZONE))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("future");
    }

    @Test
    void aReportIdIsItsAssignmentAndPeriod() {
        assertThat(Report.Id.parse("410100-2007-A03@410102:200707")).contains(new Report.Id("410100-2007-A03@410102", "200707"));
        assertThat(Report.Id.parse("no-period")).isEmpty();
        assertThat(Report.Id.parse("trailing:")).isEmpty();
    }
}
