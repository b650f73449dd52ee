package cn.mubiao.target.unit.application;

import cn.mubiao.kit.security.Caller;
import cn.mubiao.kit.security.Level;
import cn.mubiao.kit.security.UnitCodes;
import cn.mubiao.target.unit.domain.UnitVersion;

/** Who may see and who may maintain which unit. */
final class UnitScope {

    private UnitScope() {
    }

    /** A region sees its subtree, its departments included; a department sees itself and the units attached to it. */
    static boolean sees(Caller caller, UnitVersion unit) {
        if (caller.unit() == null) {
            return false;
        }
        return caller.covers(unit.code()) || UnitCodes.isDepartment(caller.unit()) && caller.unit().equals(unit.attachedTo());
    }

    /**
     * Whether a target office may register, change, move or close a unit that sits (or is to sit) under
     * {@code parentCode}: the office whose unit covers the parent, i.e. the office of the level above (for a
     * department, the office of its own government's region).
     *
     * <p>The top of the tree has no office above it on the platform (the province is only a machine client): a
     * city-level target office also maintains its own city and the province above it.
     */
    static boolean maintains(Caller caller, String parentCode, String code) {
        if (caller.unit() == null) {
            return false;
        }
        if (parentCode != null && caller.covers(parentCode)) {
            return true;
        }
        return caller.level() == Level.CITY && !UnitCodes.isDepartment(caller.unit()) && code != null
                && UnitCodes.isWellFormed(code) && !UnitCodes.isDepartment(code) && UnitCodes.isWithin(caller.unit(), code);
    }
}
