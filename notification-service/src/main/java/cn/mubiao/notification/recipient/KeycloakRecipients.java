package cn.mubiao.notification.recipient;

import cn.mubiao.notification.NotificationProperties;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Finds a unit's people in Keycloak through the admin client (enabled users whose {@code unit} attribute is the
 * unit, each with their realm roles), cached; when Keycloak cannot be reached the last known list is used. Who of
 * them is told is each trigger's choice, by role ({@link Recipient#hasRole}).
 */
@Component
public class KeycloakRecipients {

    private static final Logger log = LoggerFactory.getLogger(KeycloakRecipients.class);

    private final NotificationProperties settings;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private volatile Keycloak keycloak;

    KeycloakRecipients(NotificationProperties settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    private record Cached(List<Recipient> recipients, Instant at) {
    }

    public List<Recipient> ofUnit(String unitCode) {
        Cached c = cache.get(unitCode);
        Instant now = clock.instant();
        if (c != null && c.at().plus(settings.keycloak().cacheTtl()).isAfter(now)) {
            return c.recipients();
        }
        try {
            List<Recipient> fresh = lookUp(unitCode);
            cache.put(unitCode, new Cached(fresh, now));
            return fresh;
        } catch (RuntimeException e) {
            if (c != null) {
                log.warn("Keycloak unreachable ({}); using the last known recipients of {}", e.toString(), unitCode);
                return c.recipients();
            }
            throw e;
        }
    }

    private List<Recipient> lookUp(String unitCode) {
        RealmResource realm = client().realm(settings.keycloak().realm());
        List<Recipient> out = new ArrayList<>();
        for (UserRepresentation u : realm.users().searchByAttributes(0, 200, true, false, "unit:" + unitCode)) {
            if (!Boolean.TRUE.equals(u.isEnabled()) || !unitCode.equals(first(u.getAttributes(), "unit"))) {
                continue;
            }
            Set<String> roles = realm.users().get(u.getId()).roles().realmLevel().listEffective().stream()
                    .map(RoleRepresentation::getName).collect(Collectors.toCollection(java.util.HashSet::new));
            String name = ((u.getLastName() == null ? "" : u.getLastName()) + (u.getFirstName() == null ? "" : u.getFirstName())).trim();
            out.add(new Recipient(u.getUsername(), name.isEmpty() ? u.getUsername() : name, u.getEmail(),
                    first(u.getAttributes(), "phone"), roles));
        }
        out.sort(java.util.Comparator.comparing(Recipient::username));
        return List.copyOf(out);
    }

    private static String first(Map<String, List<String>> attributes, String key) {
        if (attributes == null || attributes.get(key) == null || attributes.get(key).isEmpty()) {
            return null;
        }
        return attributes.get(key).getFirst();
    }

    private Keycloak client() {
        Keycloak k = keycloak;
        if (k == null) {
            synchronized (this) {
                if (keycloak == null) {
                    var kc = settings.keycloak();
                    keycloak = KeycloakBuilder.builder().serverUrl(kc.serverUrl()).realm(kc.realm())
                            .grantType("client_credentials").clientId(kc.clientId()).clientSecret(kc.clientSecret()).build();
                }
                k = keycloak;
            }
        }
        return k;
    }
}
