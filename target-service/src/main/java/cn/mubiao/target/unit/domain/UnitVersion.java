package cn.mubiao.target.unit.domain;

import cn.mubiao.kit.security.Level;
import cn.mubiao.kit.security.UnitCodes;

import java.time.LocalDate;
import java.util.List;

/**
 * One version of a unit: the whole unit as it stands from {@code validFrom} until the next version.
 *
 * @param successor the unit that took over, once closed
 * @param reason    why the change was made, when given
 */
public record UnitVersion(String code, String parentCode, Profile profile, List<Contact> contacts, UnitStatus status,
                          String successor, long version, LocalDate validFrom, UnitChange change, String reason) {

    public UnitVersion {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }

    public Level level() {
        return UnitCodes.levelOf(code);
    }

    public boolean active() {
        return status == UnitStatus.ACTIVE;
    }

    public String name() {
        return profile.name();
    }

    public String attachedTo() {
        return profile.attachedTo();
    }

    UnitVersion next(String parentCode, Profile profile, List<Contact> contacts, UnitStatus status, String successor,
                     LocalDate validFrom, UnitChange change, String reason) {
        return new UnitVersion(code, parentCode, profile, contacts, status, successor, version + 1, validFrom, change, reason);
    }
}
