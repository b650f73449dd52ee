package cn.mubiao.scoring.assessment.domain;

import cn.mubiao.kit.domain.BrokenRule;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static cn.mubiao.scoring.assessment.domain.Decimals.plain;

/**
 * Grades per category (第二十一条): ranked by total, ties by higher base, then fewer deductions, then unit code;
 * failing under the pass mark; first and second prizes by places; third prize and the basic award by the
 * "several" setting; a vetoed unit (第二十七条) at most the basic award, taking no place.
 */
public final class Grading {

    /** Total (higher first), then base (higher first), then deductions (fewer first), then unit code. */
    public static final Comparator<UnitResult> ORDER = Comparator.comparing(UnitResult::total).reversed()
            .thenComparing(Comparator.comparing(UnitResult::base).reversed())
            .thenComparing(UnitResult::deductions)
            .thenComparing(UnitResult::unitCode);

    private Grading() {
    }

    public static Ranking rank(ScoringRules rules, Collection<UnitResult> results) {
        Set<String> seen = new HashSet<>();
        Map<Category, List<UnitResult>> byCategory = new EnumMap<>(Category.class);
        for (UnitResult result : results) {
            if (!seen.add(result.unitCode())) {
                throw new BrokenRule("results", "单位" + result.unitCode() + "重复 / unit listed twice");
            }
            byCategory.computeIfAbsent(result.category(), c -> new ArrayList<>()).add(result);
        }
        Map<Category, List<GradedResult>> graded = new EnumMap<>(Category.class);
        byCategory.forEach((category, list) -> graded.put(category, grade(rules.gradeScheme(category), category, list)));
        return new Ranking(graded);
    }

    private static List<GradedResult> grade(GradeScheme scheme, Category category, List<UnitResult> results) {
        List<UnitResult> ordered = results.stream().sorted(ORDER).toList();
        List<GradedResult> graded = new ArrayList<>();
        int place = 0;
        int first = 0;
        int second = 0;
        int third = 0;
        for (UnitResult r : ordered) {
            List<String> why = new ArrayList<>();
            Integer myPlace = null;
            if (!r.vetoed()) {
                myPlace = ++place;
                why.add(category.zh() + "第" + myPlace + "名 / place " + myPlace + " among " + category.en());
            } else {
                why.add("被一票否决，不占名次 / vetoed: takes no place");
            }
            Grade grade;
            if (scheme.fails(r.total())) {
                grade = Grade.FAIL;
                why.add("总分" + Decimals.display(r.total()) + "在" + plain(scheme.passMark()) + "分以下，不合格，不予奖励 / total "
                        + Decimals.display(r.total()) + (scheme.passMarkIsFailing() ? " at or under " : " under ")
                        + plain(scheme.passMark()) + ": failed, no award");
            } else if (r.vetoed()) {
                grade = Grade.BASIC;
                why.add("一票否决取消一、二、三等奖评奖资格，最高为基本奖 / vetoed: at most the basic award");
            } else if (first < scheme.firstPlaces()) {
                first++;
                grade = Grade.FIRST;
                why.add("一等奖设" + scheme.firstPlaces() + "名 / first prize: " + scheme.firstPlaces() + " places");
            } else if (second < scheme.secondPlaces()) {
                second++;
                grade = Grade.SECOND;
                why.add("二等奖设" + scheme.secondPlaces() + "名 / second prize: " + scheme.secondPlaces() + " places");
            } else if ((scheme.thirdPlaces() == null || third < scheme.thirdPlaces())
                    && (scheme.thirdMinTotal() == null || r.total().compareTo(scheme.thirdMinTotal()) >= 0)) {
                third++;
                grade = Grade.THIRD;
                why.add("三等奖若干名" + (scheme.thirdPlaces() == null ? "" : "（设定" + scheme.thirdPlaces() + "名）")
                        + (scheme.thirdMinTotal() == null ? "" : "（设定不低于" + plain(scheme.thirdMinTotal()) + "分）")
                        + " / third prize: several" + (scheme.thirdPlaces() == null ? "" : ", " + scheme.thirdPlaces()
                        + " places") + (scheme.thirdMinTotal() == null ? "" : ", at least " + plain(scheme.thirdMinTotal())));
            } else {
                grade = Grade.BASIC;
                why.add("合格，未进入三等奖 / qualified, outside third prize: basic award");
            }
            why.add("等次：" + grade.zh() + " / grade: " + grade.en());
            graded.add(new GradedResult(r, grade, myPlace, why));
        }
        return graded;
    }
}
