package cn.mubiao.notification.recipient;

import java.util.Set;

/**
 * A person who receives a unit's notifications; email or phone may be missing.
 *
 * @param roles the person's realm roles ({@code leader}, {@code reporter}, {@code target-office} …)
 */
public record Recipient(String username, String displayName, String email, String phone, Set<String> roles) {

    public Recipient {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
