package cn.mubiao.notification;

import cn.mubiao.contracts.LagStatus;
import cn.mubiao.contracts.progress.ProgressReturned;
import cn.mubiao.contracts.progress.ReportDue;
import cn.mubiao.contracts.progress.ReportOverdue;
import cn.mubiao.contracts.scoring.AssessmentPublished;
import cn.mubiao.contracts.scoring.EscalationRaised;
import cn.mubiao.contracts.scoring.StatusChanged;
import cn.mubiao.notification.channel.SmsParts;
import cn.mubiao.notification.warning.domain.Channel;
import cn.mubiao.notification.warning.domain.DeliveryKey;
import cn.mubiao.notification.warning.domain.EscalationNotice;
import cn.mubiao.notification.warning.domain.Notice;
import cn.mubiao.notification.warning.domain.OverdueNotice;
import cn.mubiao.notification.warning.domain.ReminderNotice;
import cn.mubiao.notification.warning.domain.ResultNotice;
import cn.mubiao.notification.warning.domain.ReturnNotice;
import cn.mubiao.notification.warning.domain.WarningMessage;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WarningTextsTest {

    private static final StatusChanged RED = new StatusChanged("2007-A03@410102", "410102", "中原区", "A03",
            "新增城镇固定资产投资", "200707", null, LagStatus.SERIOUSLY_LAGGING, new BigDecimal("0.58333"),
            new BigDecimal("0.475"), new BigDecimal("10.8333"), new BigDecimal("95"), new BigDecimal("200"), "亿元",
            "完成47.5%，低于序时进度58.3%，差距10.8个百分点");

    @Test
    void warningNamesUnitTargetPeriodAndGapInChinese() {
        Notice m = WarningMessage.of(RED, "王明", "http://localhost:8080");

        assertThat(m.subject()).isEqualTo("【目标预警·红色预警】中原区“新增城镇固定资产投资”2007年7月严重滞后");
        assertThat(m.sms()).contains("中原区").contains("2007年7月").contains("完成47.5%").contains("序时进度58.3%")
                .contains("差10.8个百分点");
        assertThat(m.emailBody()).startsWith("王明：").contains("95亿元（目标200亿元）")
                .contains("http://localhost:8080/targets/assignments/2007-A03@410102").contains("Early warning");
    }

    private static final ProgressReturned RETURNED = new ProgressReturned("410100-2007-A03@410105:200703",
            "410100-2007-A03@410105", "410105", "200703", 1, "缺少项目台账佐证材料，请补充后更正", "jsq-reporter",
            "tjj-monitor", "410100-TJJ", java.time.Instant.parse("2026-11-23T03:00:00Z"), "新增城镇固定资产投资", "金水区");

    @Test
    void aReturnNoticeTellsTheReporterWhichReportWasReturnedAndWhy() {
        Notice n = ReturnNotice.of(RETURNED, "李芳", "http://localhost:8080");

        assertThat(n.subject()).isEqualTo("【报告退回】金水区“新增城镇固定资产投资”2007年3月进度报告");
        assertThat(n.sms()).contains("2007年3月").contains("退回").contains("缺少项目台账佐证材料");
        assertThat(n.emailBody()).startsWith("李芳：").contains("第1版").contains("410100-TJJ")
                .contains("http://localhost:8080/progress/reports/410100-2007-A03@410105:200703").contains("was returned");
        assertThat(SmsParts.ucs2(n.sms(), 1)).hasSizeLessThanOrEqualTo(2);
    }

    private static final String LONG_TITLE = "规模以上工业企业研究与试验发展经费支出占主营业务收入比重及新增高新技术企业数量";

    private static final ReportDue DUE = new ReportDue("410100-2007-A03@410102", "410102", "中原区", 2007,
            "新增城镇固定资产投资", "200707", LocalDate.of(2007, 8, 5), 3);

    @Test
    void aReminderTellsTheReporterWhichReportIsDueAndWhen() {
        Notice n = ReminderNotice.of(DUE, "张伟", "http://localhost:8080");

        assertThat(n.subject()).isEqualTo("【报送提醒】中原区“新增城镇固定资产投资”2007年7月进度报告将于8月5日截止");
        assertThat(n.sms()).startsWith("【目标管理】提醒：").contains("2007年7月").contains("8月5日截止").contains("还有3天");
        assertThat(n.emailBody()).startsWith("张伟：")
                .contains("http://localhost:8080/progress/reports?assignmentId=410100-2007-A03@410102")
                .contains("is due on 2007-08-05");
        assertThat(n.emailBody().indexOf("报送截止日期")).isLessThan(n.emailBody().indexOf("Reminder"));
    }

    @Test
    void aReminderOnTheDueDaySaysItIsDueToday() {
        ReportDue today = new ReportDue(DUE.assignmentId(), DUE.unitCode(), DUE.unitName(), 2007, DUE.targetTitle(),
                DUE.period(), DUE.dueDate(), 0);

        assertThat(ReminderNotice.of(today, "张伟", "http://x").sms()).contains("今天截止").doesNotContain("还有");
    }

    private static final ReportOverdue OVERDUE = new ReportOverdue("410100-2007-A03@410102", "410102", "中原区", 2007,
            "新增城镇固定资产投资", "2007Q2", LocalDate.of(2007, 7, 5), LocalDate.of(2007, 7, 6), 2);

    @Test
    void anOverdueNoticeSaysHowLateAndThatItCountsAsSeriouslyLagging() {
        Notice n = OverdueNotice.of(OVERDUE, "王明", "http://localhost:8080");

        assertThat(n.subject()).isEqualTo("【逾期未报】中原区“新增城镇固定资产投资”2007年第2季度进度报告已逾期2天");
        assertThat(n.sms()).startsWith("【目标管理】逾期：").contains("7月5日截止").contains("已逾期2天").contains("严重滞后");
        assertThat(n.emailBody()).startsWith("王明：").contains("逾期2天未报送").contains("2 day(s) late");
    }

    private static final EscalationRaised ESCALATION = new EscalationRaised("410100-2007-A03@410102", "410102", "中原区",
            "A03", "新增城镇固定资产投资", "200706", "200707", new BigDecimal("0.475"), new BigDecimal("0.58333"),
            new BigDecimal("10.8333"), "完成47.5%，低于序时进度58.3%，差距10.8个百分点", "410100", "410100");

    @Test
    void anEscalationNamesTheUnitTargetTheTwoRedPeriodsAndAsksForSupervision() {
        Notice n = EscalationNotice.of(ESCALATION, "赵敏", "http://localhost:8080");

        assertThat(n.subject()).isEqualTo("【专题督导】中原区“新增城镇固定资产投资”连续两期严重滞后（2007年6月、2007年7月）");
        assertThat(n.sms()).startsWith("【目标管理】专题督导：中原区").contains("2007年6月、2007年7月连续两期严重滞后")
                .contains("完成47.5%").contains("序时进度58.3%").contains("请组织专题督导");
        assertThat(n.emailBody()).startsWith("赵敏：").contains("（A03）").contains("差距10.8个百分点")
                .contains("http://localhost:8080/targets/assignments/410100-2007-A03@410102")
                .contains("Escalation (专题督导)").contains("(200706 and 200707)");
        assertThat(n.emailBody().indexOf("上一级目标办")).isLessThan(n.emailBody().indexOf("Escalation"));
    }

    private static final AssessmentPublished PUBLISHED = new AssessmentPublished(2007, "410100", "410100-FGW", "市发改委",
            "DEPARTMENTS", new BigDecimal("103.7444"), "103.74", "FIRST", "一等奖 / first prize", 1, 12, false, 1,
            java.time.Instant.parse("2008-02-01T02:00:00Z"));

    @Test
    void aPublishedResultTellsTheLeaderTheTotalGradeAndPlace() {
        Notice n = ResultNotice.of(PUBLISHED, "孙强", "http://localhost:8080");

        assertThat(n.subject()).isEqualTo("【考核结果】市发改委2007年度目标考核：103.74分，一等奖");
        assertThat(n.sms()).startsWith("【目标管理】市发改委2007年度目标考核结果已公布：总分103.74，一等奖，部门类第1名（共12个）");
        assertThat(n.emailBody()).startsWith("孙强：").contains("第1版").contains("名次：部门类第1名（共12个）")
                .contains("http://localhost:8080/scoring/results/2007/410100-FGW")
                .contains("total 103.74, first prize, place 1 of 12");
    }

    @Test
    void aVetoedResultHasNoPlace() {
        AssessmentPublished vetoed = new AssessmentPublished(2007, "410100", "410100-CZJ", "市财政局", "DEPARTMENTS",
                new BigDecimal("95.5"), "95.50", "BASIC", "基本奖 / basic award", null, 12, true, 1, PUBLISHED.publishedAt());

        Notice n = ResultNotice.of(vetoed, "孙强", "http://x");

        assertThat(n.sms()).contains("总分95.50，基本奖，一票否决，不排名次").doesNotContain("第");
        assertThat(n.emailBody()).contains("vetoed, no place");
    }

    @Test
    void everySmsFitsTwoPartsEvenWithALongTargetTitle() {
        ReportDue due = new ReportDue("a", "410102", "中原区", 2007, LONG_TITLE, "200707", LocalDate.of(2007, 8, 5), 3);
        ReportOverdue overdue = new ReportOverdue("a", "410102", "中原区", 2007, LONG_TITLE, "200707",
                LocalDate.of(2007, 8, 5), LocalDate.of(2007, 8, 6), 12);

        assertThat(List.of(ReminderNotice.of(due, "张伟", "http://x").sms(), OverdueNotice.of(overdue, "王明", "http://x").sms(),
                ReturnNotice.of(RETURNED, "李芳", "http://x").sms(), WarningMessage.of(redOf(LONG_TITLE), "王明", "http://x").sms(),
                EscalationNotice.of(longEscalation(), "赵敏", "http://x").sms(),
                ResultNotice.of(longResult(), "孙强", "http://x").sms()))
                .allSatisfy(sms -> assertThat(SmsParts.ucs2(sms, 1)).hasSizeLessThanOrEqualTo(2));
        assertThat(ReminderNotice.of(due, "张伟", "http://x").sms()).contains("…");
    }

    private static final String LONG_UNIT = "郑州市城乡建设和交通运输委员会综合执法支队";

    private static EscalationRaised longEscalation() {
        return new EscalationRaised("a", "410100-JTW", LONG_UNIT, "A03", LONG_TITLE, "2007Q3", "2007Q4",
                new BigDecimal("0.4"), BigDecimal.ONE, new BigDecimal("60"), "r", null, "410100");
    }

    private static AssessmentPublished longResult() {
        return new AssessmentPublished(2007, "410100", "410100-JTW", LONG_UNIT, "DEPARTMENTS", new BigDecimal("-12.5"),
                "-12.50", "FAIL", "不合格 / fail", 112, 112, false, 1, PUBLISHED.publishedAt());
    }

    private static StatusChanged redOf(String title) {
        return new StatusChanged(RED.assignmentId(), RED.unitCode(), RED.unitName(), RED.targetCode(), title, RED.period(),
                null, RED.status(), RED.expectedShare(), RED.completion(), RED.gapPoints(), RED.actual(),
                RED.targetValue(), RED.unitOfMeasure(), RED.reason());
    }

    @Test
    void aRedForAMissingReportSaysNothingWasReportedInsteadOfAZeroCompletion() {
        StatusChanged missing = new StatusChanged("2007-A03@410102", "410102", "中原区", "A03", "新增城镇固定资产投资",
                "200707", null, LagStatus.SERIOUSLY_LAGGING, new BigDecimal("0.58333"), BigDecimal.ZERO,
                new BigDecimal("58.333"), null, new BigDecimal("200"), "亿元", "逾期未报：截至2007-08-05仍未报送，按严重滞后处理");

        Notice m = WarningMessage.of(missing, "王明", "http://localhost:8080");

        assertThat(m.sms()).contains("2007年7月逾期未报").contains("序时进度58.3%").doesNotContain("完成0.0%");
        assertThat(m.emailBody()).contains("截至报送期限未报送进度（目标200亿元）").contains("逾期未报：截至2007-08-05")
                .doesNotContain("实际完成");
        assertThat(SmsParts.ucs2(m.sms(), 1)).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void warningSmsFitsInTwoParts() {
        assertThat(SmsParts.ucs2(WarningMessage.of(RED, "王明", "http://x").sms(), 1)).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void shortTextIsOneUcs2PartWithoutHeader() {
        List<byte[]> parts = SmsParts.ucs2("目标预警", 7);

        assertThat(parts).singleElement().satisfies(p -> assertThat(new String(p, StandardCharsets.UTF_16BE)).isEqualTo("目标预警"));
    }

    @Test
    void longTextIsSplitIntoConcatenatedPartsOf67CharactersWithHeaders() {
        String text = "甲".repeat(150);

        List<byte[]> parts = SmsParts.ucs2(text, 42);

        assertThat(parts).hasSize(3);
        for (int i = 0; i < 3; i++) {
            byte[] p = parts.get(i);
            assertThat(Arrays.copyOf(p, 6)).containsExactly(0x05, 0x00, 0x03, 42, 3, i + 1);
        }
        StringBuilder joined = new StringBuilder();
        parts.forEach(p -> joined.append(new String(p, 6, p.length - 6, StandardCharsets.UTF_16BE)));
        assertThat(joined.toString()).isEqualTo(text);
        assertThat(parts.getFirst().length).isEqualTo(6 + 67 * 2);
    }

    @Test
    void neverSplitsASurrogatePair() {
        String text = "a".repeat(66) + "😀" + "b".repeat(10);

        List<byte[]> parts = SmsParts.ucs2(text, 1);

        String first = new String(parts.getFirst(), 6, parts.getFirst().length - 6, StandardCharsets.UTF_16BE);
        assertThat(first).hasSize(66);
    }

    @Test
    void deliveryKeyIsStablePerEventRecipientAndChannel() {
        assertThat(DeliveryKey.of("e1", "zy-leader", Channel.SMS)).isEqualTo(DeliveryKey.of("e1", "zy-leader", Channel.SMS))
                .isNotEqualTo(DeliveryKey.of("e1", "zy-leader", Channel.EMAIL))
                .isNotEqualTo(DeliveryKey.of("e2", "zy-leader", Channel.SMS));
    }
}
