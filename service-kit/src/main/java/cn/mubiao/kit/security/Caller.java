package cn.mubiao.kit.security;

import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who is calling: from the access token, never from the request body.
 *
 * @param unit  the caller's unit code (token claim {@code unit})
 * @param roles Keycloak realm roles
 */
public record Caller(String subject, String username, String unit, Level level, Set<String> roles) {

    public static final String UNIT_CLAIM = "unit";

    public Caller {
        roles = Set.copyOf(roles);
    }

    public static Caller from(Jwt jwt) {
        Set<String> roles = realmRoles(jwt.getClaims());
        String unit = jwt.getClaimAsString(UNIT_CLAIM);
        String username = jwt.getClaimAsString("preferred_username");
        if (username == null) {
            username = jwt.getClaimAsString("azp");
        }
        return new Caller(jwt.getSubject(), username, unit, levelOf(unit, roles), roles);
    }

    @SuppressWarnings("unchecked")
    public static Set<String> realmRoles(Map<String, Object> claims) {
        Object realmAccess = claims.get("realm_access");
        if (realmAccess instanceof Map<?, ?> map && map.get("roles") instanceof Collection<?> roles) {
            Set<String> out = new TreeSet<>();
            ((Collection<Object>) roles).forEach(r -> out.add(String.valueOf(r)));
            return out;
        }
        return Set.of();
    }

    private static Level levelOf(String unit, Set<String> roles) {
        for (var entry : List.of(Map.entry("province", Level.PROVINCE), Map.entry("city", Level.CITY),
                Map.entry("county", Level.COUNTY), Map.entry("department", Level.DEPARTMENT))) {
            if (roles.contains(entry.getKey())) {
                return entry.getValue();
            }
        }
        return unit == null ? null : UnitCodes.levelOf(unit);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /**
     * THE scoping rule for an object with unit relations (DOMAIN.md §1): a region sees what lies in its
     * subtree; a department sees what it is responsible for, co-handles or monitors. Everything an endpoint
     * returns or changes passes through here or {@link #covers}.
     */
    public boolean sees(UnitRelations r) {
        if (unit == null) {
            return false;
        }
        return covers(r.responsibleUnit()) || r.coUnits().contains(unit) || unit.equals(r.monitorUnit())
                || r.coUnits().stream().anyMatch(this::coversRegionally);
    }

    /** Whether a co-unit lies in a region caller's subtree (a county sees what its departments co-handle). */
    private boolean coversRegionally(String unitCode) {
        return !UnitCodes.isDepartment(unit) && covers(unitCode);
    }

    /**
     * Whether the caller's unit scope covers {@code unitCode}: regions see their subtree, a department sees
     * its own unit (the lead / co-unit / monitor relation is checked by each service's read model).
     */
    public boolean covers(String unitCode) {
        if (unit == null || unitCode == null) {
            return false;
        }
        if (level == Level.DEPARTMENT || UnitCodes.isDepartment(unit)) {
            return unit.equals(unitCode);
        }
        return UnitCodes.isWithin(unitCode, unit);
    }
}
