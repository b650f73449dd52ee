package cn.mubiao.target.assignment.application;

import cn.mubiao.kit.events.Outbox;
import cn.mubiao.kit.security.Caller;
import cn.mubiao.kit.web.ProblemException;
import cn.mubiao.target.assignment.domain.Assignment;
import cn.mubiao.target.assignment.domain.AssignmentTerms;
import cn.mubiao.target.assignment.persistence.AssignmentStore;
import org.springframework.stereotype.Component;

import java.util.List;

/** The target office assigns a target to a unit in its subtree, or revises the assignment. */
@Component
public class AssignTargets {

    private final AssignmentStore store;
    private final Outbox outbox;

    AssignTargets(AssignmentStore store, Outbox outbox) {
        this.store = store;
        this.outbox = outbox;
    }

    public record Outcome(Assignment assignment, boolean created) {
    }

    public Outcome assign(Caller caller, String id, AssignmentTerms terms) {
        if (!caller.covers(terms.unitCode())) {
            throw ProblemException.forbidden("单位" + terms.unitCode() + "不在您的管辖范围内 / unit outside your scope");
        }
        var existing = store.find(id);
        if (existing.isPresent() && !caller.covers(existing.get().terms().unitCode())) {
            throw ProblemException.notFound("assignment", id);
        }
        Assignment a = existing.orElseGet(() -> Assignment.assign(id, terms));
        long readVersion = existing.map(Assignment::version).orElse(0L);
        if (existing.isPresent() && !a.revise(terms)) {
            return new Outcome(a, false);
        }
        if (!store.save(a, readVersion, outbox.entries(a.pendingEvents()))) {
            throw ProblemException.conflict("id", "该目标分解刚被他人修改，请刷新后重试 / changed by someone else; reload and retry");
        }
        outbox.written();
        return new Outcome(a, existing.isEmpty());
    }

    public Assignment one(Caller caller, String id) {
        return store.find(id).filter(a -> visible(caller, a))
                .orElseThrow(() -> ProblemException.notFound("assignment", id));
    }

    public List<Assignment> visibleTo(Caller caller) {
        if (caller.unit() == null) {
            return List.of();
        }
        return store.visibleTo(caller.unit()).stream().filter(a -> visible(caller, a)).toList();
    }

    private static boolean visible(Caller caller, Assignment a) {
        return caller.sees(a.terms().relations());
    }
}
