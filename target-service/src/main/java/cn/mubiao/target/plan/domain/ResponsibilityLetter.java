package cn.mubiao.target.plan.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * 目标责任书: what one unit signs up to when a plan is issued — its assignments and their standard scores —
 * and when and by whom it was acknowledged.
 */
public final class ResponsibilityLetter {

    private final String planId;
    private final String unitCode;
    private final List<String> assignmentIds;
    private final BigDecimal totalScore;
    private final Instant issuedAt;
    private Instant acknowledgedAt;
    private String acknowledgedBy;

    private ResponsibilityLetter(String planId, String unitCode, List<String> assignmentIds, BigDecimal totalScore,
                                 Instant issuedAt, Instant acknowledgedAt, String acknowledgedBy) {
        this.planId = planId;
        this.unitCode = unitCode;
        this.assignmentIds = List.copyOf(assignmentIds);
        this.totalScore = totalScore;
        this.issuedAt = issuedAt;
        this.acknowledgedAt = acknowledgedAt;
        this.acknowledgedBy = acknowledgedBy;
    }

    public static ResponsibilityLetter issue(String planId, String unitCode, List<String> assignmentIds,
                                             BigDecimal totalScore, Instant issuedAt) {
        return new ResponsibilityLetter(planId, unitCode, assignmentIds, totalScore, issuedAt, null, null);
    }

    public static ResponsibilityLetter restore(String planId, String unitCode, List<String> assignmentIds,
                                               BigDecimal totalScore, Instant issuedAt, Instant acknowledgedAt,
                                               String acknowledgedBy) {
        return new ResponsibilityLetter(planId, unitCode, assignmentIds, totalScore, issuedAt, acknowledgedAt, acknowledgedBy);
    }

    /** The id of a unit's letter: {@code 410100-2007@410102}. */
    public static String idOf(String planId, String unitCode) {
        return planId + "@" + unitCode;
    }

    /**
     * Signs the letter; a second signature changes nothing.
     *
     * @return whether it was newly acknowledged
     */
    public boolean acknowledge(String by, Instant at) {
        if (acknowledgedAt != null) {
            return false;
        }
        acknowledgedAt = at;
        acknowledgedBy = by;
        return true;
    }

    public String id() {
        return idOf(planId, unitCode);
    }

    public String planId() {
        return planId;
    }

    public String unitCode() {
        return unitCode;
    }

    public List<String> assignmentIds() {
        return assignmentIds;
    }

    public BigDecimal totalScore() {
        return totalScore;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public Instant acknowledgedAt() {
        return acknowledgedAt;
    }

    public String acknowledgedBy() {
        return acknowledgedBy;
    }
}
