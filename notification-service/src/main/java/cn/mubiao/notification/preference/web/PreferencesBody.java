package cn.mubiao.notification.preference.web;

import java.util.Map;

/**
 * A person's notification preferences, as read and written: per kind of notification ({@code WARNING},
 * {@code REMINDER}, {@code OVERDUE}, {@code RETURNED}, {@code ESCALATION}, {@code ASSESSMENT}) whether email and SMS
 * are on (a kind or a channel left out is on), and quiet hours ({@code null}: none).
 */
record PreferencesBody(Map<String, Switches> channels, QuietHoursBody quietHours) {

    record Switches(Boolean email, Boolean sms) {
    }

    /** {@code from} and {@code to} as HH:mm; {@code timeZone} defaults to Asia/Shanghai. */
    record QuietHoursBody(String from, String to, String timeZone) {
    }
}
