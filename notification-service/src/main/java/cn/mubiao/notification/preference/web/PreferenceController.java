package cn.mubiao.notification.preference.web;

import cn.mubiao.kit.security.Caller;
import cn.mubiao.kit.security.CurrentCaller;
import cn.mubiao.kit.web.FieldProblem;
import cn.mubiao.kit.web.ProblemException;
import cn.mubiao.notification.NotificationProperties;
import cn.mubiao.notification.preference.domain.Preferences;
import cn.mubiao.notification.preference.domain.QuietHours;
import cn.mubiao.notification.preference.persistence.PreferenceStore;
import cn.mubiao.notification.preference.web.PreferencesBody.QuietHoursBody;
import cn.mubiao.notification.preference.web.PreferencesBody.Switches;
import cn.mubiao.notification.warning.domain.Channel;
import cn.mubiao.notification.warning.domain.TriggerKind;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The caller's own notification preferences (by username; nobody reads or writes another person's). */
@RestController
@RequestMapping("/api/notifications/preferences")
class PreferenceController {

    private final PreferenceStore preferences;
    private final ZoneId defaultZone;

    PreferenceController(PreferenceStore preferences, NotificationProperties settings) {
        this.preferences = preferences;
        this.defaultZone = ZoneId.of(settings.delivery().quietZone());
    }

    @GetMapping
    PreferencesBody get(@CurrentCaller Caller caller) {
        return body(preferences.of(username(caller)));
    }

    /** Replaces the caller's preferences whole: 400 for a malformed body, 422 when a warning would reach nobody. */
    @PutMapping
    PreferencesBody put(@CurrentCaller Caller caller, @RequestBody PreferencesBody body) {
        Preferences p = parse(username(caller), body);
        List<TriggerKind> silenced = p.silencedMandatoryKinds();
        if (!silenced.isEmpty()) {
            throw ProblemException.unprocessable(silenced.stream().map(k -> new FieldProblem("channels." + k.name(),
                    k.zh() + "至少保留一个渠道 / keep at least one channel on")).toList());
        }
        preferences.put(p);
        return body(p);
    }

    private static String username(Caller caller) {
        if (caller.username() == null) {
            throw ProblemException.forbidden("偏好设置属于个人用户 / preferences belong to a person");
        }
        return caller.username();
    }

    private Preferences parse(String username, PreferencesBody body) {
        List<FieldProblem> errors = new ArrayList<>();
        Map<TriggerKind, Set<Channel>> off = new EnumMap<>(TriggerKind.class);
        if (body.channels() != null) {
            body.channels().forEach((kind, s) -> {
                try {
                    Set<Channel> o = EnumSet.noneOf(Channel.class);
                    if (s != null && Boolean.FALSE.equals(s.email())) {
                        o.add(Channel.EMAIL);
                    }
                    if (s != null && Boolean.FALSE.equals(s.sms())) {
                        o.add(Channel.SMS);
                    }
                    off.put(TriggerKind.valueOf(kind), o);
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldProblem("channels." + kind, "未知的通知类型 / unknown kind, one of " + List.of(TriggerKind.values())));
                }
            });
        }
        QuietHours quiet = null;
        QuietHoursBody q = body.quietHours();
        if (q != null) {
            LocalTime from = time(q.from(), "quietHours.from", errors);
            LocalTime to = time(q.to(), "quietHours.to", errors);
            ZoneId zone = defaultZone;
            if (q.timeZone() != null) {
                try {
                    zone = ZoneId.of(q.timeZone());
                } catch (DateTimeException e) {
                    errors.add(new FieldProblem("quietHours.timeZone", "不是有效的时区 / not a time zone, e.g. Asia/Shanghai"));
                }
            }
            if (from != null && to != null && from.equals(to)) {
                errors.add(new FieldProblem("quietHours.to", "开始与结束不能相同 / must differ from quietHours.from"));
            } else if (from != null && to != null && errors.isEmpty()) {
                quiet = new QuietHours(from, to, zone);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new Preferences(username, off, quiet);
    }

    private static LocalTime time(String s, String field, List<FieldProblem> errors) {
        try {
            if (s != null && s.matches("\\d{2}:\\d{2}")) {
                return LocalTime.parse(s);
            }
        } catch (DateTimeException e) {
            // reported below
        }
        errors.add(new FieldProblem(field, "应为 HH:mm / must be HH:mm, e.g. 22:00"));
        return null;
    }

    private static PreferencesBody body(Preferences p) {
        Map<String, Switches> channels = new LinkedHashMap<>();
        for (TriggerKind k : TriggerKind.values()) {
            channels.put(k.name(), new Switches(p.allows(k, Channel.EMAIL), p.allows(k, Channel.SMS)));
        }
        QuietHours q = p.quietHours();
        return new PreferencesBody(channels, q == null ? null
                : new QuietHoursBody(q.from().toString(), q.to().toString(), q.zone().getId()));
    }
}
