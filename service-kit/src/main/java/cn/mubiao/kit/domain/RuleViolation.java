package cn.mubiao.kit.domain;

/**
 * Domain code refuses a change the object's state does not allow (editing an issued plan, adjusting a
 * withdrawn assignment): plain Java, answered as a 409 problem naming {@link #field()}.
 */
public class RuleViolation extends Refusal {

    public RuleViolation(String field, String reason) {
        super(field, reason);
    }
}
