package cn.mubiao.target.assignment.application;

import cn.mubiao.kit.events.Outbox;
import cn.mubiao.kit.security.Caller;
import cn.mubiao.kit.web.ProblemException;
import cn.mubiao.target.assignment.domain.Assignment;
import cn.mubiao.target.assignment.domain.AssignmentTerms;
import cn.mubiao.target.assignment.persistence.AssignmentStore;
import org.springframework.stereotype.Component;

import cn.mubiao.target.settings.TargetSettings;
import java.time.Clock;
import java.util.List;

/** The target office assigns a target to a unit in its subtree, or revises the assignment. */
@Component
public class AssignTargets {

    private final AssignmentStore store;
    private final Outbox outbox;

    private final Clock clock;
    private final TargetSettings settings;

    AssignTargets(AssignmentStore store, Outbox outbox, Clock clock, TargetSettings settings) {
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
        this.settings = settings;
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
        if (existing.isPresent() && existing.get().terms().targetId() != null) {
            throw ProblemException.conflict("id", "该目标随计划下达，只能通过目标调整修改 / issued with a plan: change it through an adjustment");
        }
        Assignment a = existing.orElseGet(() -> Assignment.assign(id, terms, clock.instant()));
        var read = existing.map(AssignmentStore.Stored::of).orElse(null);
        if (existing.isPresent() && !a.revise(terms, clock.instant())) {
            return new Outcome(a, false);
        }
        if (!store.save(a, read, outbox.entries(a.pendingEvents()))) {
            throw ProblemException.conflict("id", "该目标分解刚被他人修改，请刷新后重试 / changed by someone else; reload and retry");
        }
        outbox.written();
        return new Outcome(a, existing.isEmpty());
    }

    public Assignment one(Caller caller, String id) {
        return store.find(id).filter(a -> visible(caller, a))
                .orElseThrow(() -> ProblemException.notFound("assignment", id));
    }

    /** A page of what the caller sees; the database selects by scope and filters, the rule re-checks each. */
    public record Found(List<Assignment> items, long total) {
    }

    public Found visibleTo(Caller caller, AssignmentStore.Query q, int page, int size) {
        if (caller.unit() == null) {
            return new Found(List.of(), 0);
        }
        return new Found(store.visibleTo(caller.unit(), q, page * size, size).stream().filter(a -> visible(caller, a)).toList(),
                store.countVisibleTo(caller.unit(), q));
    }

    public Assignment withHistory(Caller caller, String id) {
        return store.findWithHistory(id).filter(a -> visible(caller, a))
                .orElseThrow(() -> ProblemException.notFound("assignment", id));
    }

    /** The version in force at the end of a day (in the configured zone). */
    public Assignment.Version asOf(Caller caller, String id, java.time.LocalDate day) {
        Assignment a = withHistory(caller, id);
        java.time.Instant end = day.plusDays(1).atStartOfDay(settings.zone()).toInstant().minusMillis(1);
        return a.asOf(end).orElseThrow(() -> ProblemException.notFound("assignment", id + "@" + day));
    }

    private static boolean visible(Caller caller, Assignment a) {
        return caller.sees(a.terms().relations());
    }
}
