package cn.mubiao.target.workbook;

import cn.mubiao.contracts.Frequency;
import cn.mubiao.contracts.IndicatorKind;
import cn.mubiao.kit.web.FieldProblem;
import cn.mubiao.target.plan.domain.Allocation;
import cn.mubiao.target.plan.domain.Category;
import cn.mubiao.target.plan.domain.Decomposition;
import cn.mubiao.target.plan.domain.Plan;
import cn.mubiao.target.plan.domain.PlannedTarget;
import cn.mubiao.target.plan.domain.Role;
import cn.mubiao.target.plan.domain.TargetDefinition;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static cn.mubiao.target.workbook.Cells.isBlank;
import static cn.mubiao.target.workbook.Cells.isYes;
import static cn.mubiao.target.workbook.Cells.number;
import static cn.mubiao.target.workbook.Cells.ref;
import static cn.mubiao.target.workbook.Cells.text;

/**
 * The decomposition table as target offices keep it (seed 000's annexes): sheet 目标分解表 has one row per
 * target — code, title, category, lead units, leader, monitor, scores — and one column per unit with its share;
 * sheet 逐级分解 lists the shares that hang under another unit or carry their own standard score. Reading
 * collects every bad cell with its address before anything is used.
 */
final class DecompositionSheet {


    static final String MAIN = "目标分解表";
    static final String NESTED = "逐级分解";
    static final String[] HEADERS = {"目标代码", "目标名称", "类别", "约束性", "指标类型", "计量单位", "目标值", "基数",
            "责任领导", "责任单位", "协办单位", "监控单位", "标准分", "报送频率", "分解标准分"};
    static final String[] NESTED_HEADERS = {"目标代码", "分解单位", "上级单位", "分解值", "标准分", "协办单位"};
    private static final int FIRST_UNIT_COLUMN = HEADERS.length;
    private static final Pattern UNIT_CODE = Pattern.compile("[0-9]{6}(?:[0-9]{3}){0,2}(?:-[A-Z0-9]{2,16})?");
    private static final Pattern SEPARATORS = Pattern.compile("[、,，;；\\s]+");

    private DecompositionSheet() {
    }

    /** One target read from the table, with the cell each allocation came from (for error addresses). */
    record Row2(int rowNumber, TargetDefinition definition, List<Allocation> allocations, List<String> allocationCells,
                Map<String, String> fieldCells) {
    }

    /** What the table held, or every problem found in it. */
    record Parsed(List<Row2> rows, List<FieldProblem> problems) {
    }

