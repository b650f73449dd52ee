package cn.mubiao.target.alignment.application;

import cn.mubiao.contracts.IndicatorKind;
import cn.mubiao.kit.domain.InvalidInput;
import cn.mubiao.kit.security.Caller;
import cn.mubiao.kit.web.FieldProblem;
import cn.mubiao.kit.web.ProblemException;
import cn.mubiao.target.alignment.domain.Alignment;
import cn.mubiao.target.alignment.domain.ProvinceIndicator;
import cn.mubiao.target.alignment.persistence.CatalogueStore;
import cn.mubiao.target.plan.application.DraftPlans;
import cn.mubiao.target.plan.application.PlanQueries;
import cn.mubiao.target.plan.domain.Plan;
import cn.mubiao.target.plan.domain.PlanStatus;
import cn.mubiao.target.plan.domain.PlannedTarget;
import cn.mubiao.target.plan.domain.ProvinceStandard;
import cn.mubiao.target.workbook.Cells;
import cn.mubiao.target.workbook.SheetLabels;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The city target office imports the province's catalogue for its plan (JSON or Excel) and reads how the
 * city's targets answer it.
 */
@Component
public class AlignWithProvince {

    static final String SHEET = "省考核指标";
    static final String[] HEADERS = {"指标代码", "领域", "指标名称", "指标类型", "计量单位", "目标值", "考核我市"};

    private final DraftPlans drafts;
    private final PlanQueries queries;
    private final CatalogueStore catalogues;
    private final Clock clock;

    AlignWithProvince(DraftPlans drafts, PlanQueries queries, CatalogueStore catalogues, Clock clock) {
        this.drafts = drafts;
        this.queries = queries;
        this.catalogues = catalogues;
        this.clock = clock;
    }

    public Alignment importCatalogue(Caller caller, String planId, List<ProvinceIndicator> indicators) {
        Plan plan = drafts.draftToEdit(caller, planId);
        if (indicators.isEmpty()) {
            throw new InvalidInput("indicators", "目录为空 / the catalogue is empty");
        }
        Alignment.checkCatalogue(indicators);
        apply(caller, plan, indicators);
        return alignment(caller, planId);
    }

    /**
     * Stores the catalogue and, while the plan is a draft, holds each target answering one of its indicators to the
     * stricter value (就高不就低, docs/adr/0008). An issued plan's targets change only by adjustment: there the
     * catalogue is stored and reported on, nothing else changes. Importing the same catalogue again changes nothing,
     * so an import interrupted between its writes is finished by importing it again.
     */
    private void apply(Caller caller, Plan plan, List<ProvinceIndicator> indicators) {
        catalogues.replace(plan.id(), indicators, clock.instant(), caller.username());
        if (plan.status() == PlanStatus.DRAFT) {
            Map<String, ProvinceStandard> standards = new HashMap<>();
            indicators.stream().filter(ProvinceIndicator::assessesCity).forEach(p -> standards.put(p.code(), p.standard()));
            drafts.alignWithProvince(plan, standards);
        }
    }

    public Alignment importSheet(Caller caller, String planId, InputStream in) {
        Plan plan = drafts.draftToEdit(caller, planId);
        List<FieldProblem> problems = new ArrayList<>();
        List<ProvinceIndicator> indicators = new ArrayList<>();
        Map<String, String> firstCell = new HashMap<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(in)) {
            var sheet = wb.findSheet(SHEET).orElse(wb.getFirstSheet());
            List<Row> rows = sheet.read();
            for (int c = 0; c < HEADERS.length && !rows.isEmpty(); c++) {
                if (!HEADERS[c].equals(Cells.text(rows.get(0), c))) {
                    problems.add(new FieldProblem(Cells.ref(SHEET, c, 1), "表头应为“" + HEADERS[c] + "” / the header must be " + HEADERS[c]));
                }
            }
            for (Row r : rows.isEmpty() || !problems.isEmpty() ? List.<Row>of() : rows.subList(1, rows.size())) {
                if (Cells.isBlank(r)) {
                    continue;
                }
                int n = r.getRowNum();
                int before = problems.size();
                BigDecimal value = Cells.number(r, 5, SHEET, problems);
                String kindText = Cells.text(r, 3);
                IndicatorKind kind = SheetLabels.kind(kindText);
                if (kindText != null && kind == null) {
                    problems.add(new FieldProblem(Cells.ref(SHEET, 3, n), "指标类型应为累计型、水平型、上限型或定性 / CUMULATIVE, LEVEL, CEILING or QUALITATIVE"));
                }
                if (problems.size() > before) {
                    continue;
                }
                try {
                    var p = new ProvinceIndicator(Cells.text(r, 0), Cells.text(r, 1), Cells.text(r, 2), kind, Cells.text(r, 4),
                            value, Cells.isYes(Cells.text(r, 6)));
                    String seen = firstCell.putIfAbsent(p.code(), Cells.ref(SHEET, 0, n));
                    if (seen != null) {
                        problems.add(new FieldProblem(Cells.ref(SHEET, 0, n), "省指标代码" + p.code() + "重复（首见于" + seen + "） / listed twice"));
                    }
                    indicators.add(p);
                } catch (InvalidInput e) {
                    int col = switch (e.field()) {
                        case "code" -> 0;
                        case "area" -> 1;
                        case "title" -> 2;
                        case "indicatorKind" -> 3;
                        case "targetValue" -> 5;
                        default -> 0;
                    };
                    problems.add(new FieldProblem(Cells.ref(SHEET, col, n), e.reason()));
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException pe) {
                throw pe;
            }
            throw ProblemException.invalid("file", "无法读取Excel文件（须为.xlsx） / not a readable .xlsx workbook");
        }
        if (indicators.isEmpty() && problems.isEmpty()) {
            problems.add(new FieldProblem(SHEET, "表中没有指标 / no indicators in the sheet"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        apply(caller, plan, indicators);
        return alignment(caller, planId);
    }

    public Alignment alignment(Caller caller, String planId) {
        List<PlannedTarget> targets = queries.allTargets(caller, planId);
        var catalogue = catalogues.find(planId)
                .orElseThrow(() -> ProblemException.notFound("province catalogue", planId));
        return Alignment.of(catalogue.indicators(), targets.stream().map(PlannedTarget::definition).toList());
    }
}
