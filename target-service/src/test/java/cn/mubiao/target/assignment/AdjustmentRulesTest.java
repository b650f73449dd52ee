package cn.mubiao.target.assignment;

import cn.mubiao.contracts.Frequency;
import cn.mubiao.contracts.IndicatorKind;
import cn.mubiao.contracts.target.AssignmentWithdrawn;
import cn.mubiao.contracts.target.TargetAdjusted;
import cn.mubiao.contracts.target.TargetAssigned;
import cn.mubiao.kit.domain.InvalidInput;
import cn.mubiao.kit.domain.RuleViolation;
import cn.mubiao.target.assignment.domain.AdjustmentRequest;
import cn.mubiao.target.assignment.domain.Assignment;
import cn.mubiao.target.assignment.domain.AssignmentTerms;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdjustmentRulesTest {

    static final Instant ISSUED = Instant.parse("2007-02-01T02:00:00Z");

    static Assignment issued() {
        var terms = new AssignmentTerms("410100-2007", 2007, "A03", "新增城镇固定资产投资", "跨越式发展目标", "410102", "中原区",
                List.of(), "410100-TJJ", IndicatorKind.CUMULATIVE, "亿元", new BigDecimal("20"), new BigDecimal("10"),
                Frequency.MONTHLY, List.of(), List.of(), "410100-2007-A03", null, "SHARE", "410100", false, null, "CITY",
                null, List.of(), null, null, null);
        return Assignment.assign("410100-2007-A03@410102", terms, ISSUED);
    }

    @Test
    void anApprovedRequestMakesANewVersionAndRecordsTargetAdjustedWithTheFullTerms() {
        Assignment a = issued();
        a.requestAdjustment(new BigDecimal("18"), null, "受拆迁进度影响", "zy-leader", Instant.parse("2007-06-20T02:00:00Z"));
        a.approveAdjustment(1, "city-office", "同意", Instant.parse("2007-06-25T02:00:00Z"));

        assertThat(a.version()).isEqualTo(2);
        assertThat(a.terms().targetValue()).isEqualByComparingTo("18");
        assertThat(a.pendingEvents()).hasSize(3);
        assertThat(a.pendingEvents().get(1)).isInstanceOfSatisfying(TargetAssigned.class, e -> {
            assertThat(e.version()).isEqualTo(2);
            assertThat(e.targetId()).isEqualTo("410100-2007-A03");
        });
        assertThat(a.pendingEvents().get(2)).isInstanceOfSatisfying(TargetAdjusted.class, e -> {
            assertThat(e.previousTargetValue()).isEqualByComparingTo("20");
            assertThat(e.targetValue()).isEqualByComparingTo("18");
            assertThat(e.ordered()).isFalse();
        });
    }

    @Test
    void everyVersionIsKeptAndReadableAsOfAnyMoment() {
        Assignment a = issued();
        a.orderAdjustment(new BigDecimal("25"), null, "市政府常务会议决定", "city-office", Instant.parse("2007-09-01T00:00:00Z"));

        assertThat(a.asOf(Instant.parse("2007-08-31T23:59:59Z"))).get()
                .satisfies(v -> assertThat(v.terms().targetValue()).isEqualByComparingTo("20"));
        assertThat(a.asOf(Instant.parse("2007-09-01T00:00:00Z"))).get()
                .satisfies(v -> assertThat(v.terms().targetValue()).isEqualByComparingTo("25"));
        assertThat(a.asOf(Instant.parse("2007-01-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void onlyOneRequestWaitsAtATimeAndADecidedOneCannotBeDecidedAgain() {
        Assignment a = issued();
        a.requestAdjustment(new BigDecimal("18"), null, "理由", "zy-leader", ISSUED);
        assertThatThrownBy(() -> a.requestAdjustment(new BigDecimal("17"), null, "理由", "zy-leader", ISSUED))
                .isInstanceOf(RuleViolation.class);
        a.rejectAdjustment(1, "city-office", "依据不足", ISSUED);
        assertThat(a.adjustments().get(0).status()).isEqualTo(AdjustmentRequest.Status.REJECTED);
        assertThat(a.version()).isEqualTo(1);
        assertThatThrownBy(() -> a.approveAdjustment(1, "city-office", null, ISSUED)).isInstanceOf(RuleViolation.class);
    }

    @Test
    void aRequestWithoutReasonOrWithANegativeValueIsRefused() {
        Assignment a = issued();
        assertThatThrownBy(() -> a.requestAdjustment(new BigDecimal("18"), null, " ", "zy-leader", ISSUED))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("reason");
        assertThatThrownBy(() -> a.requestAdjustment(new BigDecimal("-1"), null, "理由", "zy-leader", ISSUED))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("value");
        assertThatThrownBy(() -> a.rejectAdjustment(1, "city-office", "x", ISSUED)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void aWithdrawnAssignmentRecordsItsWithdrawalAndTakesNoMoreChanges() {
        Assignment a = issued();
        a.withdraw("项目停建", "city-office", ISSUED);

        assertThat(a.pendingEvents()).last().isInstanceOf(AssignmentWithdrawn.class);
        assertThatThrownBy(() -> a.orderAdjustment(new BigDecimal("5"), null, "理由", "city-office", ISSUED))
                .isInstanceOf(RuleViolation.class);
    }
}
