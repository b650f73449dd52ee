package cn.mubiao.contracts.target;

import cn.mubiao.contracts.MubiaoEvent;

import java.time.LocalDate;
import java.util.List;

/**
 * A unit of the unit tree (单位) was registered or changed: a new version of it. Carries the whole unit as
 * it stands from {@code validFrom}, so another service keeps its own read model of the tree from these
 * events alone (the latest version per code wins).
 *
 * @param code               GB/T 2260 division code (410102, 410102001) or {@code <region>-<dept>} (410100-FGW)
 * @param level              PROVINCE, CITY, COUNTY, TOWNSHIP or DEPARTMENT
 * @param parentCode         the unit above; null at the root
 * @param kind               region kind (PROVINCE 省, CITY 市, COUNTY 县, COUNTY_CITY 县级市, DISTRICT 区,
 *                           DEVELOPMENT_ZONE 开发区, TOWN 镇, TOWNSHIP 乡, STREET 街道); null for a department
 * @param departmentKind     PARTY, MASS_ORGANISATION, GOVERNMENT, NPC_CPPCC, COURT, PROCURATORATE, POLICE;
 *                           null for a region
 * @param attachedTo         the department this one is attached to (挂靠/归口) and scored inside, or null
 * @param assessmentCategory DEPARTMENTS (区直部门), TOWNS (镇乡), STREETS (街道), or null when not ranked
 * @param status             ACTIVE or CLOSED
 * @param successor          the unit that took over a closed one, or null
 * @param change             what this version did: REGISTERED, DESCRIBED, CONTACTS_CHANGED, MOVED, CLOSED
 * @param version            1 for the registration, +1 per change
 * @param validFrom          the day this version takes effect
 */
public record UnitChanged(
        String code,
        String name,
        String level,
        String parentCode,
        String kind,
        String departmentKind,
        String attachedTo,
        String assessmentCategory,
        String status,
        String successor,
        List<Contact> contacts,
        String change,
        long version,
        LocalDate validFrom) implements MubiaoEvent {

    public static final String TYPE = "mubiao.target.UnitChanged.v1";

    /** Who to reach at the unit: warnings go to these. */
    public record Contact(String name, String post, String phone, String email) {
    }

    public UnitChanged {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return code;
    }
}
