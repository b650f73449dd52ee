package cn.mubiao.scoring.lag.web;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** A gap list as an Excel workbook: one sheet 缺口清单, a heading row per group, a row per assignment. */
final class GapWorkbook {

    static final String SHEET = "缺口清单";
    static final List<String> HEADERS = List.of("分组", "目标代码", "目标名称", "目标类别", "责任单位", "责任领导", "状态",
            "序时进度", "完成进度", "差距（百分点）", "计量单位", "目标值", "序时目标", "实际完成", "缺口", "说明", "已提级督导");

    private GapWorkbook() {
    }

    static void write(GapListResponse list, OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "Mubiao", "1.0");
        Worksheet ws = wb.newWorksheet(SHEET);
        ws.value(0, 0, list.period() + " 目标缺口清单（" + list.groupByLabel() + "）");
        ws.style(0, 0).bold().fontSize(14).set();
        ws.value(1, 0, "严重滞后 " + list.seriouslyLagging() + " 项，滞后 " + list.lagging() + " 项");
        int header = 3;
        for (int c = 0; c < HEADERS.size(); c++) {
            ws.value(header, c, HEADERS.get(c));
            ws.style(header, c).bold().fillColor("DDEBF7").set();
        }
        int row = header + 1;
        for (GapListResponse.GroupResponse g : list.groups()) {
            ws.value(row, 0, g.name() + "（严重滞后" + g.seriouslyLagging() + "项，滞后" + g.lagging() + "项）");
            ws.style(row, 0).bold().set();
            row++;
            for (GapListResponse.GapResponse gap : g.gaps()) {
                ws.value(row, 0, g.name());
                ws.value(row, 1, gap.targetCode());
                ws.value(row, 2, gap.targetTitle());
                ws.value(row, 3, gap.category());
                ws.value(row, 4, gap.unitName() == null ? gap.unitCode() : gap.unitName() + "（" + gap.unitCode() + "）");
                ws.value(row, 5, String.join("、", gap.leaders()));
                ws.value(row, 6, gap.statusLabel());
                ws.value(row, 7, gap.expectedPercent() == null ? null : gap.expectedPercent() + "%");
                ws.value(row, 8, gap.completionPercent() == null ? null : gap.completionPercent() + "%");
                ws.value(row, 9, gap.gapPoints());
                ws.value(row, 10, gap.unitOfMeasure());
                ws.value(row, 11, gap.targetValue());
                ws.value(row, 12, gap.scheduledAmount());
                if (gap.actual() == null) {
                    ws.value(row, 13, "未报送");
                } else {
                    ws.value(row, 13, gap.actual());
                }
                ws.value(row, 14, gap.shortfall());
                ws.value(row, 15, gap.reason());
                ws.value(row, 16, gap.escalated() ? "是" : "否");
                if ("SERIOUSLY_LAGGING".equals(gap.status())) {
                    ws.style(row, 6).fontColor("C00000").bold().set();
                }
                row++;
            }
        }
        wb.finish();
    }
}
