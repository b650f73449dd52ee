package cn.mubiao.target.assignment.domain;

import cn.mubiao.contracts.MubiaoEvent;
import cn.mubiao.contracts.target.TargetAssigned;

import java.util.ArrayList;
import java.util.List;

/** A target assigned to one responsible unit. Every change is a new version and records {@code TargetAssigned}. */
public final class Assignment {

    private final String id;
    private AssignmentTerms terms;
    private long version;
    private final List<MubiaoEvent> pendingEvents = new ArrayList<>();

    private Assignment(String id, AssignmentTerms terms, long version) {
        this.id = id;
        this.terms = terms;
        this.version = version;
    }

    public static Assignment assign(String id, AssignmentTerms terms) {
        Assignment a = new Assignment(id, terms, 0);
        a.apply(terms);
        return a;
    }

    public static Assignment restore(String id, AssignmentTerms terms, long version) {
        return new Assignment(id, terms, version);
    }

    /**
     * Changes the terms; does nothing when they are the same.
     *
     * @return whether anything changed
     */
    public boolean revise(AssignmentTerms next) {
        if (next.equals(terms)) {
            return false;
        }
        apply(next);
        return true;
    }

    private void apply(AssignmentTerms t) {
        this.terms = t;
        this.version++;
        pendingEvents.add(new TargetAssigned(id, t.planId(), t.year(), t.targetCode(), t.targetTitle(), t.category(),
                t.unitCode(), t.unitName(), t.coUnitCodes(), t.monitorUnitCode(), t.kind(), t.unitOfMeasure(), t.targetValue(),
                t.standardScore(), t.frequency(), t.seasonalShares(), t.leaders(), version));
    }

    public List<MubiaoEvent> pendingEvents() {
        return List.copyOf(pendingEvents);
    }

    public String id() {
        return id;
    }

    public AssignmentTerms terms() {
        return terms;
    }

    public long version() {
        return version;
    }
}
