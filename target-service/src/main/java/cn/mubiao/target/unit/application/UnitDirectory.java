package cn.mubiao.target.unit.application;

import cn.mubiao.target.unit.domain.UnitVersion;
import cn.mubiao.target.unit.persistence.UnitStore;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;

/** The unit tree as the other features of target-service ask it (no caller scoping: they scope themselves). */
@Component
class UnitDirectory implements UnitLookup {

    private final UnitStore store;

    UnitDirectory(UnitStore store) {
        this.store = store;
    }

    @Override
    public Optional<UnitSummary> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return store.current(code).map(UnitDirectory::summary);
    }

    @Override
    public Map<String, UnitSummary> findAll(Collection<String> codes) {
        Map<String, UnitSummary> out = new HashMap<>();
        store.summaries(new HashSet<>(codes)).forEach(u -> out.put(u.code(),
                new UnitSummary(u.code(), u.name(), u.parentCode(), u.active(), u.assessmentCategory())));
        return out;
    }

    private static UnitSummary summary(UnitVersion v) {
        var category = v.profile().assessmentCategory();
        return new UnitSummary(v.code(), v.name(), v.parentCode(), v.active(), category == null ? null : category.name());
    }
}
