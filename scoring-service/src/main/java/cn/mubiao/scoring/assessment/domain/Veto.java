package cn.mubiao.scoring.assessment.domain;

import cn.mubiao.kit.domain.InvalidInput;

import java.util.List;

/** A veto found against a unit (经查实), with evidence and reviewer. It never changes the total, only the grade. */
public record Veto(VetoKind kind, List<String> evidence, String reviewer) {
    public Veto {
        if (kind == null) {
            throw new InvalidInput("kind", "必填 / required");
        }
        if (evidence == null || evidence.isEmpty() || evidence.stream().anyMatch(e -> e == null || e.isBlank())) {
            throw new InvalidInput("evidence", "一票否决须附查实材料 / a veto needs evidence");
        }
        if (reviewer == null || reviewer.isBlank()) {
            throw new InvalidInput("reviewer", "须有审核人 / a veto needs a reviewer");
        }
        evidence = List.copyOf(evidence);
    }

    public static Veto of(VetoKind kind, String evidence, String reviewer) {
        return new Veto(kind, List.of(evidence), reviewer);
    }
}
