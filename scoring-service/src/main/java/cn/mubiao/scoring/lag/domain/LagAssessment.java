package cn.mubiao.scoring.lag.domain;

import cn.mubiao.contracts.LagStatus;

import java.math.BigDecimal;

/**
 * A lag status with its inputs and its reason.
 *
 * @param gapPoints expected share minus completion, in percentage points (negative when ahead)
 */
public record LagAssessment(LagStatus status, BigDecimal expectedShare, BigDecimal completion, BigDecimal gapPoints,
                            String reason) {
}
