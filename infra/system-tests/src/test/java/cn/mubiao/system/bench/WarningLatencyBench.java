package cn.mubiao.system.bench;

import cn.mubiao.devstack.ReceivedMail;
import cn.mubiao.devstack.ReceivedSms;
import cn.mubiao.system.PlatformAccess;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageClass;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Early warnings end to end (issue 7): lagging reports sent to progress-service at a steady rate (default 50/s),
 * each one computed red by scoring-service and warned by notification-service to the unit's two people by email
 * (SMTP) and SMS (SMPP) — the whole platform on the embedded infrastructure, Kafka and MongoDB protocol between
 * them. Prints the latency from a report accepted (its 201) to each warning received by the sinks, p50/p99, the
 * rate the warnings arrived at, then the drain rate of an unpaced burst and its ratio to the raw rate of sending the
 * same messages from this JVM straight to the same sinks (one sender, a new SMTP connection per mail as the
 * service's mail sender opens, one bound SMPP session), measured in the same run.
 *
 * <p>The reports are July's, of assignments spread over 26 plan years of 中原区 (see {@link #year}).
 *
 * <p>Not part of the test suite (failsafe runs {@code *IT} only): run it with {@code infra/bench/warning-latency}.
 * Knobs: {@code -Dbench.rate} (reports/s, 50), {@code -Dbench.seconds} (measured, 30), {@code -Dbench.warmup}
 * (reports before the measured slice at the same rate, two minutes' worth: 6,000 at 50/s; its figures are
 * printed too), {@code -Dbench.burst} (reports in the unpaced burst, 300).
 */
class WarningLatencyBench {

    static final int RATE = Integer.getInteger("bench.rate", 50);
    static final int SECONDS = Integer.getInteger("bench.seconds", 30);
    /**
     * Two minutes of the steady rate: on two cores shared by seven JVMs the services' JIT compiles their hot paths
     * under load for minutes (ADR 0012).
     */
    static final int WARMUP = Integer.getInteger("bench.warmup", RATE * 120);
    static final int BURST = Integer.getInteger("bench.burst", 300);
    /** zy-reporter and zy-leader, each by email and SMS. */
    static final int MESSAGES_PER_REPORT = 4;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String run = UUID.randomUUID().toString().substring(0, 4);
    private final Pattern titled = Pattern.compile("基准" + run + "-(\\d{5})");

    record Accepted(int index, Instant at) {
    }

    @Test
    void warningLatencyAtASteadyReportRate() throws Exception {
        PlatformAccess platform = PlatformAccess.embedded();
        int paced = RATE * SECONDS;
        int total = WARMUP + paced + BURST;

        double raw = rawRate(platform, 400);
        platform.mail().clear();
        platform.sms().clear();

        long t0 = System.nanoTime();
        String office = platform.token("city-office");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            ids.add(platform.createAssignment(office, "NB-" + run + "-" + i + "@410102", title(i), year(i)));
        }
        String reporter = platform.token("zy-reporter");
        HttpResponse<String> known = null;
        for (long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(5); System.nanoTime() < end; Thread.sleep(500)) {
            known = platform.get("/api/progress/reports?assignmentId=" + ids.getLast(), reporter);
            if (known.statusCode() == 200) {
                break;
            }
        }
        if (known == null || known.statusCode() != 200) {
            throw new IllegalStateException("progress-service did not learn the assignments: " + known);
        }
        Thread.sleep(3_000); // scoring-service reads the same TargetAssigned events
        System.out.printf(Locale.ROOT, "seeded %d assignments in %.0f s%n", total, (System.nanoTime() - t0) / 1e9);

        String progress = platform.serviceUrl("progress-service");
        System.out.println("phase warm-up from " + Instant.now());
        List<Accepted> warm = paced(progress, reporter, ids, 0, WARMUP);
        Map<Integer, List<Instant>> warmArrivals = awaitAll(platform, 0, WARMUP, Duration.ofMinutes(5));
        clearSinks(platform);
        reporter = platform.token("zy-reporter");
        System.out.println("phase measured from " + Instant.now());
        List<Accepted> measured = paced(progress, reporter, ids, WARMUP, paced);
        Map<Integer, List<Instant>> arrivals = awaitAll(platform, WARMUP, paced, Duration.ofMinutes(5));
        clearSinks(platform);
        System.out.println("phase burst from " + Instant.now());
        List<Accepted> burst = unpaced(progress, platform.token("zy-reporter"), ids, WARMUP + paced, BURST);
        Map<Integer, List<Instant>> burstArrivals = awaitAll(platform, WARMUP + paced, BURST, Duration.ofMinutes(5));

        Slice warmUp = Slice.of(warm, warmArrivals);
        Slice steady = Slice.of(measured, arrivals);
        Slice unpaced = Slice.of(burst, burstArrivals);
        long[] perMessage = steady.perMessage();
        long[] perReport = steady.perReport();
        int received = steady.received();

        System.out.println("==== EARLY WARNINGS END TO END (report accepted -> warning received) ====");
        System.out.printf(Locale.ROOT, "steady load      %d reports/s for %d s: %d reports accepted, %d of %d warnings received%n",
                RATE, SECONDS, measured.size(), received, measured.size() * MESSAGES_PER_REPORT);
        System.out.printf(Locale.ROOT, "latency          per warning p50 %d ms, p99 %d ms, max %d ms; per report (all four) p50 %d ms, p99 %d ms%n",
                percentile(perMessage, 0.50), percentile(perMessage, 0.99), perMessage.length == 0 ? -1 : perMessage[perMessage.length - 1],
                percentile(perReport, 0.50), percentile(perReport, 0.99));
        System.out.printf(Locale.ROOT, "warnings/s       %.0f at the steady load (email and SMS together)%n", steady.rate());
        System.out.printf(Locale.ROOT, "burst            %d reports at once: %d of %d warnings in %.1f s = %.0f warnings/s%n",
                burst.size(), unpaced.received(), burst.size() * MESSAGES_PER_REPORT, unpaced.seconds(), unpaced.rate());
        System.out.printf(Locale.ROOT, "raw sends        %.0f messages/s (the same sinks through the same links, straight from one sender)%n", raw);
        System.out.printf(Locale.ROOT, "ratio to raw     %.2f (burst warnings/s / raw messages/s)%n", unpaced.rate() / raw);
        System.out.printf(Locale.ROOT, "warm-up          %d reports at %d reports/s, the services' JIT compiling: per warning p50 %d ms, p99 %d ms; %.0f warnings/s%n",
                warm.size(), RATE, percentile(warmUp.perMessage(), 0.50), percentile(warmUp.perMessage(), 0.99), warmUp.rate());
        System.out.printf(Locale.ROOT, "goal             p99 under 2 s at %d reports/s: %s%n", RATE,
                percentile(perMessage, 0.99) < 2_000 && received == measured.size() * MESSAGES_PER_REPORT ? "met" : "NOT met");
    }

    /**
     * What arrived for a slice of reports: the latency of each warning and of each report's last one (sorted), how
     * many arrived, and at what rate from the first report accepted to the last warning received.
     */
    record Slice(long[] perMessage, long[] perReport, int received, double seconds) {

        static Slice of(List<Accepted> accepted, Map<Integer, List<Instant>> arrivals) {
            long[] perMessage = accepted.stream().flatMapToLong(a -> arrivals.getOrDefault(a.index(), List.of()).stream()
                    .mapToLong(r -> Duration.between(a.at(), r).toMillis())).sorted().toArray();
            long[] perReport = accepted.stream()
                    .filter(a -> arrivals.getOrDefault(a.index(), List.of()).size() == MESSAGES_PER_REPORT)
                    .mapToLong(a -> Duration.between(a.at(), arrivals.get(a.index()).stream().max(Instant::compareTo)
                            .orElseThrow()).toMillis()).sorted().toArray();
            int received = arrivals.values().stream().mapToInt(List::size).sum();
            Instant first = accepted.stream().map(Accepted::at).min(Instant::compareTo).orElseThrow();
            Instant last = arrivals.values().stream().flatMap(List::stream).max(Instant::compareTo).orElse(first);
            return new Slice(perMessage, perReport, received, Duration.between(first, last).toMillis() / 1000.0);
        }

        double rate() {
            return seconds <= 0 ? 0 : received / seconds;
        }
    }

    /**
     * The assignments are spread over 26 plan years of 中原区 (2000–2025), about 80 a year, as many as a county holds:
     * its people are the ones with logins, and scoring keeps one document per unit and year.
     */
    private static int year(int i) {
        return 2000 + i % 26;
    }

    private String title(int i) {
        return String.format(Locale.ROOT, "基准%s-%05d", run, i);
    }

    /** Reports {@code count} assignments from {@code from}, one every 1/RATE s, each answered 201. */
    private List<Accepted> paced(String progress, String token, List<String> ids, int from, int count) throws Exception {
        ScheduledExecutorService pool = Executors.newScheduledThreadPool(16);
        try {
            long periodNanos = TimeUnit.SECONDS.toNanos(1) / RATE;
            List<Future<Accepted>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = from + i;
                futures.add(pool.schedule(() -> report(progress, token, ids.get(index), index), i * periodNanos,
                        TimeUnit.NANOSECONDS));
            }
            List<Accepted> accepted = new ArrayList<>();
            for (Future<Accepted> f : futures) {
                accepted.add(f.get());
            }
            return accepted;
        } finally {
            pool.shutdownNow();
        }
    }

    private List<Accepted> unpaced(String progress, String token, List<String> ids, int from, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Accepted>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = from + i;
                futures.add(pool.submit(() -> report(progress, token, ids.get(index), index)));
            }
            List<Accepted> accepted = new ArrayList<>();
            for (Future<Accepted> f : futures) {
                accepted.add(f.get());
            }
            return accepted;
        } finally {
            pool.shutdownNow();
        }
    }

    /** 5 of 12 亿元 by the end of July: 41.7 % against a schedule of 58.3 %, a red warning. */
    private static Accepted report(String progress, String token, String id, int index) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(progress + "/api/progress/reports"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", "bench-" + id)
                .POST(HttpRequest.BodyPublishers.ofString(PlatformAccess.report(id, year(index) + "07", "5"))).build(),
                HttpResponse.BodyHandlers.ofString());
        Instant at = Instant.now();
        if (r.statusCode() != 201) {
            throw new IllegalStateException("report " + id + ": " + r.statusCode() + " " + r.body());
        }
        return new Accepted(index, at);
    }

    /**
     * Forgets what the sinks received in a finished phase (every message of it has arrived), so polling the next
     * phase reads only its own messages: the load generator shares the two cores with the platform it measures.
     */
    private static void clearSinks(PlatformAccess platform) {
        platform.mail().clear();
        platform.sms().clear();
    }

    /**
     * Waits until every warning of reports [from, from + count) has arrived; their arrival times by report, as the
     * sinks recorded them (the poll, once a second, only decides when to stop waiting).
     */
    private Map<Integer, List<Instant>> awaitAll(PlatformAccess platform, int from, int count, Duration timeout)
            throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        Map<Integer, List<Instant>> arrivals = arrivals(platform, from, count);
        while (arrivals.values().stream().mapToInt(List::size).sum() < count * MESSAGES_PER_REPORT && System.nanoTime() < end) {
            Thread.sleep(1_000);
            arrivals = arrivals(platform, from, count);
        }
        return arrivals;
    }

    private Map<Integer, List<Instant>> arrivals(PlatformAccess platform, int from, int count) {
        Map<Integer, List<Instant>> by = new HashMap<>();
        for (ReceivedMail m : platform.mail().messages()) {
            add(by, m.subject(), m.receivedAt(), from, count);
        }
        for (ReceivedSms s : platform.sms().messages()) {
            add(by, s.text(), s.receivedAt(), from, count);
        }
        return by;
    }

    private void add(Map<Integer, List<Instant>> by, String text, Instant at, int from, int count) {
        Matcher m = titled.matcher(text);
        if (m.find()) {
            int i = Integer.parseInt(m.group(1));
            if (i >= from && i < from + count) {
                by.computeIfAbsent(i, k -> new ArrayList<>()).add(at);
            }
        }
    }

    /**
     * The baseline: {@code n} emails and {@code n} SMS with a warning's texts sent one after another from this JVM
     * straight to the devstack's sinks, as the service's channels send them (a new SMTP connection per mail, UCS-2
     * SMS in concatenated parts over one bound session). Messages per second, arrival included.
     */
    private static double rawRate(PlatformAccess platform, int n) throws Exception {
        String subject = "【目标预警·红色预警】中原区“基准raw”2007年7月严重滞后";
        String body = "中原区“基准raw”2007年7月完成率41.7%，序时进度58.3%，差距16.7个百分点，严重滞后。请分管领导督促整改。";
        String sms = "【目标管理】红色预警：中原区“基准raw”7月完成41.7%，低于序时进度58.3%，差距16.7个百分点。详见 http://localhost:8080";
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(platform.smtpPort()));
        Session mail = Session.getInstance(props);
        SMPPSession smpp = new SMPPSession();
        smpp.connectAndBind("127.0.0.1", platform.smppPort(), new BindParameter(BindType.BIND_TX, "mubiao", "mubiao",
                "bench", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), 10_000);
        int mailBefore = platform.mail().messages().size();
        int smsBefore = platform.sms().messages().size();
        long start = System.nanoTime();
        try {
            for (int i = 0; i < n; i++) {
                MimeMessage m = new MimeMessage(mail);
                m.setFrom(new InternetAddress("mubiao-noreply@demo.mubiao.local"));
                m.setRecipients(Message.RecipientType.TO, "raw-" + (i % 2) + "@demo.mubiao.local");
                m.setSubject(subject, "UTF-8");
                m.setText(body, "UTF-8");
                Transport.send(m);
                submit(smpp, "1380000000" + (i % 2), sms, i);
            }
            while ((platform.mail().messages().size() - mailBefore < n || platform.sms().messages().size() - smsBefore < n)
                    && System.nanoTime() - start < TimeUnit.MINUTES.toNanos(2)) {
                Thread.sleep(10);
            }
        } finally {
            smpp.unbindAndClose();
        }
        return 2.0 * n / ((System.nanoTime() - start) / 1e9);
    }

    /** One SMS as UCS-2, split into parts of 67 characters with a concatenation header when longer than 70. */
    private static void submit(SMPPSession smpp, String phone, String text, int reference) throws Exception {
        byte[] ucs2 = text.getBytes(StandardCharsets.UTF_16BE);
        List<byte[]> parts = new ArrayList<>();
        if (ucs2.length <= 140) {
            parts.add(ucs2);
        } else {
            int total = (ucs2.length + 133) / 134;
            for (int p = 0; p < total; p++) {
                byte[] chunk = Arrays.copyOfRange(ucs2, p * 134, Math.min(ucs2.length, (p + 1) * 134));
                byte[] part = new byte[6 + chunk.length];
                part[0] = 5;
                part[1] = 0;
                part[2] = 3;
                part[3] = (byte) reference;
                part[4] = (byte) total;
                part[5] = (byte) (p + 1);
                System.arraycopy(chunk, 0, part, 6, chunk.length);
                parts.add(part);
            }
        }
        ESMClass esm = parts.size() > 1 ? new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI)
                : new ESMClass();
        for (byte[] part : parts) {
            smpp.submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, "12345",
                    TypeOfNumber.NATIONAL, NumberingPlanIndicator.ISDN, phone, esm, (byte) 0, (byte) 1, null, null,
                    new RegisteredDelivery(SMSCDeliveryReceipt.DEFAULT), (byte) 0,
                    new GeneralDataCoding(Alphabet.ALPHA_UCS2, MessageClass.CLASS1, false), (byte) 0, part);
        }
    }

    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return -1;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
