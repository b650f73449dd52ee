package cn.mubiao.contracts.scoring;

import cn.mubiao.contracts.MubiaoEvent;

import java.math.BigDecimal;

/**
 * An assignment was seriously lagging (red) in two consecutive periods of its frequency, so it is escalated to the
 * target office and the leaders of the next level up (专题督导, DOMAIN.md §4, seed 001). Raised once per assignment
 * and second period: a recomputation or replay of either period raises nothing more; a third red period in a row
 * raises one for that period. Keyed by the assignment id, like {@link StatusChanged}.
 *
 * @param previousPeriod     the first of the two red periods, e.g. {@code 200706}
 * @param period             the second (latest) red period, e.g. {@code 200707}
 * @param completion         the latest period's completion (0.., not capped)
 * @param expectedShare      the latest period's expected share of the annual target (0..1)
 * @param gapPoints          the latest period's expected minus completion, in percentage points
 * @param reason             the latest period's reason, in Chinese
 * @param issuerUnitCode     the government that issued the target; null when not known (a direct assignment)
 * @param escalateToUnitCode the next level up, whose target office and leaders are told: a county's city
 *                           ({@code 410102 → 410100}), a township's county, a department's own government
 *                           ({@code 410100-FGW → 410100}), a city's province; a province itself has none above it and
 *                           names itself
 */
public record EscalationRaised(
        String assignmentId,
        String unitCode,
        String unitName,
        String targetCode,
        String targetTitle,
        String previousPeriod,
        String period,
        BigDecimal completion,
        BigDecimal expectedShare,
        BigDecimal gapPoints,
        String reason,
        String issuerUnitCode,
        String escalateToUnitCode) implements MubiaoEvent {

    public static final String TYPE = "mubiao.scoring.EscalationRaised.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return assignmentId;
    }
}
