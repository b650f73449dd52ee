package cn.mubiao.contracts.dhis2;

/**
 * A DHIS2 request the exchange cannot read: a query parameter or a body that is not what DHIS2 clients send or
 * that we do not serve. Every service answers it as a 400 problem naming {@link #field()} (service-kit's problem
 * handler).
 */
public class InvalidDhis2Input extends IllegalArgumentException {

    private final String field;
    private final String reason;

    /** @param reason Chinese first, then English */
    public InvalidDhis2Input(String field, String reason) {
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
