package cn.mubiao.kit.domain;

/**
 * Domain code refuses a well-formed change because of the data already there (an unknown or closed parent unit,
 * a cycle): plain Java, answered as a 422 problem naming {@link #field()}.
 */
public class BrokenRule extends Refusal {

    public BrokenRule(String field, String reason) {
        super(field, reason);
    }
}
