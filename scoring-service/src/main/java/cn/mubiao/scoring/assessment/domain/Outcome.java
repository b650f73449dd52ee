package cn.mubiao.scoring.assessment.domain;

import cn.mubiao.kit.domain.InvalidInput;

import java.math.BigDecimal;

/** What became of one item (第十六、十七条). Fraud is not an outcome but a finding on top of one ({@link Item#fraud()}). */
public sealed interface Outcome {

    /** 有数据指标: completion as a share (0.95 = 95%), not capped; scoring caps it at 1. */
    record Quantitative(BigDecimal completion) implements Outcome {
        public Quantitative {
            Decimals.requireNonNegative(completion, "completion");
        }
    }

    /** 无数据指标: completed with good / fair / poor effect, or not completed. */
    record Qualitative(Quality quality) implements Outcome {
        public Qualitative {
            if (quality == null) {
                throw new InvalidInput("quality", "必填 / required");
            }
        }
    }

    /** 工作全面开展，但受国家政策因素或不可抗拒因素影响，导致工作目标不能完成 (第十七条): full score. */
    record PolicyMiss(String reason) implements Outcome {
        public PolicyMiss {
            reason = requireReason(reason);
        }
    }

    /** 缺项 (第十七条): work the unit does not have, or not started for policy or force majeure: left out, prorated. */
    record Missing(String reason) implements Outcome {
        public Missing {
            reason = requireReason(reason);
        }
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInput("reason", "须说明原因 / a reason is required");
        }
        return reason.strip();
    }
}
