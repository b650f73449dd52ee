package cn.mubiao.notification.recipient;

import java.util.Set;

/**
 * A person who receives a unit's notifications; email or phone may be missing.
 *
 * @param roles the person's realm roles among the notified ones ({@code mubiao.notification.warn-roles})
 */
public record Recipient(String username, String displayName, String email, String phone, Set<String> roles) {

    public Recipient {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
