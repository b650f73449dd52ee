package cn.mubiao.target.unit.application;

import cn.mubiao.kit.events.Outbox;
import cn.mubiao.kit.security.Caller;
import cn.mubiao.kit.web.ProblemException;
import cn.mubiao.target.unit.domain.Contact;
import cn.mubiao.target.unit.domain.Profile;
import cn.mubiao.target.unit.domain.Unit;
import cn.mubiao.target.unit.persistence.UnitStore;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The target office keeps the unit tree: registers units, renames and re-describes them, changes their
 * contacts, moves them under another parent and closes them. Every refusal comes before anything is written.
 */
@Component
public class MaintainUnits {

    /** The platform's calendar: "today" is a day in China. */
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final UnitStore store;
    private final Outbox outbox;
    private final Clock clock;

    MaintainUnits(UnitStore store, Outbox outbox, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * @param created whether the unit was registered by this call
     * @param changed whether this call made a new version
     */
    public record Outcome(Unit unit, boolean created, boolean changed) {
    }

    /**
     * Registers the unit, or brings an existing one to the given name, kind, attachment, category and
     * contacts (one new version per kind of change; none when all is the same). Its parent changes only by
     * {@link #move}.
     *
     * @param validFrom the day the registration or change takes effect; null for today
     */
    public Outcome put(Caller caller, String code, String parentCode, Profile profile, List<Contact> contacts,
                       LocalDate validFrom) {
        LocalDate day = validFrom != null ? validFrom : today();
        // the office that may register a unit may also put it again unchanged (a demo or an import run twice),
        // even where it cannot read it (a city office registers the province above it)
        var existing = store.find(code).filter(u -> UnitScope.sees(caller, u.current())
                || UnitScope.maintains(caller, u.current().parentCode(), code));
        requireMaintains(caller, existing.map(u -> u.current().parentCode()).orElse(parentCode), code);
        if (existing.isEmpty()) {
            if (store.find(code).isPresent()) {
                throw ProblemException.notFound("unit", code);
            }
            Unit unit = Unit.register(code, parentCode, profile, contacts, day, store);
            write(unit, 0);
            return new Outcome(unit, true, true);
        }
        Unit unit = existing.get();
        if (!Objects.equals(parentCode, unit.current().parentCode())) {
            throw ProblemException.invalid("parentCode", "调整隶属关系请用 POST /api/targets/units/" + code
                    + "/move（当前上级单位：" + unit.current().parentCode() + "） / to change the parent use .../move");
        }
        long read = unit.version();
        boolean described = unit.describe(profile, day, store);
        boolean contactsChanged = unit.changeContacts(contacts, day);
        if (!described && !contactsChanged) {
            return new Outcome(unit, false, false);
        }
        write(unit, read);
        return new Outcome(unit, false, true);
    }

    /**
     * Moves a unit under {@code parentCode}. When its code does not fit there, {@code newCode} is required:
     * the unit is closed with the new code as its successor and registered anew under it.
     *
     * @return the unit under its new code ({@code created}) or the moved unit
     */
    public Outcome move(Caller caller, String code, String parentCode, String newCode, LocalDate date, String reason) {
        Unit unit = visible(caller, code);
        requireMaintains(caller, unit.current().parentCode(), code);
        requireMaintains(caller, parentCode, newCode != null ? newCode : code);
        LocalDate day = date != null ? date : today();
        long read = unit.version();
        if (newCode == null || newCode.equals(code)) {
            boolean moved = unit.moveTo(parentCode, day, reason, store);
            if (moved) {
                write(unit, read);
            }
            return new Outcome(unit, false, moved);
        }
        Unit successor = unit.moveTo(parentCode, newCode, day, reason, store);
        write(unit, read);
        write(successor, 0);
        return new Outcome(successor, true, true);
    }

    /** Closes a unit from {@code date}; closing it again the same way changes nothing. */
    public Outcome close(Caller caller, String code, LocalDate date, String successor, String reason) {
        Unit unit = visible(caller, code);
        requireMaintains(caller, unit.current().parentCode(), code);
        if (successor != null && !caller.covers(successor)) {
            throw ProblemException.unprocessable("successor", "承继单位" + successor + "不存在或不在您的管辖范围内 / "
                    + "unknown or outside your scope");
        }
        long read = unit.version();
        boolean closed = unit.close(date, successor, reason, store);
        if (closed) {
            write(unit, read);
        }
        return new Outcome(unit, false, closed);
    }

    private Unit visible(Caller caller, String code) {
        return store.find(code).filter(u -> UnitScope.sees(caller, u.current()))
                .orElseThrow(() -> ProblemException.notFound("unit", code));
    }

    private static void requireMaintains(Caller caller, String parentCode, String code) {
        if (!UnitScope.maintains(caller, parentCode, code)) {
            throw ProblemException.forbidden("上级单位" + (parentCode == null ? "（无）" : parentCode)
                    + "不在您的管辖范围内，应由上一级目标办维护 / the parent unit is outside your scope: "
                    + "the target office of the level above maintains this unit");
        }
    }

    private void write(Unit unit, long readVersion) {
        if (!store.save(unit, readVersion, outbox.entries(unit.pendingEvents()))) {
            throw ProblemException.conflict("code", "单位" + unit.code() + (readVersion == 0 ? "刚被他人登记" : "刚被他人修改")
                    + "，请刷新后重试 / changed by someone else; reload and retry");
        }
        outbox.written();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }
}
