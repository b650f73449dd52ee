package cn.mubiao.progress.exchange;

import cn.mubiao.contracts.Frequency;
import cn.mubiao.contracts.Period;
import cn.mubiao.contracts.dhis2.ExportQuery;
import cn.mubiao.kit.security.Caller;
import cn.mubiao.kit.security.Roles;
import cn.mubiao.kit.security.UnitCodes;
import cn.mubiao.kit.security.UnitRelations;
import cn.mubiao.progress.exchange.application.ValueLedger;
import cn.mubiao.progress.exchange.domain.AssignmentIds;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * TEST ONLY: a ValueLedger in memory, so the exchange's use cases are tested without the report domain. It follows the
 * semantics the port asks for: a reporter records for its own unit's assignments, a monitor for those it monitors
 * (as the statistics source); unknown and foreign assignments answer alike; the period must be of the assignment's
 * frequency and year and not in the future; a second value of the same assignment, period and source is an update.
 * Export shows what {@link Caller#sees} allows, one value per assignment and period (the monitor's wins).
 */
public class InMemoryValueLedger implements ValueLedger {

    public record TestAssignment(String id, String unitCode, String monitorUnitCode, Frequency frequency, int year) {
    }

    private record Stored(String assignmentId, String period, String source, BigDecimal value, String storedBy,
                          Instant created, Instant lastUpdated, String comment) {
    }

    private final Map<String, TestAssignment> assignments = new ConcurrentHashMap<>();
    private final Map<String, Stored> values = new ConcurrentHashMap<>();
    private final AtomicInteger writes = new AtomicInteger();
    private volatile LocalDate today = LocalDate.of(2007, 8, 3);
    private volatile Instant now = Instant.parse("2007-08-03T02:00:00Z");

    public InMemoryValueLedger assign(String dataElement, String unitCode, String monitorUnitCode, Frequency frequency) {
        String id = AssignmentIds.of(dataElement, unitCode);
        assignments.put(id, new TestAssignment(id, unitCode, monitorUnitCode, frequency, 2007));
        return this;
    }

    public void clear() {
        assignments.clear();
        values.clear();
        writes.set(0);
    }

    /** Recorded values written so far (a dry run adds none). */
    public int writes() {
        return writes.get();
    }

    public int stored() {
        return values.size();
    }

    public void at(Instant instant) {
        now = instant;
    }

    @Override
    public RowOutcome record(Caller caller, String assignmentId, String period, BigDecimal value, String comment,
                             boolean dryRun) {
        TestAssignment a = assignments.get(assignmentId);
        String source;
        if (a != null && caller.hasRole(Roles.MONITOR) && caller.unit().equals(a.monitorUnitCode())) {
            source = "statistics";
        } else if (a != null && caller.hasRole(Roles.REPORTER) && caller.unit().equals(a.unitCode())) {
            source = "unit";
        } else {
            return RowOutcome.unknownAssignment();
        }
        Period p = Period.parse(period).orElseThrow();
        if (p.frequency() != a.frequency() || p.year() != a.year()) {
            return new RowOutcome.Ignored("period", "报告期与任务的报送频率不符 / the period is not one of the assignment's");
        }
        if (p.firstDay().isAfter(today)) {
            return new RowOutcome.Ignored("period", "报告期尚未开始 / the period lies in the future");
        }
        String key = assignmentId + "|" + period + "|" + source;
        Stored before = values.get(key);
        if (!dryRun) {
            values.put(key, new Stored(assignmentId, period, source, value, caller.username(),
                    before == null ? now : before.created(), now, comment));
            writes.incrementAndGet();
        }
        return before == null ? new RowOutcome.Imported() : new RowOutcome.Updated();
    }

    @Override
    public List<ExportedValue> read(Caller caller, ExportQuery q) {
        Map<String, Stored> chosen = new ConcurrentHashMap<>();
        for (Stored s : values.values()) {
            chosen.merge(s.assignmentId() + "|" + s.period(), s, (x, y) -> x.source().equals("statistics") ? x : y);
        }
        List<ExportedValue> out = new ArrayList<>();
        for (Stored s : chosen.values()) {
            TestAssignment a = assignments.get(s.assignmentId());
            Period p = Period.parse(s.period()).orElseThrow();
            if (a == null || !caller.sees(UnitRelations.of(a.unitCode(), List.of(), a.monitorUnitCode()))
                    || !q.coversPeriod(p) || !q.coversOrgUnit(a.unitCode(), UnitCodes::isInSubtree)
                    || !q.coversDataElement(AssignmentIds.dataElement(a.id())) || !q.changedSince(s.lastUpdated())) {
                continue;
            }
            out.add(new ExportedValue(s.assignmentId(), s.period(), s.value(), s.storedBy(), s.created(), s.lastUpdated(),
                    s.comment()));
        }
        return out;
    }
}
