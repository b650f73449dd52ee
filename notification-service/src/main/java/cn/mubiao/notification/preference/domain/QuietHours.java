package cn.mubiao.notification.preference.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A person's quiet hours, e.g. 22:00–07:30 Asia/Shanghai (the window may cross midnight; {@code to} is not in it):
 * SMS are held until the window ends, email is not.
 */
public record QuietHours(LocalTime from, LocalTime to, ZoneId zone) {

    public QuietHours {
        Objects.requireNonNull(from);
        Objects.requireNonNull(to);
        Objects.requireNonNull(zone);
        if (from.equals(to)) {
            throw new IllegalArgumentException("quiet hours must not start and end at the same time");
        }
    }

    /** The end of the quiet window {@code now} lies in, or empty when it lies outside. */
    public Optional<Instant> endIfQuiet(Instant now) {
        ZonedDateTime t = now.atZone(zone);
        LocalTime time = t.toLocalTime();
        boolean crossesMidnight = from.isAfter(to);
        boolean inside = crossesMidnight
                ? !time.isBefore(from) || time.isBefore(to)
                : !time.isBefore(from) && time.isBefore(to);
        if (!inside) {
            return Optional.empty();
        }
        LocalDate endDay = crossesMidnight && !time.isBefore(from) ? t.toLocalDate().plusDays(1) : t.toLocalDate();
        return Optional.of(ZonedDateTime.of(endDay, to, zone).toInstant());
    }
}
