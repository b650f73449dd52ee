package cn.mubiao.progress.exchange.application;

import cn.mubiao.contracts.dhis2.ExportQuery;
import cn.mubiao.kit.security.Caller;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Where exchanged values are kept: the report domain implements this port (the exchange knows nothing of reports
 * or assignments). Every answer is already scoped to the caller.
 */
public interface ValueLedger {

    /**
     * Records one value as the caller's unit; {@code dryRun} checks everything and writes nothing.
     * <ul>
     *   <li>{@link RowOutcome.Imported}: no value of this assignment and period from the caller's source existed;
     *   {@link RowOutcome.Updated}: one existed and this one is recorded over it (or, on a dry run, would be).</li>
     *   <li>{@link RowOutcome.Ignored} for every row refused: unknown assignment and assignment the caller may not
     *   report alike ({@link RowOutcome#unknownAssignment()}, so existence does not leak), a period not of the
     *   assignment's frequency or year, a period in the future. A {@code Refusal} or {@code ProblemException}
     *   thrown instead is also turned into an ignored row.</li>
     * </ul>
     *
     * @param period a well-formed period code ({@code cn.mubiao.contracts.Period} parses it)
     * @param value  the cumulative actual, never negative
     * @param comment the progress text of the narrative, or null
     */
    RowOutcome record(Caller caller, String assignmentId, String period, BigDecimal value, String comment, boolean dryRun);

    /** The values the caller may see, filtered by the query. */
    List<ExportedValue> read(Caller caller, ExportQuery query);

    sealed interface RowOutcome {
        record Imported() implements RowOutcome {
        }

        record Updated() implements RowOutcome {
        }

        /**
         * @param property the data value field the refusal concerns: {@code dataElement}, {@code orgUnit},
         *                 {@code period} or {@code value}
         * @param reason   Chinese first, then English
         */
        record Ignored(String property, String reason) implements RowOutcome {
        }

        /** The one answer for an assignment that does not exist and for one the caller may not report. */
        static Ignored unknownAssignment() {
            return new Ignored("dataElement",
                    "该数据元素与组织机构的任务不存在或无权访问 / no assignment of this dataElement and orgUnit, or not yours");
        }
    }

    /**
     * One stored value. {@code storedBy} the user who recorded it; {@code comment} the narrative's progress text.
     */
    record ExportedValue(String assignmentId, String period, BigDecimal value, String storedBy, Instant created,
                         Instant lastUpdated, String comment) {
    }
}
