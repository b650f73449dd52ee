package cn.mubiao.scoring.assessment.domain;

import java.math.BigDecimal;

/**
 * The completion an item is scored on at year end: the value that counts of the latest period with a value.
 *
 * @param basis VERIFIED (认定值), REPORTED (单位自报，尚未认定) or NONE (no value: completion 0)
 */
public record YearEndValue(String period, BigDecimal completion, Basis basis, String source) {

    public enum Basis {
        VERIFIED("认定值", "verified value"),
        REPORTED("单位自报（未认定）", "reported, not verified"),
        NONE("无数据，按完成0计", "no value: counted as 0");

        private final String zh;
        private final String en;

        Basis(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }

        public String zh() {
            return zh;
        }

        public String en() {
            return en;
        }
    }

    static YearEndValue none() {
        return new YearEndValue(null, BigDecimal.ZERO, Basis.NONE, null);
    }

    static YearEndValue of(PeriodValue p) {
        return p.isVerified() ? new YearEndValue(p.period(), p.verified(), Basis.VERIFIED, p.verifiedSource())
                : new YearEndValue(p.period(), p.reported(), Basis.REPORTED, null);
    }
}
