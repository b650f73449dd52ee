package cn.mubiao.target.plan.domain;

/** How a unit holds a target. */
public enum Role {
    /** 责任单位: answers for the whole target (several lead units answer jointly) */
    LEAD,
    /** 分解: holds a part split down from the target or from another assignment */
    SHARE
}
