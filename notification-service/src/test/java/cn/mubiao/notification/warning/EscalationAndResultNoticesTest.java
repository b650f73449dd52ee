package cn.mubiao.notification.warning;

import cn.mubiao.contracts.LagStatus;
import cn.mubiao.contracts.scoring.AssessmentPublished;
import cn.mubiao.contracts.scoring.ResultRevised;
import cn.mubiao.notification.channel.SmsParts;
import cn.mubiao.contracts.scoring.EscalationRaised;
import cn.mubiao.contracts.scoring.StatusChanged;
import cn.mubiao.kit.events.InboundEvent;
import cn.mubiao.notification.recipient.Recipient;
import cn.mubiao.notification.warning.application.SendWarnings;
import cn.mubiao.notification.warning.domain.TriggerKind;
import cn.mubiao.notification.warning.persistence.DeliveryStore;
import com.mongodb.client.model.Filters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

/**
 * The escalation (专题督导) and the published result (考核结果) triggers: who receives each, once. The city 410100 has a
 * target office, a leader and a reporter; 中原区 410102 has, besides its reporter and leader, its own target office.
 */
class EscalationAndResultNoticesTest extends NotificationTestSupport {

    private static final Recipient CITY_OFFICE = new Recipient("city-office", "赵敏", "city-office@demo.mubiao.cn",
            "13800001001", Set.of("city", "target-office"));
    private static final Recipient CITY_LEADER = new Recipient("city-leader", "孙强", "city-leader@demo.mubiao.cn",
            "13800001011", Set.of("city", "leader"));
    private static final Recipient CITY_REPORTER = new Recipient("city-reporter", "周洁", "city-reporter@demo.mubiao.cn",
            "13800001021", Set.of("city", "reporter"));
    private static final Recipient ZY_OFFICE = new Recipient("zy-office", "钱进", "zy-office@demo.mubiao.cn",
            "13800001023", Set.of("county", "target-office"));

    @Autowired
    SendWarnings warnings;
    @Autowired
    DeliveryStore deliveries;

    @BeforeEach
    void people() {
        when(recipients.ofUnit("410100")).thenReturn(List.of(CITY_OFFICE, CITY_LEADER, CITY_REPORTER));
        when(recipients.ofUnit("410102")).thenReturn(List.of(ZY_REPORTER, ZY_LEADER, ZY_OFFICE));
    }

    private static EscalationRaised escalation(String unitCode, String unitName, String to) {
        return new EscalationRaised("410100-2007-A03@" + unitCode, unitCode, unitName, "A03", "新增城镇固定资产投资",
                "200706", "200707", new BigDecimal("0.475"), new BigDecimal("0.58333"), new BigDecimal("10.8333"),
                "完成47.5%，低于序时进度58.3%，差距10.8个百分点", "410100", to);
    }

    private static AssessmentPublished result(String unitCode, String unitName) {
        return new AssessmentPublished(2007, "410100", unitCode, unitName, "TOWNS", new BigDecimal("103.7444"), "103.74",
                "FIRST", "一等奖 / first prize", 1, 12, false, 1, Instant.parse("2008-02-01T02:00:00Z"));
    }

    @Test
    void anEscalationReachesTheNextLevelsTargetOfficeAndLeaderOnlyOnceEach() {
        InboundEvent e = event(EscalationRaised.TYPE);

        warnings.escalationRaised(escalation("410102", "中原区", "410100"), e);
        warnings.escalationRaised(escalation("410102", "中原区", "410100"), e);   // the same event again

        assertThat(sentSms.addresses()).containsExactlyInAnyOrder("13800001001", "13800001011");
        assertThat(sentEmails.addresses()).containsExactlyInAnyOrder("city-office@demo.mubiao.cn", "city-leader@demo.mubiao.cn");
        assertThat(sentSms.sent).allSatisfy(s -> assertThat(s.text()).startsWith("【目标管理】专题督导：中原区"));
        assertThat(deliveries.find(Filters.empty(), 50)).hasSize(4).allSatisfy(d -> {
            assertThat(d.kind()).isEqualTo(TriggerKind.ESCALATION);
            assertThat(d.unitCode()).as("the deliveries belong to the level that is told").isEqualTo("410100");
            assertThat(d.assignmentId()).isEqualTo("410100-2007-A03@410102");
            assertThat(d.period()).isEqualTo("200707");
        });
    }

