package cn.mubiao.progress.exchange.domain;

import java.util.List;

/**
 * The outcome of one import: the counts, one conflict per ignored row, and whether it was a dry run. Status as
 * DHIS2 reports it: {@code SUCCESS} without conflicts, {@code WARNING} with any.
 */
public record ImportSummary(ImportCount importCount, List<Conflict> conflicts, boolean dryRun) {

    public ImportSummary {
        conflicts = List.copyOf(conflicts);
    }

    public boolean hasConflicts() {
        return !conflicts.isEmpty();
    }

    public String status() {
        return hasConflicts() ? "WARNING" : "SUCCESS";
    }

    /** The zero-based indexes of the ignored rows, in payload order. */
    public List<Integer> rejectedIndexes() {
        return conflicts.stream().flatMap(c -> c.indexes().stream()).distinct().sorted().toList();
    }
}
