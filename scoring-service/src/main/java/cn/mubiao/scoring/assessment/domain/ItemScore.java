package cn.mubiao.scoring.assessment.domain;

import java.math.BigDecimal;

/**
 * How one item was scored. A missing item is {@code leftOut} with no factor and no score.
 *
 * @param line the explanation, Chinese first, English second
 */
public record ItemScore(String code, BigDecimal standardScore, BigDecimal factor, BigDecimal score, boolean leftOut,
                        String line) {
}
