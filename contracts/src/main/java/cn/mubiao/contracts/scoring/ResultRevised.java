package cn.mubiao.contracts.scoring;

import cn.mubiao.contracts.MubiaoEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A published result was changed on appeal (复议, 第二十条): a new version, the earlier ones kept. Keyed by the unit
 * code like {@link AssessmentPublished}.
 *
 * @param appeal  the number of the appeal whose decision changed it
 * @param changes every line that changed, old against new
 */
public record ResultRevised(
        int year,
        String unitCode,
        String unitName,
        int appeal,
        int fromVersion,
        int toVersion,
        BigDecimal previousTotal,
        BigDecimal total,
        String displayTotal,
        String grade,
        String gradeLabel,
        Integer place,
        String note,
        List<Change> changes,
        Instant revisedAt) implements MubiaoEvent {

    public static final String TYPE = "mubiao.scoring.ResultRevised.v1";

    public ResultRevised {
        changes = List.copyOf(changes);
    }

    /**
     * One changed line.
     *
     * @param line   what changed: an item (its assignment id), a claim (its id), or base, bonus, deductions, rating,
     *               comprehensive, total, grade, place
     * @param label  the line in words, Chinese first, English second
     * @param before the old value (plain decimal or grade code), null when the line is new
     * @param after  the new value, null when the line is gone
     */
    public record Change(String line, String label, String before, String after) {
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return unitCode;
    }
}
