package cn.mubiao.target.workbook;

import cn.mubiao.kit.web.FieldProblem;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.Row;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** Reading cells of the spreadsheets clerks send: text, numbers written either way, addresses for errors. */
public final class Cells {

    private Cells() {
    }

    /** A cell's text, trimmed; null when empty. Numbers come as they would be typed (120, 18.5). */
    public static String text(Row r, int c) {
        Optional<Cell> cell = r.getOptionalCell(c);
        if (cell.isEmpty() || cell.get().getType() == CellType.EMPTY) {
            return null;
        }
        String t = cell.get().getType() == CellType.NUMBER ? normal(cell.get().asNumber()).toPlainString()
                : cell.get().getText();
        return t == null || t.isBlank() ? null : t.strip();
    }

    /** A number from a numeric cell or from text; a problem with the cell's address when it is not one. */
    public static BigDecimal number(Row r, int c, String sheet, List<FieldProblem> problems) {
        Optional<Cell> cell = r.getOptionalCell(c);
        if (cell.isEmpty() || cell.get().getType() == CellType.EMPTY) {
            return null;
        }
        Cell x = cell.get();
        if (x.getType() == CellType.NUMBER) {
            return normal(x.asNumber());
        }
        String text = x.getText() == null ? "" : x.getText().strip();
        if (text.isEmpty() || text.equals("√") || text.equals("✓")) {
            return null;
        }
        try {
            return normal(new BigDecimal(text.replace(",", "")));
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(ref(sheet, c, r.getRowNum()), "“" + text + "”不是数字 / not a number"));
            return null;
        }
    }

    /** 120.00 → 120, 18.50 → 18.5: the way the same number arrives through the JSON API. */
    public static BigDecimal normal(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    public static boolean isBlank(Row r) {
        for (int c = 0; c < r.getCellCount(); c++) {
            if (text(r, c) != null) {
                return false;
            }
        }
        return true;
    }

    /** Yes in the ways clerks write it: 是, √, Y, TRUE. */
    public static boolean isYes(String text) {
        return text != null && List.of("是", "约束性", "Y", "YES", "TRUE", "√", "✓").contains(text.strip().toUpperCase());
    }

    /** An Excel cell address: 目标分解表!G5. */
    public static String ref(String sheet, int column, int rowNumber) {
        StringBuilder letters = new StringBuilder();
        int c = column + 1;
        while (c > 0) {
            int rem = (c - 1) % 26;
            letters.insert(0, (char) ('A' + rem));
            c = (c - 1) / 26;
        }
        return sheet + "!" + letters + rowNumber;
    }
}