    @Test
    void aDepartmentsEscalationGoesToItsGovernment() {
        warnings.escalationRaised(escalation("410100-FGW", "市发改委", "410100"), event(EscalationRaised.TYPE));

        assertThat(sentSms.addresses()).containsExactlyInAnyOrder("13800001001", "13800001011");
    }

    @Test
    void aPublishedResultReachesEachUnitsLeadersOnlyWithTotalGradeAndPlace() {
        InboundEvent e = event(AssessmentPublished.TYPE);

        warnings.assessmentPublished(result("410102", "中原区"), e);
        warnings.assessmentPublished(result("410102", "中原区"), e);              // replayed
        warnings.assessmentPublished(result("410100", "郑州市"), event(AssessmentPublished.TYPE));

        assertThat(sentSms.addresses()).containsExactlyInAnyOrder("13800001013", "13800001011");
        assertThat(sentEmails.addresses()).containsExactlyInAnyOrder("zy-leader@demo.mubiao.cn", "city-leader@demo.mubiao.cn");
        assertThat(sentSms.sent.getFirst().text()).contains("总分103.74").contains("一等奖").contains("第1名（共12个）");
        assertThat(deliveries.find(Filters.eq("unitCode", "410102"), 50)).hasSize(2).allSatisfy(d -> {
            assertThat(d.kind()).isEqualTo(TriggerKind.ASSESSMENT);
            assertThat(d.assignmentId()).isNull();
            assertThat(d.period()).isEqualTo("2007");
        });
    }

    @Test
    void aResultChangedOnAppealReachesTheUnitsLeadersOnceWithTheNewVersion() {
        ResultRevised revised = new ResultRevised(2007, "410102", "中原区", 1, 1, 2, new BigDecimal("92"),
                new BigDecimal("100.5"), "100.50", "FIRST", "一等奖 / first prize", 1, "补充认定一项省级奖励",
                List.of(new ResultRevised.Change("total", "总分 / total", "92", "100.5"),
                        new ResultRevised.Change("C3", "加分：省级表彰 / bonus", null, "0.5")),
                Instant.parse("2008-02-10T02:00:00Z"));
        InboundEvent e = event(ResultRevised.TYPE);

        warnings.resultRevised(revised, e);
        warnings.resultRevised(revised, e);                                        // replayed

        assertThat(sentSms.addresses()).containsExactly("13800001013");
        assertThat(sentEmails.addresses()).containsExactly("zy-leader@demo.mubiao.cn");
        assertThat(sentSms.sent.getFirst().text()).contains("第2版").contains("总分100.50").contains("原92");
        assertThat(SmsParts.ucs2(sentSms.sent.getFirst().text(), 1)).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void aLagWarningStillGoesOnlyToTheUnitsReportersAndLeadersNotItsTargetOffice() {
        warnings.statusChanged(new StatusChanged("410100-2007-A03@410102", "410102", "中原区", "A03", "新增城镇固定资产投资",
                "200707", null, LagStatus.SERIOUSLY_LAGGING, new BigDecimal("0.58333"), new BigDecimal("0.475"),
                new BigDecimal("10.8333"), new BigDecimal("95"), new BigDecimal("200"), "亿元", "差距10.8个百分点"),
                event(StatusChanged.TYPE));

        assertThat(sentSms.addresses()).containsExactlyInAnyOrder("13800001003", "13800001013");
    }
}
