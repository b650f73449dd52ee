package cn.mubiao.notification.preference.persistence;

import cn.mubiao.notification.preference.domain.Preferences;
import cn.mubiao.notification.preference.domain.QuietHours;
import cn.mubiao.notification.warning.domain.Channel;
import cn.mubiao.notification.warning.domain.TriggerKind;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Each person's preferences, one document by username, replaced whole. */
@Component
public class PreferenceStore {

    private final MongoCollection<Document> collection;

    PreferenceStore(MongoDatabase db) {
        this.collection = db.getCollection("preferences");
    }

    /** The person's preferences, or the defaults (everything on, no quiet hours). */
    public Preferences of(String username) {
        Document d = collection.find(Filters.eq("_id", username)).first();
        return d == null ? Preferences.defaults(username) : read(d);
    }

    /** The preferences of each of these people (the defaults for those who set none), in one query. */
    public Map<String, Preferences> of(Collection<String> usernames) {
        Map<String, Preferences> found = new HashMap<>();
        if (usernames.isEmpty()) {
            return found;
        }
        collection.find(Filters.in("_id", usernames)).forEach(d -> found.put(d.getString("_id"), read(d)));
        usernames.forEach(u -> found.computeIfAbsent(u, Preferences::defaults));
        return found;
    }

    public void put(Preferences p) {
        Document off = new Document();
        p.off().forEach((k, v) -> off.append(k.name(), v.stream().map(Enum::name).sorted().toList()));
        Document doc = new Document("_id", p.username()).append("off", off);
        if (p.quietHours() != null) {
            doc.append("quietHours", new Document("from", p.quietHours().from().toString())
                    .append("to", p.quietHours().to().toString()).append("zone", p.quietHours().zone().getId()));
        }
        collection.replaceOne(Filters.eq("_id", p.username()), doc, new ReplaceOptions().upsert(true));
    }

    private static Preferences read(Document d) {
        Map<TriggerKind, Set<Channel>> off = new EnumMap<>(TriggerKind.class);
        Document o = d.get("off", new Document());
        for (String k : o.keySet()) {
            off.put(TriggerKind.valueOf(k), o.getList(k, String.class, List.of()).stream().map(Channel::valueOf)
                    .collect(Collectors.toSet()));
        }
        Document q = d.get("quietHours", Document.class);
        QuietHours quiet = q == null ? null : new QuietHours(LocalTime.parse(q.getString("from")),
                LocalTime.parse(q.getString("to")), ZoneId.of(q.getString("zone")));
        return new Preferences(d.getString("_id"), off, quiet);
    }
}
