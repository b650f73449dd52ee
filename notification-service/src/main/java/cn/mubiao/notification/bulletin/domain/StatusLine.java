package cn.mubiao.notification.bulletin.domain;

import cn.mubiao.contracts.LagStatus;

import java.math.BigDecimal;

/**
 * The latest lag status of one assignment in one period, as scoring last published it ({@code StatusChanged}).
 *
 * @param completion    the completion (0.., not capped)
 * @param expectedShare the schedule's expected share at the period end (序时进度, 0..1)
 * @param gapPoints     expected minus completion, in percentage points (negative when ahead)
 * @param overdue       no report came by the deadline (the status is red for that)
 */
public record StatusLine(String assignmentId, String unitCode, String unitName, String targetCode, String targetTitle,
                         String period, LagStatus status, BigDecimal completion, BigDecimal expectedShare,
                         BigDecimal gapPoints, boolean overdue) {

    /** The unit's name, or its code when the event named none. */
    public String unitLabel() {
        return unitName == null || unitName.isBlank() ? unitCode : unitName;
    }

    /** The target's title, or its code (or the assignment) when the event named none. */
    public String targetLabel() {
        if (targetTitle != null && !targetTitle.isBlank()) {
            return targetTitle;
        }
        return targetCode != null ? targetCode : assignmentId;
    }
}
