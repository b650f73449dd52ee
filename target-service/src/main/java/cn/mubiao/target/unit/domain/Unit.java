package cn.mubiao.target.unit.domain;

import cn.mubiao.contracts.MubiaoEvent;
import cn.mubiao.contracts.target.UnitChanged;
import cn.mubiao.kit.domain.InvalidInput;
import cn.mubiao.kit.security.Level;
import cn.mubiao.kit.security.UnitCodes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A unit of the tree (单位): a region (省、市、县、区、开发区、镇、乡、街道) or a department of a region's
 * government. Every change makes a new version, keeps the old ones (readable as of any date) and records
 * {@link UnitChanged}. A closed unit never changes again.
 */
public final class Unit {

    private final String code;
    private final List<UnitVersion> versions;
    private final List<MubiaoEvent> pendingEvents = new ArrayList<>();

    private Unit(String code, List<UnitVersion> versions) {
        this.code = code;
        this.versions = new ArrayList<>(versions);
    }

    /** Rebuilds a stored unit from its versions, oldest first. */
    public static Unit restore(String code, List<UnitVersion> versions) {
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("a unit has at least one version: " + code);
        }
        return new Unit(code, versions);
    }

    /**
     * Registers a new unit under {@code parentCode} (null only for a province, the root).
     *
     * @throws InvalidInput      when the code, the profile, the contacts or the placement are malformed
     * @throws UnitRuleViolated  when the parent or the department attached to is unknown or closed, or the
     *                           attachment makes a cycle
     */
    public static Unit register(String code, String parentCode, Profile profile, List<Contact> contacts,
                                LocalDate validFrom, UnitTree tree) {
        checkCode(code, "code");
        profile.checkFor(code);
        checkPlacement(code, parentCode, "code", tree);
        checkAttachment(code, profile.attachedTo(), tree);
        Objects.requireNonNull(validFrom, "validFrom");
        Unit unit = new Unit(code, List.of());
        unit.record(new UnitVersion(code, parentCode, profile, contacts, UnitStatus.ACTIVE, null, 1, validFrom,
                UnitChange.REGISTERED, null));
        return unit;
    }

    /**
     * Renames the unit or changes its kind, attachment or assessment category; nothing when all is the same.
     *
     * @return whether a new version was made
     */
    public boolean describe(Profile profile, LocalDate validFrom, UnitTree tree) {
        UnitVersion now = current();
        requireActive();
        profile.checkFor(code);
        if (profile.equals(now.profile())) {
            return false;
        }
        requireNotBefore(validFrom, "validFrom");
        checkAttachment(code, profile.attachedTo(), tree);
        record(now.next(now.parentCode(), profile, now.contacts(), UnitStatus.ACTIVE, null, validFrom,
                UnitChange.DESCRIBED, null));
        return true;
    }

    /**
     * Replaces the unit's contacts; nothing when they are the same.
     *
     * @return whether a new version was made
     */
    public boolean changeContacts(List<Contact> contacts, LocalDate validFrom) {
        UnitVersion now = current();
        requireActive();
        if (List.copyOf(contacts).equals(now.contacts())) {
            return false;
        }
        requireNotBefore(validFrom, "validFrom");
        record(now.next(now.parentCode(), now.profile(), contacts, UnitStatus.ACTIVE, null, validFrom,
                UnitChange.CONTACTS_CHANGED, null));
        return true;
    }

    /**
     * Puts the unit under another parent, keeping its code; nothing when the parent is the same. A code that
     * does not fit the new parent needs a new code: {@link #moveTo(String, String, LocalDate, String, UnitTree)}.
     *
     * @return whether a new version was made
     */
    public boolean moveTo(String newParent, LocalDate date, String reason, UnitTree tree) {
        UnitVersion now = current();
        requireActive();
        if (Objects.equals(newParent, now.parentCode())) {
            return false;
        }
        if (newParent == null) {
            throw new InvalidInput("parentCode", "必填 / required");
        }
        if (!fits(code, newParent)) {
            throw new InvalidInput("newCode", "单位代码" + code + "不在" + newParent + "之下，须给出新的单位代码 / "
                    + "the code does not fit the new parent: give a new code");
        }
        requireNotBefore(date, "date");
        checkPlacement(code, newParent, "code", tree);
        record(now.next(newParent, now.profile(), now.contacts(), UnitStatus.ACTIVE, null, date, UnitChange.MOVED, reason));
        return true;
    }

    /**
     * Moves the unit under a parent its code does not fit: closes this unit with {@code newCode} as its
     * successor and registers the same unit anew under {@code newCode}. Both keep their histories. A
     * department that changes region loses its attachment (it was to a department of the old region).
     *
     * @return the unit under its new code
     */
    public Unit moveTo(String newParent, String newCode, LocalDate date, String reason, UnitTree tree) {
        UnitVersion now = current();
        requireActive();
        if (newParent == null) {
            throw new InvalidInput("parentCode", "必填 / required");
        }
        checkCode(newCode, "newCode");
        if (newCode.equals(code)) {
            throw new InvalidInput("newCode", "与原单位代码相同 / same as the current code");
        }
        if (UnitCodes.isDepartment(newCode) != UnitCodes.isDepartment(code)) {
            throw new InvalidInput("newCode", "部门只能改为部门代码，行政区域只能改为区域代码 / "
                    + "a department keeps a department code, a region a region code");
        }
        if (tree.current(newCode).isPresent()) {
            throw new UnitRuleViolated("newCode", "单位代码" + newCode + "已被使用 / already in use");
        }
        requireNotBefore(date, "date");
        Profile moved = now.profile();
        if (moved.attachedTo() != null && !UnitCodes.region(moved.attachedTo()).equals(UnitCodes.region(newCode))) {
            moved = new Profile(moved.name(), moved.kind(), moved.departmentKind(), null, moved.assessmentCategory());
        }
        try {
            moved.checkFor(newCode);
        } catch (InvalidInput e) {
            throw new InvalidInput("newCode", "新代码与单位类别不符（" + e.reason() + "） / the new code does not fit the unit");
        }
        checkPlacement(newCode, newParent, "newCode", tree);
        checkNothingActiveBelow(tree);
        Unit successor = new Unit(newCode, List.of());
        successor.record(new UnitVersion(newCode, newParent, moved, now.contacts(), UnitStatus.ACTIVE, null, 1, date,
                UnitChange.REGISTERED, reason));
        record(now.next(now.parentCode(), now.profile(), now.contacts(), UnitStatus.CLOSED, newCode, date,
                UnitChange.CLOSED, reason));
        return successor;
    }

    /**
     * Closes the unit (撤销、合并) from {@code date}, optionally naming the unit that takes over. Closing it
     * again with the same date and successor changes nothing.
     *
     * @return whether a new version was made
     */
    public boolean close(LocalDate date, String successor, String reason, UnitTree tree) {
        UnitVersion now = current();
        if (date == null) {
            throw new InvalidInput("date", "必填 / required");
        }
        if (!now.active()) {
            if (now.validFrom().equals(date) && Objects.equals(now.successor(), successor)) {
                return false;
            }
            throw new UnitRuleViolated("code", "单位" + code + "已于" + now.validFrom() + "撤销 / already closed");
        }
        if (successor != null) {
            checkCode(successor, "successor");
            if (successor.equals(code)) {
                throw new InvalidInput("successor", "不能是单位自身 / cannot be the unit itself");
            }
            UnitVersion next = tree.current(successor).orElseThrow(() ->
                    new UnitRuleViolated("successor", "承继单位" + successor + "不存在 / unknown unit"));
            if (!next.active()) {
                throw new UnitRuleViolated("successor", "承继单位" + successor + "已撤销 / closed");
            }
        }
        requireNotBefore(date, "date");
        checkNothingActiveBelow(tree);
        record(now.next(now.parentCode(), now.profile(), now.contacts(), UnitStatus.CLOSED, successor, date,
                UnitChange.CLOSED, reason));
        return true;
    }

    /** The version in force on {@code day}: the last one valid from that day or earlier. */
    public Optional<UnitVersion> asOf(LocalDate day) {
        UnitVersion found = null;
        for (UnitVersion v : versions) {
            if (!v.validFrom().isAfter(day)) {
                found = v;
            }
        }
        return Optional.ofNullable(found);
    }

    public UnitVersion current() {
        return versions.getLast();
    }

    /** Every version, oldest first. */
    public List<UnitVersion> history() {
        return List.copyOf(versions);
    }

    public String code() {
        return code;
    }

    public long version() {
        return current().version();
    }

    public List<MubiaoEvent> pendingEvents() {
        return List.copyOf(pendingEvents);
    }

    private void record(UnitVersion v) {
        versions.add(v);
        Profile p = v.profile();
        pendingEvents.add(new UnitChanged(v.code(), p.name(), v.level().name(), v.parentCode(),
                p.kind() == null ? null : p.kind().name(),
                p.departmentKind() == null ? null : p.departmentKind().name(), p.attachedTo(),
                p.assessmentCategory() == null ? null : p.assessmentCategory().name(), v.status().name(),
                v.successor(), v.contacts().stream()
                .map(c -> new UnitChanged.Contact(c.name(), c.post(), c.phone(), c.email())).toList(),
                v.change().name(), v.version(), v.validFrom()));
    }

    private void requireActive() {
        if (!current().active()) {
            throw new UnitRuleViolated("code", "单位" + code + "已撤销，不能再变更 / closed units do not change");
        }
    }

    /** Versions follow each other in time: a change cannot take effect before the version it replaces. */
    private void requireNotBefore(LocalDate day, String field) {
        if (day == null) {
            throw new InvalidInput(field, "必填 / required");
        }
        if (day.isBefore(current().validFrom())) {
            throw new InvalidInput(field, "不能早于当前版本的生效日期" + current().validFrom()
                    + " / cannot be before the current version took effect");
        }
    }

    private void checkNothingActiveBelow(UnitTree tree) {
        long children = tree.activeChildren(code);
        if (children > 0) {
            throw new UnitRuleViolated("code", "尚有" + children + "个存续的下级单位，须先调整或撤销 / "
                    + children + " active units below it: move or close them first");
        }
        long attached = tree.activeAttached(code);
        if (attached > 0) {
            throw new UnitRuleViolated("code", "尚有" + attached + "个存续的挂靠单位，须先调整或撤销 / "
                    + attached + " active units attached to it: move or close them first");
        }
    }

    private static void checkCode(String code, String field) {
        if (!UnitCodes.isWellFormed(code) || UnitCodes.region(code).length() > 9) {
            throw new InvalidInput(field, "不是有效的单位代码（如410102、410102001、410100-FGW） / "
                    + "not a unit code such as 410102, 410102001 or 410100-FGW");
        }
        String region = UnitCodes.region(code);
        if (region.startsWith("00") || region.length() == 9 && region.endsWith("000")) {
            throw new InvalidInput(field, "不是有效的行政区划代码 / not a division code");
        }
    }

    /**
     * Whether {@code code} may sit under {@code parent} by the codes alone: a department under its own
     * region; a region strictly inside its parent's subtree, at a lower level.
     */
    static boolean fits(String code, String parent) {
        if (parent == null || !UnitCodes.isWellFormed(parent) || UnitCodes.isDepartment(parent)) {
            return false;
        }
        if (UnitCodes.isDepartment(code)) {
            return UnitCodes.region(code).equals(parent);
        }
        return !code.equals(parent) && UnitCodes.isWithin(code, parent)
                && UnitCodes.levelOf(parent).ordinal() < UnitCodes.levelOf(code).ordinal();
    }

    private static void checkPlacement(String code, String parentCode, String codeField, UnitTree tree) {
        Level level = UnitCodes.levelOf(code);
        if (parentCode == null) {
            if (level != Level.PROVINCE) {
                throw new InvalidInput("parentCode", "必填：只有省级单位是根 / required: only a province is the root");
            }
            return;
        }
        if (level == Level.PROVINCE) {
            throw new InvalidInput("parentCode", "省级单位是根，没有上级单位 / a province is the root and has no parent");
        }
        if (!UnitCodes.isWellFormed(parentCode)) {
            throw new InvalidInput("parentCode", "不是有效的单位代码 / not a unit code");
        }
        if (!fits(code, parentCode)) {
            String reason = UnitCodes.isDepartment(code)
                    ? "部门的上级单位是其所属政府的行政区域" + UnitCodes.region(code) + " / a department's parent is the region of its code"
                    : UnitCodes.isDepartment(parentCode)
                    ? "行政区域不能隶属于部门 / a region cannot sit under a department"
                    : "单位代码" + code + "不在" + parentCode + "的辖区之内 / " + code + " does not lie under " + parentCode;
            boolean theCodeIsNew = codeField.equals("newCode") && !UnitCodes.isDepartment(parentCode);
            throw new InvalidInput(theCodeIsNew ? "newCode" : "parentCode", reason);
        }
        UnitVersion parent = tree.current(parentCode).orElseThrow(() ->
                new UnitRuleViolated("parentCode", "上级单位" + parentCode + "不存在 / unknown parent unit"));
        if (!parent.active()) {
            throw new UnitRuleViolated("parentCode", "上级单位" + parentCode + "已撤销 / the parent unit is closed");
        }
    }

    private static void checkAttachment(String code, String attachedTo, UnitTree tree) {
        if (attachedTo == null) {
            return;
        }
        UnitVersion target = tree.current(attachedTo).orElseThrow(() ->
                new UnitRuleViolated("attachedTo", "部门" + attachedTo + "不存在 / unknown department"));
        if (!target.active()) {
            throw new UnitRuleViolated("attachedTo", "部门" + attachedTo + "已撤销 / the department is closed");
        }
        Set<String> seen = new HashSet<>();
        String next = attachedTo;
        while (next != null && seen.add(next)) {
            if (next.equals(code)) {
                throw new UnitRuleViolated("attachedTo", "挂靠关系成环（" + attachedTo + "直接或间接挂靠在" + code
                        + "） / the attachment would make a cycle");
            }
            next = tree.current(next).map(UnitVersion::attachedTo).orElse(null);
        }
    }
}
