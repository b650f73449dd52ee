package cn.mubiao.target.unit.web;

import cn.mubiao.target.unit.domain.UnitVersion;

import java.time.LocalDate;
import java.util.List;

/** A unit (one version of it) as the API shows it; kinds by name with their Chinese label beside. */
record UnitResponse(String code, String name, String level, String parentCode,
                    String kind, String kindLabel, String departmentKind, String departmentKindLabel,
                    String attachedTo, String assessmentCategory, String assessmentCategoryLabel,
                    List<ContactResponse> contacts, String status, String statusLabel, String successor,
                    long version, LocalDate validFrom, String change, String changeLabel, String reason) {

    record ContactResponse(String name, String post, String phone, String email) {
    }

    static UnitResponse of(UnitVersion v) {
        var p = v.profile();
        return new UnitResponse(v.code(), p.name(), v.level().name(), v.parentCode(),
                p.kind() == null ? null : p.kind().name(), p.kind() == null ? null : p.kind().label(),
                p.departmentKind() == null ? null : p.departmentKind().name(),
                p.departmentKind() == null ? null : p.departmentKind().label(),
                p.attachedTo(),
                p.assessmentCategory() == null ? null : p.assessmentCategory().name(),
                p.assessmentCategory() == null ? null : p.assessmentCategory().label(),
                v.contacts().stream().map(c -> new ContactResponse(c.name(), c.post(), c.phone(), c.email())).toList(),
                v.status().name(), v.status().label(), v.successor(), v.version(), v.validFrom(),
                v.change().name(), v.change().label(), v.reason());
    }
}
