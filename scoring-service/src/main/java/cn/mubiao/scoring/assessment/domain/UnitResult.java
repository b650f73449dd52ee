package cn.mubiao.scoring.assessment.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * A unit's year-end result, explainable point by point: every number of the total and the line that says where
 * it came from. Immutable; full precision — {@link #displayTotal()} rounds for display only.
 *
 * @param itemsBase     Σ item scores × 100 / Σ s of the items left in (the annual base before any quarterly share)
 * @param base          the base counted in the total
 * @param bonus         附加分 counted (after once-at-highest and any cap), ≥ 0
 * @param deductions    扣分 counted (a magnitude, ≥ 0)
 * @param rating        下评上 mean (departments; 0 otherwise)
 * @param comprehensive 综合评定分
 * @param explanation   every line, in order: items, base, claims, rating, comprehensive, vetoes, total
 */
public record UnitResult(String unitCode, String unitName, Category category, BigDecimal itemsBase, BigDecimal base,
                         BigDecimal bonus, BigDecimal deductions, BigDecimal rating, BigDecimal comprehensive,
                         BigDecimal total, List<Veto> vetoes, List<ItemScore> items, List<ClaimOutcome> claims,
                         List<String> explanation) {

    public UnitResult {
        vetoes = List.copyOf(vetoes);
        items = List.copyOf(items);
        claims = List.copyOf(claims);
        explanation = List.copyOf(explanation);
    }

    public boolean vetoed() {
        return !vetoes.isEmpty();
    }

    /** The total as shown: two decimals. */
    public String displayTotal() {
        return Decimals.display(total);
    }

    public ItemScore item(String code) {
        return items.stream().filter(i -> i.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no item " + code));
    }
}