    static Parsed read(InputStream in, Plan plan) throws IOException {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Row2> byCode = new LinkedHashMap<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(in)) {
            Sheet main = wb.findSheet(MAIN).orElse(wb.getFirstSheet());
            List<Row> rows = main.read();
            if (rows.isEmpty()) {
                problems.add(new FieldProblem(MAIN, "表格为空 / the sheet is empty"));
                return new Parsed(List.of(), problems);
            }
            Row header = rows.get(0);
            for (int c = 0; c < HEADERS.length; c++) {
                String h = text(header, c);
                if (!HEADERS[c].equals(h)) {
                    problems.add(new FieldProblem(ref(MAIN, c, header.getRowNum()), "表头应为“" + HEADERS[c] + "” / the header must be "
                            + HEADERS[c]));
                }
            }
            Map<Integer, String> unitColumns = new LinkedHashMap<>();
            for (int c = FIRST_UNIT_COLUMN; c < header.getCellCount(); c++) {
                String h = text(header, c);
                if (h == null) {
                    continue;
                }
                String code = unitCode(h);
                if (code == null) {
                    problems.add(new FieldProblem(ref(MAIN, c, header.getRowNum()), "分解单位列的表头须含单位代码，如“中原区(410102)” / a unit column needs its code"));
                } else if (unitColumns.containsValue(code)) {
                    problems.add(new FieldProblem(ref(MAIN, c, header.getRowNum()), "单位" + code + "的列重复 / unit column listed twice"));
                } else {
                    unitColumns.put(c, code);
                }
            }
            if (!problems.isEmpty()) {
                return new Parsed(List.of(), problems);
            }
            for (Row r : rows.subList(1, rows.size())) {
                if (isBlank(r)) {
                    continue;
                }
                Row2 parsed = target(r, plan, unitColumns, problems);
                if (parsed != null) {
                    if (byCode.containsKey(parsed.definition().code())) {
                        problems.add(new FieldProblem(ref(MAIN, 0, r.getRowNum()), "目标代码" + parsed.definition().code()
                                + "重复 / the target code appears twice"));
                    } else {
                        byCode.put(parsed.definition().code(), parsed);
                    }
                }
            }
            Optional<Sheet> nested = wb.findSheet(NESTED);
            if (nested.isPresent()) {
                readNested(nested.get(), byCode, problems);
            }
        }
        Set<String> provinceCodes = new TreeSet<>();
        for (Row2 r : byCode.values()) {
            String pc = r.definition().provinceCode();
            if (pc != null && !provinceCodes.add(pc)) {
                problems.add(new FieldProblem(ref(MAIN, 0, r.rowNumber()), "省指标" + pc + "对应了两项目标 / matched twice"));
            }
        }
        return new Parsed(List.copyOf(byCode.values()), problems);
    }

    private static Row2 target(Row r, Plan plan, Map<Integer, String> unitColumns, List<FieldProblem> problems) {
        int n = r.getRowNum();
        int before = problems.size();
        Map<String, String> cells = new HashMap<>();
        for (String[] f : new String[][]{{"code", "0"}, {"title", "1"}, {"category", "2"}, {"binding", "3"},
                {"indicatorKind", "4"}, {"unitOfMeasure", "5"}, {"targetValue", "6"}, {"baseline", "7"}, {"leaders", "8"},
                {"leadUnits", "9"}, {"coUnits", "10"}, {"monitorUnitCode", "11"}, {"standardScore", "12"},
                {"frequency", "13"}}) {
            cells.put(f[0], ref(MAIN, Integer.parseInt(f[1]), n));
        }
        String code = text(r, 0);
        String title = text(r, 1);
        String category = category(text(r, 2), plan);
        if (text(r, 2) != null && category == null) {
            problems.add(new FieldProblem(ref(MAIN, 2, n), "计划中没有类别“" + text(r, 2) + "” / no such category in the plan"));
        }
        boolean binding = isYes(text(r, 3));
        IndicatorKind kind = SheetLabels.kind(text(r, 4));
        if (text(r, 4) != null && kind == null) {
            problems.add(new FieldProblem(ref(MAIN, 4, n), "指标类型应为累计型、水平型、上限型或定性 / CUMULATIVE, LEVEL, CEILING or QUALITATIVE"));
        }
        BigDecimal value = number(r, 6, MAIN, problems);
        BigDecimal baseline = number(r, 7, MAIN, problems);
        List<String> leaders = list(text(r, 8));
        List<String> leads = units(r, 9, problems);
        List<String> coUnits = units(r, 10, problems);
        List<String> monitor = units(r, 11, problems);
        if (monitor.size() > 1) {
            problems.add(new FieldProblem(ref(MAIN, 11, n), "只能有一个监控单位 / one monitoring unit"));
        }
        BigDecimal score = number(r, 12, MAIN, problems);
        Frequency frequency = SheetLabels.frequency(text(r, 13));
        if (text(r, 13) != null && frequency == null) {
            problems.add(new FieldProblem(ref(MAIN, 13, n), "报送频率应为月报、季报、半年报或年报 / MONTHLY, QUARTERLY, HALF_YEARLY or YEARLY"));
        }
        BigDecimal shareScore = number(r, 14, MAIN, problems);
        List<Allocation> allocations = new ArrayList<>();
        List<String> allocationCells = new ArrayList<>();
        for (var col : unitColumns.entrySet()) {
            BigDecimal v = number(r, col.getKey(), MAIN, problems);
            String mark = text(r, col.getKey());
            if (v != null || mark != null && (mark.equals("√") || mark.equals("✓"))) {
                allocations.add(new Allocation(col.getValue(), null, v, shareScore, List.of()));
                allocationCells.add(ref(MAIN, col.getKey(), n));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        try {
            var definition = new TargetDefinition(code, title, category, binding, kind, text(r, 5), value, baseline, leaders,
                    leads, coUnits, monitor.isEmpty() ? null : monitor.get(0), score, frequency, null, null, null, null, null);
            return new Row2(n, definition, allocations, allocationCells, cells);
        } catch (cn.mubiao.kit.domain.InvalidInput e) {
            problems.add(new FieldProblem(cellOf(e.field(), cells, List.of(), ref(MAIN, 0, n)), e.reason()));
            return null;
        }
    }

    private static void readNested(Sheet sheet, Map<String, Row2> byCode, List<FieldProblem> problems) throws IOException {
        List<Row> rows = sheet.read();
        for (Row r : rows.isEmpty() ? List.<Row>of() : rows.subList(1, rows.size())) {
            if (isBlank(r)) {
                continue;
            }
            int n = r.getRowNum();
            int before = problems.size();
            Row2 target = text(r, 0) == null ? null : byCode.get(text(r, 0));
            if (target == null) {
                problems.add(new FieldProblem(ref(NESTED, 0, n), "目标分解表中没有目标“" + text(r, 0) + "” / no such target in " + MAIN));
                continue;
            }
            List<String> unit = unitsIn(r, 1, NESTED, problems);
            List<String> parent = unitsIn(r, 2, NESTED, problems);
            BigDecimal value = number(r, 3, NESTED, problems);
            BigDecimal score = number(r, 4, NESTED, problems);
            List<String> co = unitsIn(r, 5, NESTED, problems);
            if (unit.size() != 1) {
                problems.add(new FieldProblem(ref(NESTED, 1, n), "须填一个分解单位 / one unit"));
            }
            if (problems.size() > before) {
                continue;
            }
            target.allocations().add(new Allocation(unit.get(0), parent.isEmpty() ? null : parent.get(0), value, score, co));
            target.allocationCells().add(ref(NESTED, 3, n));
        }
    }

    /** The cell a domain error's field points at: a definition field, or the cell of allocation i. */
    static String cellOf(String field, Map<String, String> fieldCells, List<String> allocationCells, String fallback) {
        Matcher m = Pattern.compile("allocations\\[(\\d+)]").matcher(field);
        if (m.find()) {
            int i = Integer.parseInt(m.group(1));
            return i < allocationCells.size() ? allocationCells.get(i) : fallback;
        }
        String base = field.replaceAll("\\[.*$", "").replaceAll("\\..*$", "");
        return fieldCells.getOrDefault(base, fallback);
    }

    static void write(OutputStream out, Plan plan, List<PlannedTarget> targets, Function<String, String> unitName) throws IOException {
        Workbook wb = new Workbook(out, "Mubiao", "1.0");
        Worksheet main = wb.newWorksheet(MAIN);
        Worksheet nested = wb.newWorksheet(NESTED);
        Set<String> columns = new TreeSet<>(Comparator.comparing((String c) -> c.contains("-") ? 1 : 0).thenComparing(c -> c));
        Map<String, BigDecimal> rowScore = new HashMap<>();
        for (PlannedTarget t : targets) {
            List<Decomposition.Node> direct = direct(t);
            BigDecimal common = mostCommon(direct.stream().map(Decomposition.Node::standardScore).toList());
            rowScore.put(t.definition().code(), common);
            direct.stream().filter(n -> Objects.equals(n.standardScore(), common)).forEach(n -> columns.add(n.unitCode()));
        }
        List<String> unitColumns = List.copyOf(columns);
        for (int c = 0; c < HEADERS.length; c++) {
            main.value(0, c, HEADERS[c]);
            main.style(0, c).bold().fillColor("DDEBF7").set();
        }
        for (int i = 0; i < unitColumns.size(); i++) {
            String code = unitColumns.get(i);
            String name = unitName.apply(code);
            main.value(0, FIRST_UNIT_COLUMN + i, (name == null ? "" : name) + "(" + code + ")");
            main.style(0, FIRST_UNIT_COLUMN + i).bold().fillColor("DDEBF7").set();
        }
        for (int c = 0; c < NESTED_HEADERS.length; c++) {
            nested.value(0, c, NESTED_HEADERS[c]);
            nested.style(0, c).bold().fillColor("DDEBF7").set();
        }
        int row = 1;
        int nestedRow = 1;
        Map<String, String> categoryNames = new HashMap<>();
        plan.categories().forEach(c -> categoryNames.put(c.code(), c.name()));
        for (PlannedTarget t : targets) {
            TargetDefinition d = t.definition();
            main.value(row, 0, d.code());
            main.value(row, 1, d.title());
            main.value(row, 2, categoryNames.getOrDefault(d.category(), d.category()));
            main.value(row, 3, d.binding() ? "是" : "否");
            main.value(row, 4, SheetLabels.label(d.kind()));
            main.value(row, 5, d.unitOfMeasure());
            main.value(row, 6, d.targetValue());
            main.value(row, 7, d.baseline());
            main.value(row, 8, String.join("、", d.leaders()));
            main.value(row, 9, named(d.leadUnits(), unitName));
            main.value(row, 10, named(d.coUnits(), unitName));
            main.value(row, 11, d.monitorUnitCode() == null ? null : named(List.of(d.monitorUnitCode()), unitName));
            main.value(row, 12, d.standardScore());
            main.value(row, 13, SheetLabels.label(d.frequency()));
            BigDecimal common = rowScore.get(d.code());
            main.value(row, 14, common);
            for (Decomposition.Node n : t.decomposition().nodes()) {
                if (n.role() == Role.LEAD) {
                    continue;
                }
                Allocation given = t.allocations().stream().filter(a -> a.unitCode().equals(n.unitCode())).findFirst().orElseThrow();
                if (n.parentUnitCode() == null && Objects.equals(n.standardScore(), common)) {
                    int col = FIRST_UNIT_COLUMN + unitColumns.indexOf(n.unitCode());
                    if (given.value() != null) {
                        main.value(row, col, given.value());
                    } else {
                        main.value(row, col, "√");
                    }
                } else {
                    nested.value(nestedRow, 0, d.code());
                    nested.value(nestedRow, 1, named(List.of(n.unitCode()), unitName));
                    nested.value(nestedRow, 2, n.parentUnitCode() == null ? null : named(List.of(n.parentUnitCode()), unitName));
                    nested.value(nestedRow, 3, given.value());
                    nested.value(nestedRow, 4, n.standardScore());
                    nested.value(nestedRow, 5, named(n.coUnits(), unitName));
                    nestedRow++;
                }
            }
            row++;
        }
        main.freezePane(2, 1);
        main.width(1, 28);
        wb.finish();
    }

    private static List<Decomposition.Node> direct(PlannedTarget t) {
        return t.decomposition().nodes().stream().filter(n -> n.role() == Role.SHARE && n.parentUnitCode() == null).toList();
    }

    private static BigDecimal mostCommon(List<BigDecimal> scores) {
        Map<BigDecimal, Integer> counts = new LinkedHashMap<>();
        scores.stream().filter(Objects::nonNull).forEach(s -> counts.merge(s, 1, Integer::sum));
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    private static String named(List<String> codes, Function<String, String> unitName) {
        List<String> out = new ArrayList<>();
        for (String c : codes) {
            String name = unitName.apply(c);
            out.add(name == null ? c : name + "(" + c + ")");
        }
        return out.isEmpty() ? null : String.join("、", out);
    }

    private static String category(String text, Plan plan) {
        if (text == null) {
            return null;
        }
        return plan.categories().stream().filter(c -> c.code().equals(text) || c.name().equals(text)).map(Category::code)
                .findFirst().orElse(null);
    }


    private static List<String> list(String text) {
        return text == null ? List.of() : SEPARATORS.splitAsStream(text).filter(s -> !s.isBlank()).toList();
    }

    private static List<String> units(Row r, int c, List<FieldProblem> problems) {
        return unitsIn(r, c, MAIN, problems);
    }

    /** Unit codes in a cell: "市发改委(410100-FGW)、市统计局(410100-TJJ)" or bare codes. */
    private static List<String> unitsIn(Row r, int c, String sheet, List<FieldProblem> problems) {
        String text = text(r, c);
        if (text == null) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String part : text.split("[、,，;；]+")) {
            if (part.isBlank()) {
                continue;
            }
            String code = unitCode(part);
            if (code == null) {
                problems.add(new FieldProblem(ref(sheet, c, r.getRowNum()), "“" + part.strip() + "”没有单位代码，请写成“市发改委(410100-FGW)” / no unit code"));
            } else {
                out.add(code);
            }
        }
        return List.copyOf(out);
    }

    private static String unitCode(String text) {
        Matcher m = UNIT_CODE.matcher(text);
        String found = null;
        while (m.find()) {
            found = m.group();
        }
        return found;
    }





}
