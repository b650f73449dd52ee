package cn.mubiao.scoring.assessment.domain;

import cn.mubiao.kit.domain.InvalidInput;

import java.math.BigDecimal;

/**
 * One rule of the bonus and deduction catalogue (第十二条, 第十四条, 第十九条).
 *
 * @param points            the magnitude (always positive); {@link #kind()} says whether it adds or takes away
 * @param onceAtHighestGroup claims of the same group about the same subject (the same award, enterprise or brand)
 *                          count once, at the highest points; null when every claim counts
 */
public record CatalogueEntry(String code, ClaimKind kind, BigDecimal points, String zh, String en,
                             String onceAtHighestGroup) {
    public CatalogueEntry {
        if (code == null || code.isBlank()) {
            throw new InvalidInput("code", "必填 / required");
        }
        if (kind == null) {
            throw new InvalidInput("kind", "必填 / required");
        }
        if (points == null || points.signum() <= 0) {
            throw new InvalidInput("points", "分值须为正数 / must be positive");
        }
    }

    public BigDecimal signedPoints() {
        return kind == ClaimKind.BONUS ? points : points.negate();
    }
}
