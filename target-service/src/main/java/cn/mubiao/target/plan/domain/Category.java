package cn.mubiao.target.plan.domain;

import cn.mubiao.kit.domain.InvalidInput;

/** A category of a plan (跨越式发展目标, 节能降耗和污染物减排, 十件实事 …). */
public record Category(String code, String name) {

    public Category {
        if (code == null || !code.matches("[A-Za-z0-9_-]{1,20}")) {
            throw new InvalidInput("categories.code", "1到20个字母、数字或_- / 1 to 20 letters, digits or _-");
        }
        if (name == null || name.isBlank() || name.length() > 50) {
            throw new InvalidInput("categories.name", "必填，不超过50字 / required, at most 50 characters");
        }
    }
}
