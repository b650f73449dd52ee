package cn.mubiao.notification.preference.domain;

import cn.mubiao.notification.warning.domain.Channel;
import cn.mubiao.notification.warning.domain.TriggerKind;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One person's choices: the channels switched off per kind of notification (everything is on unless switched off)
 * and quiet hours, if any.
 */
public record Preferences(String username, Map<TriggerKind, Set<Channel>> off, QuietHours quietHours) {

    /**
     * Kinds that must keep at least one channel: a warning, an overdue report or an escalation that reaches nobody is
     * worth nothing.
     */
    public static final Set<TriggerKind> MANDATORY = EnumSet.of(TriggerKind.WARNING, TriggerKind.OVERDUE,
            TriggerKind.ESCALATION);

    public Preferences {
        EnumMap<TriggerKind, Set<Channel>> copy = new EnumMap<>(TriggerKind.class);
        off.forEach((k, v) -> {
            if (!v.isEmpty()) {
                copy.put(k, Set.copyOf(v));
            }
        });
        off = Map.copyOf(copy);
    }

    /** Everything on, no quiet hours. */
    public static Preferences defaults(String username) {
        return new Preferences(username, Map.of(), null);
    }

    public boolean allows(TriggerKind kind, Channel channel) {
        return !off.getOrDefault(kind, Set.of()).contains(channel);
    }

    /** When an SMS decided at {@code now} may go: empty for at once, else the end of the quiet hours. */
    public Optional<Instant> smsHeldUntil(Instant now) {
        return quietHours == null ? Optional.empty() : quietHours.endIfQuiet(now);
    }

    /** The mandatory kinds whose every channel is switched off (the preferences are refused then). */
    public List<TriggerKind> silencedMandatoryKinds() {
        List<TriggerKind> out = new ArrayList<>();
        for (TriggerKind k : MANDATORY) {
            if (off.getOrDefault(k, Set.of()).containsAll(EnumSet.allOf(Channel.class))) {
                out.add(k);
            }
        }
        return out;
    }
}
