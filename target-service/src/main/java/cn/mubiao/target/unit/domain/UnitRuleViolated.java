package cn.mubiao.target.unit.domain;

import cn.mubiao.kit.domain.BrokenRule;

/**
 * A change the unit tree refuses because of the units already in it (an unknown or closed parent, a cycle of
 * attachments, active units below one to close …): answered 422 naming {@link #field()}.
 */
public class UnitRuleViolated extends BrokenRule {

    public UnitRuleViolated(String field, String reason) {
        super(field, reason);
    }
}
