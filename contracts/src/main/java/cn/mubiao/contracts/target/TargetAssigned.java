package cn.mubiao.contracts.target;

import cn.mubiao.contracts.Frequency;
import cn.mubiao.contracts.IndicatorKind;
import cn.mubiao.contracts.MubiaoEvent;

import java.math.BigDecimal;
import java.util.List;

/**
 * A target was assigned to a responsible unit (or the assignment changed). Carries what progress and
 * scoring need for their own read models, so they never call target-service.
 *
 * @param coUnitCodes    co-units (协办单位) of this assignment
 * @param seasonalShares 12 cumulative monthly shares of the annual target, or empty for the linear calendar
 */
public record TargetAssigned(
        String assignmentId,
        String planId,
        int year,
        String targetCode,
        String targetTitle,
        String category,
        String unitCode,
        String unitName,
        List<String> coUnitCodes,
        String monitorUnitCode,
        IndicatorKind indicatorKind,
        String unitOfMeasure,
        BigDecimal targetValue,
        BigDecimal standardScore,
        Frequency frequency,
        List<BigDecimal> seasonalShares,
        List<String> leaders,
        long version) implements MubiaoEvent {

    public static final String TYPE = "mubiao.target.TargetAssigned.v1";

    public TargetAssigned {
        coUnitCodes = coUnitCodes == null ? List.of() : List.copyOf(coUnitCodes);
        seasonalShares = seasonalShares == null ? List.of() : List.copyOf(seasonalShares);
        leaders = leaders == null ? List.of() : List.copyOf(leaders);
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return assignmentId;
    }
}
