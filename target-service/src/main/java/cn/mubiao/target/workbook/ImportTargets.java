package cn.mubiao.target.workbook;

import cn.mubiao.kit.domain.InvalidInput;
import cn.mubiao.kit.domain.RuleViolation;
import cn.mubiao.kit.security.Caller;
import cn.mubiao.kit.web.FieldProblem;
import cn.mubiao.kit.web.ProblemException;
import cn.mubiao.target.plan.application.DraftPlans;
import cn.mubiao.target.plan.domain.Plan;
import cn.mubiao.target.plan.domain.PlannedTarget;
import cn.mubiao.target.plan.persistence.TargetStore;
import cn.mubiao.target.unit.application.UnitLookup;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Imports a plan's targets from the decomposition table and exports them to it. An import checks every row
 * against every rule first and writes nothing unless all of them pass.
 */
@Component
class ImportTargets {

    private final DraftPlans drafts;
    private final TargetStore targets;
    private final UnitLookup units;

    ImportTargets(DraftPlans drafts, TargetStore targets, UnitLookup units) {
        this.drafts = drafts;
        this.targets = targets;
        this.units = units;
    }

    /** How an import went: targets created, changed and unchanged, by code. */
    record Summary(boolean dryRun, List<String> created, List<String> updated, List<String> unchanged) {
    }

    Summary importSheet(Caller caller, String planId, InputStream in, boolean dryRun) {
        Plan plan = drafts.draftToEdit(caller, planId);
        plan.requireDraft();
        DecompositionSheet.Parsed parsed;
        try {
            parsed = DecompositionSheet.read(in, plan);
        } catch (IOException | RuntimeException e) {
            throw ProblemException.invalid("file", "无法读取Excel文件（须为.xlsx） / not a readable .xlsx workbook");
        }
        List<FieldProblem> problems = new ArrayList<>(parsed.problems());
        List<DraftPlans.Prepared> prepared = new ArrayList<>();
        for (DecompositionSheet.Row2 row : parsed.rows()) {
            try {
                prepared.add(drafts.prepare(plan, row.definition(), row.allocations()));
            } catch (InvalidInput e) {
                problems.add(new FieldProblem(DecompositionSheet.cellOf(e.field(), row.fieldCells(), row.allocationCells(),
                        Cells.ref(DecompositionSheet.MAIN, 0, row.rowNumber())), e.reason()));
            } catch (RuleViolation e) {
                throw e;
            }
        }
        if (parsed.rows().isEmpty() && problems.isEmpty()) {
            problems.add(new FieldProblem(DecompositionSheet.MAIN, "表中没有目标 / no targets in the sheet"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        if (!dryRun) {
            drafts.write(prepared);
        }
        List<String> created = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        for (DraftPlans.Prepared p : prepared) {
            String code = p.target().definition().code();
            (p.created() ? created : p.changed() ? updated : unchanged).add(code);
        }
        return new Summary(dryRun, created, updated, unchanged);
    }

    void export(Caller caller, String planId, OutputStream out) throws IOException {
        Plan plan = drafts.draftToEdit(caller, planId);
        List<PlannedTarget> all = targets.ofPlan(plan);
        DecompositionSheet.write(out, plan, all, code -> units.find(code).map(UnitLookup.UnitSummary::name).orElse(null));
    }
}
