package cn.mubiao.scoring.assessment.domain;

import java.math.BigDecimal;
import java.util.List;

/** Test inputs. */
final class Sheets {

    static final ScoringRules SEED = ScoringRules.seed003();

    private Sheets() {
    }

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    /** A department whose four items are the worked example of DOMAIN.md §5. */
    static UnitSheet workedExampleItems() {
        return UnitSheet.of("520201-FGJ", "区发改局", Category.DEPARTMENT, List.of(
                Item.quantitative("T1", "40", "0.95"),
                Item.quantitative("T2", "30", "1.12"),
                Item.qualitative("T3", "20", Quality.FAIR),
                Item.missing("T4", "10", "本单位没有该项工作")));
    }

    /** A unit with one item of s=100 completed at the given share. */
    static UnitSheet single(String code, Category category, String completion) {
        return UnitSheet.of(code, code, category, List.of(Item.quantitative("T1", "100", completion)));
    }

    static Claim claim(String id, String rule, String points, String subject) {
        return Claim.of(id, rule, points, subject, "证明-" + id, "区目标办张三");
    }

    static UnitResult compute(UnitSheet sheet) {
        return AssessmentCalculator.compute(SEED, sheet);
    }
}
