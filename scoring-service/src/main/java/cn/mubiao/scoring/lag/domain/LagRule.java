package cn.mubiao.scoring.lag.domain;

import cn.mubiao.contracts.IndicatorKind;
import cn.mubiao.contracts.LagStatus;
import cn.mubiao.contracts.Period;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * DOMAIN.md §4: ON_TRACK when completion c ≥ expected share e; LAGGING when 0 &lt; e − c &lt; threshold
 * points; SERIOUSLY_LAGGING when e − c ≥ threshold.
 */
public record LagRule(BigDecimal thresholdPoints) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public LagAssessment assess(IndicatorKind kind, BigDecimal target, BigDecimal actual, Period period, Schedule schedule) {
        BigDecimal e = schedule.expectedShare(kind, period);
        BigDecimal c = kind.completion(actual, target);
        BigDecimal gap = e.subtract(c).multiply(HUNDRED);
        LagStatus status;
        if (gap.signum() <= 0) {
            status = LagStatus.ON_TRACK;
        } else if (gap.compareTo(thresholdPoints) < 0) {
            status = LagStatus.LAGGING;
        } else {
            status = LagStatus.SERIOUSLY_LAGGING;
        }
        String reason = status == LagStatus.ON_TRACK
                ? "完成%s%%，达到序时进度%s%% / %s%% done, schedule %s%%".formatted(pct(c), pct(e), pct(c), pct(e))
                : "完成%s%%，低于序时进度%s%%，差距%s个百分点 / %s%% done, %s points behind the schedule's %s%%"
                .formatted(pct(c), pct(e), points(gap), pct(c), points(gap), pct(e));
        return new LagAssessment(status, e, c, gap, reason);
    }

    private static String pct(BigDecimal share) {
        return share.multiply(HUNDRED).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    private static String points(BigDecimal gap) {
        return gap.setScale(1, RoundingMode.HALF_UP).toPlainString();
    }
}
