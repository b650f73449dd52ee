package cn.mubiao.scoring.assessment.domain;

import cn.mubiao.contracts.scoring.ResultRevised.Change;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Old against new, line by line: items, claims, base, bonus, deductions, rating, comprehensive, total, grade, place. */
public final class ResultDiff {

    private ResultDiff() {
    }

    public static List<Change> between(UnitResult before, Grade gradeBefore, Integer placeBefore,
                                       UnitResult after, Grade gradeAfter, Integer placeAfter) {
        List<Change> changes = new ArrayList<>();
        Map<String, String> itemsBefore = new LinkedHashMap<>();
        before.items().forEach(i -> itemsBefore.put(i.code(), i.leftOut() ? null : num(i.score())));
        Map<String, String> itemsAfter = new LinkedHashMap<>();
        after.items().forEach(i -> itemsAfter.put(i.code(), i.leftOut() ? null : num(i.score())));
        lines(changes, itemsBefore, itemsAfter, "项目 %s 得分 / item %s score");
        lines(changes, claims(before), claims(after), "加减分 %s / claim %s");
        line(changes, "base", "基本分 / base", before.base(), after.base());
        line(changes, "bonus", "附加分 / bonus", before.bonus(), after.bonus());
        line(changes, "deductions", "扣分 / deductions", before.deductions(), after.deductions());
        line(changes, "rating", "下评上 / bottom-up rating", before.rating(), after.rating());
        line(changes, "comprehensive", "综合评定 / comprehensive evaluation", before.comprehensive(), after.comprehensive());
        line(changes, "total", "总分 / total", before.total(), after.total());
        if (gradeBefore != gradeAfter) {
            changes.add(new Change("grade", "等次 / grade", name(gradeBefore), name(gradeAfter)));
        }
        if (!Objects.equals(placeBefore, placeAfter)) {
            changes.add(new Change("place", "名次 / place", str(placeBefore), str(placeAfter)));
        }
        return List.copyOf(changes);
    }

    private static Map<String, String> claims(UnitResult r) {
        Map<String, String> out = new LinkedHashMap<>();
        r.claims().forEach(c -> out.put(c.claim().id(), c.counted() ? num(c.entry().signedPoints()) : "0"));
        return out;
    }

    private static void lines(List<Change> changes, Map<String, String> before, Map<String, String> after, String label) {
        Map<String, String> all = new LinkedHashMap<>(before);
        after.forEach(all::putIfAbsent);
        for (String key : all.keySet()) {
            String b = before.get(key);
            String a = after.get(key);
            if (!Objects.equals(b, a) || before.containsKey(key) != after.containsKey(key)) {
                changes.add(new Change(key, label.formatted(key, key), b, a));
            }
        }
    }

    private static void line(List<Change> changes, String line, String label, BigDecimal before, BigDecimal after) {
        String b = num(before);
        String a = num(after);
        if (!b.equals(a)) {
            changes.add(new Change(line, label, b, a));
        }
    }

    private static String num(BigDecimal value) {
        return value.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static String name(Grade g) {
        return g == null ? null : g.name();
    }

    private static String str(Integer i) {
        return i == null ? null : i.toString();
    }
}
