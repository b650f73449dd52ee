package cn.mubiao.scoring.assessment.domain;

import cn.mubiao.kit.domain.InvalidInput;

/**
 * 第十八条, as the target office finds it: the unit's item {@code itemId} is its part in co-handling the lead's
 * assignment {@code leadAssignmentId}, and the unit did not pull its weight (工作不力). When the lead's task is not
 * completed, the item is scored with the lead's factor.
 */
public record CoUnitMark(String itemId, String leadAssignmentId, String reason) {

    public CoUnitMark {
        if (itemId == null || itemId.isBlank()) {
            throw new InvalidInput("itemId", "必填 / required");
        }
        if (leadAssignmentId == null || leadAssignmentId.isBlank()) {
            throw new InvalidInput("leadAssignmentId", "必填：牵头单位的目标 / required: the lead's assignment");
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new InvalidInput("reason", "须说明协办不力的情形，不超过500字 / say how it did not pull its weight, at most 500 "
                    + "characters");
        }
    }

    /** The lead's unit: assignment ids end in {@code @<unit code>}. */
    public String leadUnitCode() {
        int at = leadAssignmentId.lastIndexOf('@');
        return at < 0 ? null : leadAssignmentId.substring(at + 1);
    }
}
