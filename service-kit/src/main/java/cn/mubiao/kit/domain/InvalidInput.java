package cn.mubiao.kit.domain;

/**
 * Domain code refuses an input: plain Java, answered as a 400 problem naming {@link #field()}.
 */
public class InvalidInput extends Refusal {

    public InvalidInput(String field, String reason) {
        super(field, reason);
    }
}
