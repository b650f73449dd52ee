package cn.mubiao.progress.exchange.domain;

import java.util.List;

/**
 * Why one row was ignored, in DHIS2's conflict shape: {@code object} is the offending identifier or value,
 * {@code value} the reason (Chinese first, then English), {@code property} the data value field it concerns,
 * {@code indexes} the zero-based positions of the rows in the payload. {@code errorCode} stays empty: DHIS2's
 * E76xx codes name DHIS2's own checks, which are not ours.
 */
public record Conflict(String object, String value, String errorCode, String property, List<Integer> indexes) {

    public Conflict {
        indexes = List.copyOf(indexes);
    }

    public static Conflict of(int index, String property, String object, String reason) {
        return new Conflict(object == null ? "" : object, reason, null, property, List.of(index));
    }
}
