package cn.mubiao.target.unit.application;

import cn.mubiao.kit.security.Caller;
import cn.mubiao.kit.web.ProblemException;
import cn.mubiao.target.unit.domain.Unit;
import cn.mubiao.target.unit.domain.UnitVersion;
import cn.mubiao.target.unit.persistence.UnitStore;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/** Reads of the unit tree, each scoped to what the caller's unit covers. */
@Component
public class BrowseUnits {

    private final UnitStore store;

    BrowseUnits(UnitStore store) {
        this.store = store;
    }

    public UnitStore.Page page(Caller caller, UnitStore.Query query, int page, int size) {
        if (caller.unit() == null) {
            return new UnitStore.Page(List.of(), 0);
        }
        return store.page(caller.unit(), query, page, size);
    }

    /** The unit now, or the version in force on {@code asOf}. */
    public UnitVersion one(Caller caller, String code, LocalDate asOf) {
        Unit unit = visible(caller, code);
        if (asOf == null) {
            return unit.current();
        }
        return unit.asOf(asOf).orElseThrow(() -> ProblemException.notFound("unit", code + " @ " + asOf));
    }

    /** Every version, oldest first. */
    public List<UnitVersion> history(Caller caller, String code) {
        return visible(caller, code).history();
    }

    private Unit visible(Caller caller, String code) {
        return store.find(code).filter(u -> UnitScope.sees(caller, u.current()))
                .orElseThrow(() -> ProblemException.notFound("unit", code));
    }
}
