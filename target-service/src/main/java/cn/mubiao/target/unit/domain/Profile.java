package cn.mubiao.target.unit.domain;

import cn.mubiao.kit.domain.InvalidInput;
import cn.mubiao.kit.security.Level;
import cn.mubiao.kit.security.UnitCodes;

/**
 * What a unit is, apart from where it sits and who to reach there: its name, its kind, the department it is
 * attached to and the group it is ranked in.
 *
 * @param kind           for a region: 省、市、县、县级市、区、开发区、镇、乡、街道
 * @param departmentKind for a department
 * @param attachedTo     a department of the same region this one is attached to (挂靠/归口) and scored inside
 *                       (seed 003, 第六条), or null
 */
public record Profile(String name, RegionKind kind, DepartmentKind departmentKind, String attachedTo,
                      AssessmentCategory assessmentCategory) {

    public Profile {
        name = name == null ? null : name.strip();
        attachedTo = attachedTo == null || attachedTo.isBlank() ? null : attachedTo.strip();
    }

    /** Checks this profile fits a unit with {@code code}; refuses naming the field. */
    public void checkFor(String code) {
        if (name == null || name.isEmpty()) {
            throw new InvalidInput("name", "必填 / required");
        }
        if (name.length() > 100) {
            throw new InvalidInput("name", "不超过100个字 / at most 100 characters");
        }
        if (UnitCodes.isDepartment(code)) {
            checkDepartment(code);
        } else {
            checkRegion(code);
        }
    }

    private void checkRegion(String code) {
        Level level = UnitCodes.levelOf(code);
        if (kind == null) {
            throw new InvalidInput("kind", "必填：省、市、县、县级市、区、开发区、镇、乡或街道 / required for a region");
        }
        if (kind.level() != level) {
            throw new InvalidInput("kind", "“" + kind.label() + "”与单位代码" + code + "的级别不符 / does not fit the level of the code ("
                    + level + ")");
        }
        if (departmentKind != null) {
            throw new InvalidInput("departmentKind", "行政区域没有部门类别 / a region is not a department");
        }
        if (attachedTo != null) {
            throw new InvalidInput("attachedTo", "只有部门可以挂靠 / only a department can be attached");
        }
        if (assessmentCategory == AssessmentCategory.DEPARTMENTS
                || assessmentCategory == AssessmentCategory.TOWNS && kind != RegionKind.TOWN && kind != RegionKind.TOWNSHIP
                || assessmentCategory == AssessmentCategory.STREETS && kind != RegionKind.STREET) {
            throw new InvalidInput("assessmentCategory", "“" + assessmentCategory.label() + "”不适用于" + kind.label()
                    + " / does not fit a " + kind.name());
        }
    }

    private void checkDepartment(String code) {
        if (departmentKind == null) {
            throw new InvalidInput("departmentKind",
                    "必填：党委部门、群团组织、政府部门、人大政协机构、法院、检察院或公安 / required for a department");
        }
        if (kind != null) {
            throw new InvalidInput("kind", "部门没有行政区域类别 / a department is not a region");
        }
        if (assessmentCategory != null && assessmentCategory != AssessmentCategory.DEPARTMENTS) {
            throw new InvalidInput("assessmentCategory", "部门只能列入“区直部门” / a department is ranked among DEPARTMENTS");
        }
        if (attachedTo != null) {
            if (!UnitCodes.isWellFormed(attachedTo) || !UnitCodes.isDepartment(attachedTo)) {
                throw new InvalidInput("attachedTo", "应为部门代码（如520201-QWB） / a department code such as 520201-QWB");
            }
            if (attachedTo.equals(code)) {
                throw new InvalidInput("attachedTo", "不能挂靠在自身 / cannot be attached to itself");
            }
            if (!UnitCodes.region(attachedTo).equals(UnitCodes.region(code))) {
                throw new InvalidInput("attachedTo", "只能挂靠同级政府的部门（" + UnitCodes.region(code) + "-…） / "
                        + "only to a department of the same region");
            }
            if (assessmentCategory != null) {
                throw new InvalidInput("assessmentCategory", "挂靠单位在所挂靠部门内考核，不单独列入评比 / "
                        + "an attached unit is scored inside its department, not ranked on its own");
            }
        }
    }
}
