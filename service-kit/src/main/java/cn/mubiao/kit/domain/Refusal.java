package cn.mubiao.kit.domain;

/**
 * Domain code refuses something, naming the field it concerns and why (Chinese first, English second). The
 * subclasses say which kind of refusal it is, and so which 4xx status answers it.
 */
public abstract class Refusal extends RuntimeException {

    private final String field;
    private final String reason;

    protected Refusal(String field, String reason) {
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
