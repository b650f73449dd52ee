package cn.mubiao.target.unit.domain;

import java.util.Optional;

/** The rest of the tree, as the rules of one unit need to see it. */
public interface UnitTree {

    /** The current version of a unit, closed ones included. */
    Optional<UnitVersion> current(String code);

    /** How many active units have {@code code} as their parent. */
    long activeChildren(String code);

    /** How many active units are attached to {@code code} (挂靠/归口). */
    long activeAttached(String code);
}
