package cn.mubiao.scoring.assessment.domain;

import cn.mubiao.kit.domain.InvalidInput;

import java.math.BigDecimal;
import java.util.List;

/**
 * A bonus or deduction claimed for a unit under a catalogue rule, with the evidence it rests on and who reviewed it.
 *
 * @param points   the points claimed (a magnitude); must be exactly the catalogue's points for {@code ruleCode}
 * @param subject  what the claim is about (the award, the enterprise, the brand, the meeting): claims of a
 *                 once-at-highest group with the same subject count once
 * @param evidence references to the evidence (file ids, document numbers); at least one
 */
public record Claim(String id, String ruleCode, BigDecimal points, String subject, List<String> evidence,
                    String reviewer) {
    public Claim {
        if (id == null || id.isBlank()) {
            throw new InvalidInput("id", "必填 / required");
        }
        if (ruleCode == null || ruleCode.isBlank()) {
            throw new InvalidInput("ruleCode", "必填 / required");
        }
        if (points == null || points.signum() <= 0) {
            throw new InvalidInput("points", "分值须为正数 / must be positive");
        }
        if (subject == null || subject.isBlank()) {
            throw new InvalidInput("subject", "须写明事由 / say what the claim is about");
        }
        if (evidence == null || evidence.isEmpty() || evidence.stream().anyMatch(e -> e == null || e.isBlank())) {
            throw new InvalidInput("evidence", "加减分须附证明材料 / a claim needs evidence");
        }
        if (reviewer == null || reviewer.isBlank()) {
            throw new InvalidInput("reviewer", "须有审核人 / a claim needs a reviewer");
        }
        evidence = List.copyOf(evidence);
    }

    public static Claim of(String id, String ruleCode, String points, String subject, String evidence, String reviewer) {
        return new Claim(id, ruleCode, new BigDecimal(points), subject, List.of(evidence), reviewer);
    }
}
