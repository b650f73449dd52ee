package cn.mubiao.scoring.lag.web;

import cn.mubiao.scoring.lag.domain.GapList;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A gap list as the API answers it: percentages with one decimal, amounts as computed.
 *
 * @param lagging          assignments yellow in the period, each counted once
 * @param seriouslyLagging assignments red in the period, each counted once
 */
record GapListResponse(String period, String groupBy, String groupByLabel, int lagging, int seriouslyLagging,
                       List<GroupResponse> groups) {

    static GapListResponse of(GapList list) {
        return new GapListResponse(list.period(), list.grouping().name(), list.grouping().label(), list.lagging(),
                list.seriouslyLagging(), list.groups().stream().map(GroupResponse::of).toList());
    }

    record GroupResponse(String key, String name, int lagging, int seriouslyLagging, List<GapResponse> gaps) {
        static GroupResponse of(GapList.Group g) {
            return new GroupResponse(g.key(), g.name(), g.lagging(), g.seriouslyLagging(),
                    g.gaps().stream().map(GapResponse::of).toList());
        }
    }

    /**
     * @param shortfall       the amount missing to be on schedule, in {@code unitOfMeasure} (缺口); null for a
     *                        qualitative target or no report
     * @param scheduledAmount what the schedule asks for by the period's end (序时目标)
     */
    record GapResponse(String assignmentId, String targetCode, String targetTitle, String category, String unitCode,
                       String unitName, List<String> leaders, String status, String statusLabel,
                       BigDecimal expectedPercent, BigDecimal completionPercent, BigDecimal gapPoints, BigDecimal actual,
                       BigDecimal scheduledAmount, BigDecimal shortfall, BigDecimal targetValue, String unitOfMeasure,
                       String reason, boolean escalated) {
        static GapResponse of(GapList.Gap g) {
            return new GapResponse(g.assignmentId(), g.targetCode(), g.targetTitle(), g.category(), g.unitCode(),
                    g.unitName(), g.leaders(), g.status().name(), g.status().zh(), pct(g.expectedShare()),
                    pct(g.completion()), round(g.gapPoints(), 1), g.actual(), round(g.scheduledAmount(), 4),
                    round(g.shortfall(), 4), g.targetValue(), g.unitOfMeasure(), g.reason(), g.escalated());
        }

        private static BigDecimal pct(BigDecimal share) {
            return share == null ? null : share.movePointRight(2).setScale(1, RoundingMode.HALF_UP);
        }

        private static BigDecimal round(BigDecimal v, int scale) {
            return v == null ? null : v.setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros();
        }
    }
}
