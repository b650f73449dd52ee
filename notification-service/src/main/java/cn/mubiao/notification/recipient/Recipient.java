package cn.mubiao.notification.recipient;

/** A person who receives a unit's warnings; email or phone may be missing. */
public record Recipient(String username, String displayName, String email, String phone) {
}
