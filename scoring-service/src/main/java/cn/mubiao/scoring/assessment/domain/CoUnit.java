package cn.mubiao.scoring.assessment.domain;

import cn.mubiao.kit.domain.InvalidInput;

/**
 * The unit holds the item as a co-unit (协办单位) of {@code leadUnitCode}. 第十八条: when the task is not completed
 * and the lead loses points, a co-unit that did not pull its weight (工作不力) loses points too — modelled as the
 * co-unit being scored on the item with the lead's factor.
 *
 * @param leadOutcome the lead unit's outcome on the same item, which gives the lead's factor
 */
public record CoUnit(String leadUnitCode, Outcome leadOutcome, boolean notPullingWeight) {
    public CoUnit {
        if (leadUnitCode == null || leadUnitCode.isBlank()) {
            throw new InvalidInput("coUnit.leadUnitCode", "必填 / required");
        }
        if (leadOutcome == null) {
            throw new InvalidInput("coUnit.leadOutcome", "必填 / required");
        }
        if (leadOutcome instanceof Outcome.Missing) {
            throw new InvalidInput("coUnit.leadOutcome", "牵头单位的缺项不能用于协办单位 / a lead's missing item gives no factor");
        }
    }
}
