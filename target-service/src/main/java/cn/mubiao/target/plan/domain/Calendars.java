package cn.mubiao.target.plan.domain;

import cn.mubiao.contracts.target.Milestone;
import cn.mubiao.kit.domain.InvalidInput;

import java.math.BigDecimal;
import java.util.List;

/** Checks of a target's calendar (序时进度): seasonal shares and milestones. */
public final class Calendars {

    private Calendars() {
    }

    /** 12 cumulative monthly shares, never decreasing, between 0 and 1, December exactly 1; empty is linear. */
    public static void checkSeasonalShares(List<BigDecimal> shares, String field) {
        if (shares.isEmpty()) {
            return;
        }
        if (shares.size() != 12) {
            throw new InvalidInput(field, "季节性进度须给出12个月的累计比例 / 12 cumulative monthly shares");
        }
        BigDecimal previous = BigDecimal.ZERO;
        for (int i = 0; i < 12; i++) {
            BigDecimal s = shares.get(i);
            if (s == null || s.compareTo(previous) < 0 || s.compareTo(BigDecimal.ONE) > 0) {
                throw new InvalidInput(field + "[" + i + "]", "累计比例须在0至1之间且逐月不减 / cumulative, between 0 and 1, never decreasing");
            }
            previous = s;
        }
        if (previous.compareTo(BigDecimal.ONE) != 0) {
            throw new InvalidInput(field + "[11]", "12月的累计比例须为1 / December's share must be 1");
        }
    }

    /** Milestones lie in the plan year, in date order, each with a title. */
    public static void checkMilestones(List<Milestone> milestones, int year, String field) {
        for (int i = 0; i < milestones.size(); i++) {
            Milestone m = milestones.get(i);
            if (m == null || m.due() == null || m.title() == null || m.title().isBlank()) {
                throw new InvalidInput(field + "[" + i + "]", "节点须有日期和内容 / a milestone needs a date and a title");
            }
            if (m.due().getYear() != year) {
                throw new InvalidInput(field + "[" + i + "].due", "节点日期须在" + year + "年内 / must lie in " + year);
            }
            if (i > 0 && m.due().isBefore(milestones.get(i - 1).due())) {
                throw new InvalidInput(field + "[" + i + "].due", "节点须按日期先后排列 / milestones in date order");
            }
        }
    }
}
