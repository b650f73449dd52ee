package cn.mubiao.scoring.assessment.web;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;

/** A unit's result as an Excel workbook: sheet 考核结果 (the items and the total) and sheet 得分说明 (every line). */
final class ResultWorkbook {

    static final String RESULT_SHEET = "考核结果";
    static final String EXPLANATION_SHEET = "得分说明";
    static final List<String> ITEM_HEADERS = List.of("序号", "考核项目", "目标代码", "目标名称", "指标类型", "承担方式",
            "计量单位", "目标值", "标准分", "年末完成率", "数据期间", "数据依据", "弄虚作假", "系数", "得分", "计分说明");

    private ResultWorkbook() {
    }

    static void write(ResultResponse r, OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "Mubiao", "1.0");
        Worksheet ws = wb.newWorksheet(RESULT_SHEET);
        ws.value(0, 0, r.year() + (r.preview() ? "年度目标管理考核结果（试算，未发布）" : "年度目标管理考核结果（已发布，第" + r.version() + "版）"));
        ws.style(0, 0).bold().fontSize(14).set();
        label(ws, 1, "单位", r.unitName() + "（" + r.unitCode() + "）");
        label(ws, 2, "考核类别", r.categoryLabel());
        label(ws, 3, "考核规则", r.ruleSet().year() + "年第" + r.ruleSet().version() + "版"
                + ("DEFAULT".equals(r.ruleSet().source()) ? "（默认规则）" : "") + (r.ruleSet().frozen() ? "，已冻结" : "，草稿"));
        label(ws, 4, "状态", r.statusLabel());

        int header = 6;
        for (int c = 0; c < ITEM_HEADERS.size(); c++) {
            ws.value(header, c, ITEM_HEADERS.get(c));
            ws.style(header, c).bold().fillColor("DDEBF7").set();
        }
        int row = header + 1;
        int n = 1;
        for (ResultResponse.ItemResponse i : r.items()) {
            ws.value(row, 0, n++);
            ws.value(row, 1, i.assignmentId());
            ws.value(row, 2, i.targetCode());
            ws.value(row, 3, i.title());
            ws.value(row, 4, kind(i.kind()));
            ws.value(row, 5, role(i.role()));
            ws.value(row, 6, i.unitOfMeasure());
            ws.value(row, 7, i.targetValue());
            ws.value(row, 8, i.standardScore());
            ws.value(row, 9, i.completion());
            ws.style(row, 9).format("0.0%").set();
            ws.value(row, 10, i.period());
            ws.value(row, 11, i.basisLabel());
            ws.value(row, 12, i.fraud() ? "是" : "否");
            ws.value(row, 13, i.factor());
            ws.value(row, 14, i.score());
            ws.value(row, 15, i.line());
            row++;
        }
        row++;
        row = total(ws, row, "基本分", r.base());
        row = total(ws, row, "附加分", r.bonus());
        row = total(ws, row, "扣分", r.deductions());
        row = total(ws, row, "下评上", r.rating());
        row = total(ws, row, "综合评定", r.comprehensive());
        ws.value(row, 0, "总分");
        ws.value(row, 1, r.total());
        ws.value(row, 2, "显示为 " + r.displayTotal());
        ws.style(row, 0).bold().set();
        ws.style(row, 1).bold().format("0.00").set();
        ws.width(1, 28);
        ws.width(3, 28);
        ws.width(15, 60);

        Worksheet lines = wb.newWorksheet(EXPLANATION_SHEET);
        lines.value(0, 0, "序号");
        lines.value(0, 1, "说明");
        lines.style(0, 0).bold().fillColor("DDEBF7").set();
        lines.style(0, 1).bold().fillColor("DDEBF7").set();
        for (int i = 0; i < r.explanation().size(); i++) {
            lines.value(i + 1, 0, i + 1);
            lines.value(i + 1, 1, r.explanation().get(i));
        }
        lines.width(1, 120);
        wb.finish();
    }

    private static void label(Worksheet ws, int row, String label, String value) {
        ws.value(row, 0, label);
        ws.style(row, 0).bold().set();
        ws.value(row, 1, value);
    }

    private static int total(Worksheet ws, int row, String label, BigDecimal value) {
        ws.value(row, 0, label);
        ws.value(row, 1, value);
        ws.style(row, 1).format("0.0000").set();
        return row + 1;
    }

    private static String kind(String kind) {
        return kind == null ? null : switch (kind) {
            case "CUMULATIVE" -> "累计值";
            case "LEVEL" -> "水平值";
            case "CEILING" -> "上限值";
            case "QUALITATIVE" -> "定性";
            default -> kind;
        };
    }

    private static String role(String role) {
        return role == null ? "直接下达" : switch (role) {
            case "LEAD" -> "牵头（责任单位）";
            case "SHARE" -> "分解承担";
            default -> role;
        };
    }
}
