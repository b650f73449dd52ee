package cn.mubiao.target.assignment.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A change of an issued assignment (目标调整, seed 003 第九、十条): asked for by the unit with a reason before
 * the deadline and decided by the issuing target office, or ordered from above and applied at once.
 *
 * @param number        1, 2, … within its assignment; the id is {@code <assignmentId>#<number>}
 * @param value         the new target value, or null to keep it
 * @param standardScore the new standard score, or null to keep it
 */
public record AdjustmentRequest(int number, BigDecimal value, BigDecimal standardScore, String reason,
                                String requestedBy, Instant requestedAt, boolean ordered, Status status,
                                String decidedBy, Instant decidedAt, String decisionNote) {

    /** Where a request stands. */
    public enum Status {
        REQUESTED("待审批"), APPROVED("已批准"), REJECTED("已驳回");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static String idOf(String assignmentId, int number) {
        return assignmentId + "#" + number;
    }

    AdjustmentRequest decided(Status to, String by, Instant at, String note) {
        return new AdjustmentRequest(number, value, standardScore, reason, requestedBy, requestedAt, ordered, to, by, at, note);
    }
}
