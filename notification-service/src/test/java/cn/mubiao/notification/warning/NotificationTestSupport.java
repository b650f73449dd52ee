package cn.mubiao.notification.warning;

import cn.mubiao.kit.events.InboundEvent;
import cn.mubiao.kit.testing.InMemoryMongo;
import cn.mubiao.kit.testing.MovableClock;
import cn.mubiao.notification.channel.EmailChannel;
import cn.mubiao.notification.channel.SmsChannel;
import cn.mubiao.notification.recipient.KeycloakRecipients;
import cn.mubiao.notification.recipient.Recipient;
import cn.mubiao.notification.warning.domain.Channel;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

/**
 * The whole service on an in-memory MongoDB, with fake email and SMS channels (they record what they were given and
 * fail as scripted), recipients given by the test and a clock the test moves: nothing waits for real time.
 */
@SpringBootTest(properties = {"mubiao.events.subscribe=", "mubiao.events.relay-interval=1h",
        "mubiao.notification.delivery.sweep-interval=1h", "mubiao.notification.delivery.max-attempts=3",
        "mubiao.notification.delivery.first-backoff=30s", "mubiao.notification.delivery.breaker-window=50",
        "mubiao.notification.delivery.workers=0"})
@AutoConfigureMockMvc
@Import(NotificationTestSupport.MovableClockConfiguration.class)
public abstract class NotificationTestSupport {

    /** 2007-08-03 10:00 in Shanghai. */
    protected static final Instant START = Instant.parse("2007-08-03T02:00:00Z");
    protected static final MovableClock CLOCK = new MovableClock(START);

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> InMemoryMongo.uri("notification-test"));
    }

    @TestConfiguration
    static class MovableClockConfiguration {
        @Bean
        Clock clock() {
            return CLOCK;
        }
    }

    @MockitoBean
    protected KeycloakRecipients recipients;
    @MockitoBean
    protected EmailChannel email;
    @MockitoBean
    protected SmsChannel sms;
    @Autowired
    protected MongoDatabase db;

    protected final FakeChannel sentEmails = new FakeChannel();
    protected final FakeChannel sentSms = new FakeChannel();
    private static final AtomicInteger events = new AtomicInteger();

    protected static final Recipient ZY_REPORTER = new Recipient("zy-reporter", "张伟", "zy-reporter@demo.mubiao.cn",
            "13800001003", Set.of("reporter"));
    protected static final Recipient ZY_LEADER = new Recipient("zy-leader", "王明", "zy-leader@demo.mubiao.cn",
            "13800001013", Set.of("leader"));

    @BeforeEach
    void fakes() {
        CLOCK.set(START);
        db.getCollection("deliveries").deleteMany(new Document());
        db.getCollection("preferences").deleteMany(new Document());
        db.getCollection("flood-marks").deleteMany(new Document());
        db.getCollection("sms-parts").deleteMany(new Document());
        when(email.channel()).thenReturn(Channel.EMAIL);
        when(sms.channel()).thenReturn(Channel.SMS);
        when(email.send(anyString(), any(), anyString())).thenAnswer(i -> sentEmails.send(i.getArgument(0), i.getArgument(2)));
        when(sms.send(anyString(), any(), anyString())).thenAnswer(i -> sentSms.send(i.getArgument(0), i.getArgument(2)));
        when(recipients.ofUnit("410102")).thenReturn(List.of(ZY_REPORTER, ZY_LEADER));
    }

    protected static InboundEvent event(String type) {
        return new InboundEvent("evt-" + events.incrementAndGet(), type, "/test", "a", START, "{}", "t", 0, 0);
    }

    /** What a channel was given, in order; fails the next sends as scripted. */
    protected static final class FakeChannel {
        public record Sent(String address, String text, Instant at) {
        }

        public final List<Sent> sent = java.util.Collections.synchronizedList(new ArrayList<>());
        private final Deque<RuntimeException> failures = new java.util.concurrent.ConcurrentLinkedDeque<>();

        public void failNext(RuntimeException... errors) {
            failures.addAll(List.of(errors));
        }

        synchronized String send(String address, String text) {
            RuntimeException e = failures.poll();
            if (e != null) {
                throw e;
            }
            sent.add(new Sent(address, text, CLOCK.instant()));
            return "provider-" + sent.size();
        }

        public List<String> addresses() {
            return sent.stream().map(Sent::address).toList();
        }
    }
}
