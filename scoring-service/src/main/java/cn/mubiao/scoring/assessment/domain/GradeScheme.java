package cn.mubiao.scoring.assessment.domain;

import cn.mubiao.kit.domain.InvalidInput;

import java.math.BigDecimal;

/**
 * The grades of one category (第二十一条). First and second prizes have fixed places; third prize and the basic
 * award are "若干名 / 名额不定", so their split is a setting: at most {@code thirdPlaces} units (null: no limit)
 * with at least {@code thirdMinTotal} (null: no minimum) get third prize, the other qualified units the basic award.
 *
 * @param passMark          90: "考核总分在90分以下为不合格"
 * @param passMarkIsFailing whether a total of exactly the pass mark fails ("以下" counting the number itself)
 */
public record GradeScheme(int firstPlaces, int secondPlaces, Integer thirdPlaces, BigDecimal thirdMinTotal,
                          BigDecimal passMark, boolean passMarkIsFailing) {
    public GradeScheme {
        if (firstPlaces < 0 || secondPlaces < 0 || (thirdPlaces != null && thirdPlaces < 0)) {
            throw new InvalidInput("places", "名额不得为负数 / places must not be negative");
        }
        if (passMark == null) {
            throw new InvalidInput("passMark", "必填 / required");
        }
    }

    public boolean fails(BigDecimal total) {
        int c = total.compareTo(passMark);
        return c < 0 || (c == 0 && passMarkIsFailing);
    }
}
