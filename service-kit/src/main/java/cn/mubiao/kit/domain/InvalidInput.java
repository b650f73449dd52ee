package cn.mubiao.kit.domain;

/**
 * Domain code refuses an input: plain Java, answered as a 400 problem naming {@link #field()}.
 */
public class InvalidInput extends RuntimeException {

    private final String field;
    private final String reason;

    public InvalidInput(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
