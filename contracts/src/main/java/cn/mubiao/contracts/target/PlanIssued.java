package cn.mubiao.contracts.target;

import cn.mubiao.contracts.MubiaoEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An annual plan was issued (下达): its targets are now binding and each unit below got its responsibility
 * letter. The assignments themselves follow as {@code TargetAssigned}, one per assignment.
 *
 * @param units              every unit that holds at least one assignment of the plan (one letter each)
 * @param assignmentCount    how many {@code TargetAssigned} events the plan issues
 * @param adjustmentDeadline the last day a unit may ask for an adjustment
 */
public record PlanIssued(
        String planId,
        String issuerUnitCode,
        int year,
        String title,
        List<Category> categories,
        List<String> units,
        int targetCount,
        int assignmentCount,
        LocalDate adjustmentDeadline,
        Instant issuedAt,
        long version) implements MubiaoEvent {

    public static final String TYPE = "mubiao.target.PlanIssued.v1";

    /** A category of the plan (跨越式发展目标, 十件实事 …), ranked and weighted separately. */
    public record Category(String code, String name) {
    }

    public PlanIssued {
        categories = categories == null ? List.of() : List.copyOf(categories);
        units = units == null ? List.of() : List.copyOf(units);
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return planId;
    }
}
