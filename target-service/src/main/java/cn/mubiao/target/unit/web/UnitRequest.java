package cn.mubiao.target.unit.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * Register a unit or bring it to this state. Kinds are given by name ({@code DISTRICT}, {@code GOVERNMENT},
 * {@code TOWNS}) or by their Chinese label ({@code 区}, {@code 政府部门}, {@code 镇乡}).
 *
 * @param code      optional; when given it must be the code in the path (demo files carry it)
 * @param validFrom optional: the day the registration or change takes effect (default today)
 */
record UnitRequest(
        String code,
        @Size(max = 100, message = "不超过100个字 / at most 100 characters") String name,
        String parentCode,
        @Size(max = 20, message = "不超过20个字 / at most 20 characters") String kind,
        @Size(max = 20, message = "不超过20个字 / at most 20 characters") String departmentKind,
        String attachedTo,
        @Size(max = 20, message = "不超过20个字 / at most 20 characters") String assessmentCategory,
        List<@Valid ContactBody> contacts,
        LocalDate validFrom) {

    /** Someone to reach at the unit. */
    record ContactBody(String name, String post, String phone, String email) {
    }
}
