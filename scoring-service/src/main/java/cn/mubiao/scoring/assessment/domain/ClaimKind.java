package cn.mubiao.scoring.assessment.domain;

/** A catalogue rule adds (附加分) or takes away (扣分) points. */
public enum ClaimKind {
    BONUS, DEDUCTION
}
