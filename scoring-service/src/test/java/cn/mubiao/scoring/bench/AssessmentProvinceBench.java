package cn.mubiao.scoring.bench;

import cn.mubiao.contracts.Frequency;
import cn.mubiao.contracts.Period;
import cn.mubiao.contracts.target.UnitChanged;
import cn.mubiao.contracts.IndicatorKind;
import cn.mubiao.contracts.progress.ProgressReported;
import cn.mubiao.contracts.target.TargetAssigned;
import cn.mubiao.kit.events.EventHandler;
import cn.mubiao.kit.events.InboundEvent;
import cn.mubiao.scoring.lag.LagProperties;
import cn.mubiao.scoring.lag.application.AssessLag;
import cn.mubiao.scoring.lag.domain.LagAssessment;
import cn.mubiao.scoring.lag.domain.LagRecord;
import cn.mubiao.scoring.lag.domain.LagRule;
import cn.mubiao.scoring.lag.persistence.LagStore;
import org.bson.types.Decimal128;
import cn.mubiao.mongo.IdIndexedBackends;
import cn.mubiao.scoring.ScoringApplication;
import cn.mubiao.scoring.assessment.application.AssessUnits;
import cn.mubiao.scoring.assessment.application.AssessUnits.Assessed;
import cn.mubiao.scoring.assessment.domain.AssignmentFacts;
import cn.mubiao.scoring.assessment.domain.AssignmentFacts.FraudFlag;
import cn.mubiao.scoring.assessment.domain.AssignmentFacts.Terms;
import cn.mubiao.scoring.assessment.domain.Category;
import cn.mubiao.scoring.assessment.domain.GradedResult;
import cn.mubiao.scoring.assessment.domain.PeriodValue;
import cn.mubiao.scoring.assessment.domain.Rating;
import cn.mubiao.scoring.assessment.domain.ScoringRules;
import cn.mubiao.scoring.assessment.domain.Seed003Catalogue;
import cn.mubiao.scoring.assessment.domain.UnitEntries;
import cn.mubiao.scoring.assessment.domain.UnitYear;
import cn.mubiao.scoring.assessment.persistence.EntriesStore;
import cn.mubiao.scoring.assessment.persistence.StoredUnitYears;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6's benchmark of the year-end assessment: a generated province (10,000 units with 100 assignments each,
 * 1,000,000 assignments, each with a year of quarterly reports) loaded in bulk into scoring-service's read model on the
 * MongoDB protocol server the platform runs on (memory backend, in this JVM), in the very form the service stores
 * it; then, in each round, a raw read of the same documents (full cursors over every collection the assessment
 * reads, same driver, same server) and the full assessment of the province through {@link AssessUnits#assess} —
 * what approval, publication and what-if run. Prints both times, their documents/s and the ratio. A figure
 * printer, not a timed test. Run it with {@code infra/bench/assessment-province}; smaller with
 * {@code -Dbench.townships=5}.
 */
class AssessmentProvinceBench {

    static final int CITIES = Integer.getInteger("bench.cities", 18);
    static final int COUNTIES_PER_CITY = Integer.getInteger("bench.counties", 10);
    static final int TOWNSHIPS_PER_COUNTY = Integer.getInteger("bench.townships", 54);
    static final int DEPARTMENTS = Integer.getInteger("bench.departments", 82);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 2);
    static final Frequency FREQUENCY = Frequency.valueOf(System.getProperty("bench.frequency", "QUARTERLY"));
    /** Documents per cursor batch: the protocol server sends a whole answer in one reply unless told. */
    static final int BATCH = Integer.getInteger("bench.batch", 16);
    static final int TARGETS = 100; // standard scores 0.5 and 1.5 in turn: they add up to 100
    static final int YEAR = 2030;
    static final String PROVINCE = "410000";
    static final List<String> READ_COLLECTIONS = List.of("assessment_years", "assessment_units", "rule_sets",
            "assessment_entries", "assessment_unit_years", "assessment_facts");
    private static final String[] TITLES = {"地区生产总值增长", "规模以上工业增加值增长", "固定资产投资", "社会消费品零售总额",
            "一般公共预算收入", "实际利用外资", "城镇新增就业", "农村居民人均可支配收入", "单位GDP能耗下降", "安全生产"};

    @Test
    void assessAProvinceFromStoredDataAgainstARawReadOfTheSameDocuments() throws Exception {
        MongoServer server = new MongoServer(IdIndexedBackends.memory());
        server.bind("127.0.0.1", 0);
        String uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/bench";
        try (ConfigurableApplicationContext app = scoringService(uri)) {
            MongoDatabase db = app.getBean(MongoDatabase.class);
            Province province = Province.generate();
            long t0 = System.nanoTime();
            long assignments = load(app, db, province);
            double loadSeconds = (System.nanoTime() - t0) / 1e9;
            System.gc();
            System.out.printf("%n(loaded %,d units, %,d assignments with %s reports in %.1f s; heap used %,d MiB)%n",
                    province.units().size(), assignments, FREQUENCY, loadSeconds, heapUsedMiB());
            measure(app.getBean(AssessUnits.class), db, province, assignments);
        } finally {
            server.shutdownNow();
        }
    }

    static ConfigurableApplicationContext scoringService(String uri) {
        return new SpringApplicationBuilder(ScoringApplication.class)
                .run("--spring.mongodb.uri=" + uri, "--server.port=0", "--mubiao.events.subscribe=",
                        "--mubiao.events.relay-interval=1h", "--mubiao.events.outbox-collections=",
                        "--logging.level.root=WARN", "--logging.level.org.apache.kafka=OFF", "--spring.main.banner-mode=off");
    }

    private void measure(AssessUnits assessment, MongoDatabase db, Province province, long assignments) throws Exception {
        List<String> lines = new ArrayList<>();
        String digest = null;
        for (int round = 1; round <= ROUNDS; round++) {
            System.gc();
            long t0 = System.nanoTime();
            long docs = rawRead(db);
            double rawSeconds = (System.nanoTime() - t0) / 1e9;
            System.gc();
            long t1 = System.nanoTime();
            Assessed assessed = assessment.assess(YEAR, PROVINCE, assessment.ruleSet(PROVINCE, YEAR));
            double assessSeconds = (System.nanoTime() - t1) / 1e9;
            System.gc();
            long heap = heapUsedMiB(); // the stored province and the assessment's result, both held
            String d = digest(assessed);
            assertThat(digest == null || digest.equals(d)).as("every round gives the same results").isTrue();
            digest = d;
            int ranked = assessed.units().size();
            long items = assessed.units().values().stream().mapToLong(s -> s.result().items().size()).sum();
            if (round == 1) {
                assertThat(ranked + assessed.notRanked().size()).isEqualTo(province.units().size());
                System.out.printf("(units ranked %,d, not ranked %,d (no assessment category: cities and counties); "
                        + "items scored %,d; heap used after the assessment %,d MiB)%n", ranked,
                        assessed.notRanked().size(), items, heap);
            }
            lines.add("round %d: raw read %,d documents in %5.1f s (%,8.0f docs/s) | assessment %5.1f s (%,8.0f docs/s,"
                    .formatted(round, docs, rawSeconds, docs / rawSeconds, assessSeconds, docs / assessSeconds)
                    + " %,.0f assignments/s) | ratio %.2f".formatted(assignments / assessSeconds, rawSeconds / assessSeconds));
            assessed = null;
        }
        System.out.printf("%n=== ASSESSMENT OF A PROVINCE (issue 6) ===%n");
        System.out.printf("province:   %,d units, %,d assignments, %s reports for %d (documents: %,d unit-years, "
                + "%,d assignments' facts of about %,d bytes each)%n", province.units().size(), assignments, FREQUENCY,
                YEAR, province.units().size(), assignments, averageFactsBytes(db));
        lines.forEach(System.out::println);
        System.out.printf("results digest: %s (units, totals, grades and places of every category)%n", digest);
        System.out.printf("goal: under 60 s, ratio at least 0.3 (assessment documents/s over raw read documents/s)%n");
    }

    /** A full cursor over every collection the assessment reads, decoding each document as the driver does. */
    static long rawRead(MongoDatabase db) {
        long docs = 0;
        for (String name : READ_COLLECTIONS) {
            // the same bytes per reply: an assignment's facts are about a hundredth of a unit's year of old
            int batch = name.equals("assessment_facts") ? BATCH * TARGETS : BATCH;
            try (MongoCursor<Document> cursor = db.getCollection(name).find().batchSize(batch).iterator()) {
                while (cursor.hasNext()) {
                    cursor.next();
                    docs++;
                }
            }
        }
        return docs;
    }

    private static String digest(Assessed assessed) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (Category c : Category.values()) {
            for (GradedResult g : assessed.ranking().of(c)) {
                sha.update((c + " " + g.unitCode() + " " + g.result().total().toPlainString() + " " + g.grade() + " "
                        + g.place() + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        assessed.notRanked().forEach(n -> sha.update((n.unitCode() + " " + n.field() + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(sha.digest(), 0, 8);
    }

    private static long averageFactsBytes(MongoDatabase db) {
        Document stats;
        try {
            stats = db.runCommand(new Document("collStats", "assessment_facts"));
        } catch (RuntimeException e) {
            return -1;
        }
        Number size = stats.get("size", Number.class);
        Number count = stats.get("count", Number.class);
        return size == null || count == null || count.longValue() == 0 ? -1 : size.longValue() / count.longValue();
    }

    static long heapUsedMiB() {
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) >> 20;
    }

    // ---- the province ----

    record Unit(String code, String name, String level, String parentCode, String kind, String category) {
    }

    /** 18 cities, 180 counties, 9,720 townships (every fourth a street) and 82 province departments: 10,000 units. */
    record Province(List<Unit> units) {
        static Province generate() {
            List<Unit> units = new ArrayList<>();
            for (int c = 1; c <= CITIES; c++) {
                String city = "41%02d00".formatted(c);
                units.add(new Unit(city, "市" + c, "CITY", PROVINCE, "CITY", null));
                for (int k = 1; k <= COUNTIES_PER_CITY; k++) {
                    String county = "41%02d%02d".formatted(c, k);
                    units.add(new Unit(county, "县" + c + "-" + k, "COUNTY", city, "COUNTY", null));
                    for (int t = 1; t <= TOWNSHIPS_PER_COUNTY; t++) {
                        boolean street = t % 4 == 0;
                        units.add(new Unit(county + "%03d".formatted(t), (street ? "街道" : "镇") + c + "-" + k + "-" + t,
                                "TOWNSHIP", county, street ? "STREET" : "TOWN", street ? "STREETS" : "TOWNS"));
                    }
                }
            }
            for (int d = 0; d < DEPARTMENTS; d++) {
                units.add(new Unit(PROVINCE + "-D%02d".formatted(d), "省厅" + d, "DEPARTMENT", PROVINCE, null,
                        "DEPARTMENTS"));
            }
            return new Province(units);
        }
    }

    /**
     * Writes the read model the assessment reads, in bulk and in the stored form: the units ({@code UnitChanged} as
     * the store keeps them), the year's unit list, every unit's year (through the store's own codec) and entries
     * for the departments (ratings, comprehensive evaluation) and some towns (claims), through the entries store.
     */
    static long load(ConfigurableApplicationContext app, MongoDatabase db, Province province) {
        JsonMapper json = app.getBean(JsonMapper.class);
        LocalDate day = LocalDate.of(YEAR, 1, 1);
        List<Document> unitDocs = new ArrayList<>();
        for (Unit u : province.units()) {
            UnitChanged changed = new UnitChanged(u.code(), u.name(), u.level(), u.parentCode(), u.kind(),
                    u.kind() == null ? "GOVERNMENT" : null, null, u.category(), "ACTIVE", null, List.of(),
                    "REGISTERED", 1, day);
            unitDocs.add(new Document("_id", u.code()).append("version", 1L).append("json", json.writeValueAsString(changed)));
        }
        insert(db.getCollection("assessment_units"), unitDocs, 1000);
        db.getCollection("assessment_years").insertOne(new Document("_id", YEAR)
                .append("units", province.units().stream().map(Unit::code).toList()));

        MongoCollection<Document> unitYears = db.getCollection("assessment_unit_years");
        MongoCollection<Document> facts = db.getCollection("assessment_facts");
        List<Document> batch = new ArrayList<>();
        List<Document> factsBatch = new ArrayList<>();
        long assignments = 0;
        for (int i = 0; i < province.units().size(); i++) {
            UnitYear u = unitYear(province.units().get(i), i);
            assignments += u.assignments().size();
            batch.add(StoredUnitYears.unitYear(u));
            factsBatch.addAll(StoredUnitYears.facts(u, 1L + periodsOf(FREQUENCY).size()));
            if (batch.size() == 32) {
                insert(unitYears, batch, 32);
                insert(facts, factsBatch, 3200);
                batch.clear();
                factsBatch.clear();
            }
        }
        insert(unitYears, batch, 32);
        insert(facts, factsBatch, 3200);

        EntriesStore entries = app.getBean(EntriesStore.class);
        ScoringRules rules = ScoringRules.seed003();
        List<Unit> towns = province.units().stream().filter(u -> "TOWNS".equals(u.category())).toList();
        SplittableRandom random = new SplittableRandom(6);
        Instant at = LocalDate.of(YEAR + 1, 1, 10).atStartOfDay().toInstant(ZoneOffset.ofHours(8));
        for (Unit u : province.units()) {
            UnitEntries e = UnitEntries.none(YEAR, u.code());
            if ("DEPARTMENTS".equals(u.category())) {
                e.evaluate(BigDecimal.valueOf(300 + random.nextInt(201), 2), rules);
                for (int r = 0; r < 5; r++) {
                    Unit rater = towns.get(random.nextInt(towns.size()));
                    e.rated(new Rating(rater.code(), Category.TOWN, u.code(), BigDecimal.valueOf(300 + random.nextInt(201), 2)));
                }
            } else if (u.category() != null && random.nextInt(10) == 0) {
                e.fileClaim(Seed003Catalogue.AWARD_MINISTRY_OR_PROVINCE, new BigDecimal("0.5"), "省级表彰" + u.code(),
                        List.of("文件" + u.code()), "省目标办", rules, "bench", at);
                if (random.nextInt(3) == 0) {
                    e.fileClaim(Seed003Catalogue.MEETING_ABSENT, new BigDecimal("0.3"), "会议缺席" + u.code(),
                            List.of("签到表"), "省目标办", rules, "bench", at);
                }
            }
            if (!e.isEmpty()) {
                assertThat(entries.save(e)).isTrue();
            }
        }
        return assignments;
    }

    private static void insert(MongoCollection<Document> collection, List<Document> docs, int batch) {
        for (int i = 0; i < docs.size(); i += batch) {
            collection.insertMany(docs.subList(i, Math.min(docs.size(), i + batch)));
        }
    }

    static List<Period> periodsOf(Frequency frequency) {
        return Period.ofYear(YEAR, frequency);
    }

    /**
     * One unit's year: 100 assignments (every tenth qualitative), each reported every period (one in twenty
     * corrected once), nine in ten quarter ends verified (mostly by the statistics bureau), one in a thousand
     * flagged as false. Quarterly by default: monthly reports of a whole province (12,000,000 period values) take
     * about 21 KiB of the protocol server's heap per assignment, more than this machine has; compare monthly on a
     * smaller province with {@code -Dbench.frequency=MONTHLY -Dbench.townships=18}.
     */
    static UnitYear unitYear(Unit unit, int index) {
        SplittableRandom random = new SplittableRandom(20300000L + index);
        List<Period> periods = periodsOf(FREQUENCY);
        Map<String, AssignmentFacts> assignments = new TreeMap<>();
        for (int i = 1; i <= TARGETS; i++) {
            String id = PROVINCE + "-" + YEAR + "-T%03d@".formatted(i) + unit.code();
            boolean qualitative = i % 10 == 0;
            BigDecimal target = qualitative ? null : BigDecimal.valueOf(1_000 + random.nextInt(1_000_000), 2);
            Terms terms = new Terms("T%03d".formatted(i), TITLES[i % TITLES.length] + "（" + i + "）",
                    qualitative ? "QUALITATIVE" : "CUMULATIVE", qualitative ? null : "万元", target,
                    i % 2 == 0 ? new BigDecimal("1.5") : new BigDecimal("0.5"),
                    unit.code().endsWith("-D00") ? "LEAD" : "SHARE", List.of(), PROVINCE, null, "PROVINCE", null, null, null);
            BigDecimal yearEnd = qualitative ? (random.nextInt(5) == 0 ? new BigDecimal("0.5") : BigDecimal.ONE)
                    : BigDecimal.valueOf(6_000 + random.nextInt(6_500), 4);
            Map<String, PeriodValue> values = new TreeMap<>();
            for (int k = 0; k < periods.size(); k++) {
                Period p = periods.get(k);
                BigDecimal completion = yearEnd.multiply(BigDecimal.valueOf(k + 1))
                        .divide(BigDecimal.valueOf(periods.size()), 4, RoundingMode.HALF_UP);
                LocalDate end = p.firstDay().plusMonths(p.frequency() == Frequency.MONTHLY ? 1 : 3);
                Instant reportedAt = end.plusDays(4).atStartOfDay().toInstant(ZoneOffset.ofHours(8))
                        .plusNanos(random.nextLong(36_000_000_000_000L) / 1000 * 1000);
                int version = random.nextInt(20) == 0 ? 2 : 1;
                BigDecimal value = target == null ? null : target.multiply(completion).setScale(2, RoundingMode.HALF_UP);
                BigDecimal verified = null;
                Instant verifiedAt = null;
                String source = null;
                BigDecimal verifiedValue = null;
                if (p.endMonth() % 3 == 0 && random.nextInt(10) != 0) {
                    verified = completion.add(BigDecimal.valueOf(random.nextInt(201) - 100, 4)).max(BigDecimal.ZERO);
                    verifiedAt = reportedAt.plusSeconds(15 * 86_400L + random.nextInt(86_400));
                    source = random.nextInt(5) < 3 ? "STATISTICS_BUREAU" : "BUSINESS_DEPARTMENT";
                    verifiedValue = target == null ? null : target.multiply(verified).setScale(2, RoundingMode.HALF_UP);
                }
                values.put(p.code(), new PeriodValue(p.code(), completion, version, verified, verifiedAt, source, value,
                        reportedAt, verifiedValue));
            }
            Set<FraudFlag> flags = random.nextInt(1000) == 0
                    ? Set.of(new FraudFlag("r-" + id, 1, periods.getLast().code(), "虚报完成值")) : Set.of();
            assignments.put(id, new AssignmentFacts(id, 1, terms, false, values, flags));
        }
        return new UnitYear(YEAR, unit.code(), unit.name(), assignments);
    }

    // ---- lag recomputation per progress event ----

    static final int EVENTS = Integer.getInteger("bench.events", 20_000);
    static final int WARMUP = Integer.getInteger("bench.warmup", 4_000);

    /**
     * Lag recomputation per progress event: the province's lag read model populated for the first three quarters
     * (1,000,000 assignments as {@code TargetAssigned}, their 2030Q3 actuals and lag statuses, in bulk and in the
     * stored form), and the assessment's unit-years (Q1 to Q3, 100 assignments each) of the units the events are
     * for; then 2030Q4 {@code ProgressReported} events handled one at a time, in a shuffled order, each timed:
     * through AssessLag alone (the recomputation) and through the service's whole handler (the recomputation and the
     * assessment's read model). Prints p50, p99 and the slowest of each.
     */
    @Test
    void recomputeLagPerProgressEventAgainstAPopulatedStore() {
        MongoServer server = new MongoServer(IdIndexedBackends.memory());
        server.bind("127.0.0.1", 0);
        String uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/bench";
        try (ConfigurableApplicationContext app = scoringService(uri)) {
            MongoDatabase db = app.getBean(MongoDatabase.class);
            JsonMapper json = app.getBean(JsonMapper.class);
            Province province = Province.generate();
            List<Period> quarters = Period.ofYear(YEAR, Frequency.QUARTERLY);
            LagRule rule = new LagRule(app.getBean(LagProperties.class).thresholdPoints());
            long t0 = System.nanoTime();
            MongoCollection<Document> targets = db.getCollection("assignments");
            MongoCollection<Document> actuals = db.getCollection("actuals");
            MongoCollection<Document> status = db.getCollection(LagStore.STATUS_COLLECTION);
            List<Document> t = new ArrayList<>();
            List<Document> a = new ArrayList<>();
            List<Document> st = new ArrayList<>();
            List<List<ProgressReported>> eventsByUnit = new ArrayList<>();
            for (int i = 0; i < province.units().size(); i++) {
                Unit unit = province.units().get(i);
                UnitYear facts = unitYear(unit, i);
                List<ProgressReported> unitEvents = new ArrayList<>();
                for (AssignmentFacts f : facts.assignments().values()) {
                    TargetAssigned target = targetOf(unit, f);
                    t.add(new Document("_id", target.assignmentId()).append("version", target.version())
                            .append("json", json.writeValueAsString(target)).append("unitCode", unit.code()));
                    PeriodValue q3 = f.periods().get(quarters.get(2).code());
                    PeriodValue q4 = f.periods().get(quarters.get(3).code());
                    if (q3.reportedValue() != null) {
                        String id = f.assignmentId() + "|" + q3.period();
                        a.add(new Document("_id", id).append("assignmentId", f.assignmentId()).append("period", q3.period())
                                .append("actual", new Decimal128(q3.countingValue())).append("reportId", "r-" + id));
                        LagRecord r = LagRecord.none(f.assignmentId(), quarters.get(2));
                        r.reassess(target, q3.countingValue(), rule, LagRecord.none(f.assignmentId(), quarters.get(1)));
                        st.add(statusDocument(id, r));
                        unitEvents.add(new ProgressReported("r-" + f.assignmentId() + "|" + q4.period(), f.assignmentId(),
                                unit.code(), q4.period(), q4.reportedValue(), q4.reported(), "bench", q4.reportedAt(),
                                false, 1, List.of()));
                    }
                }
                if (t.size() >= 5_000) {
                    flush(targets, t, actuals, a, status, st);
                }
                eventsByUnit.add(unitEvents);
            }
            flush(targets, t, actuals, a, status, st);
            // the assessment's read model of the units the events are for, as it stands before Q4
            SplittableRandom random = new SplittableRandom(64);
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < province.units().size(); i++) {
                order.add(i);
            }
            java.util.Collections.shuffle(order, new java.util.Random(64));
            List<ProgressReported> warmup = new ArrayList<>();
            List<ProgressReported> lagOnly = new ArrayList<>();
            List<ProgressReported> whole = new ArrayList<>();
            MongoCollection<Document> unitYears = db.getCollection("assessment_unit_years");
            MongoCollection<Document> facts = db.getCollection("assessment_facts");
            for (int i : order) {
                List<ProgressReported> unitEvents = eventsByUnit.get(i);
                List<ProgressReported> into = warmup.size() < WARMUP ? warmup : lagOnly.size() < EVENTS ? lagOnly
                        : whole.size() < EVENTS ? whole : null;
                if (into == null) {
                    break;
                }
                into.addAll(unitEvents);
                UnitYear before = withoutPeriod(unitYear(province.units().get(i), i), quarters.get(3).code());
                unitYears.insertOne(StoredUnitYears.unitYear(before));
                facts.insertMany(StoredUnitYears.facts(before, 4L));
            }
            eventsByUnit = null;
            System.gc();
            System.out.printf("%n(loaded %,d units' lag read model (%,d targets, %,d actuals, %,d lag statuses) and %,d "
                    + "unit-years in %.1f s; heap used %,d MiB)%n", province.units().size(), targets.countDocuments(),
                    actuals.countDocuments(), status.countDocuments(), unitYears.countDocuments(),
                    (System.nanoTime() - t0) / 1e9, heapUsedMiB());

            AssessLag lag = app.getBean(AssessLag.class);
            @SuppressWarnings("unchecked")
            EventHandler<ProgressReported> handler = app.getBean("progressReported", EventHandler.class);
            shuffle(warmup, random);
            shuffle(lagOnly, random);
            shuffle(whole, random);
            timed(warmup, e -> handler.handle(e, inbound(e)));
            long[] lagNanos = timed(lagOnly, lag::progressReported);
            long[] wholeNanos = timed(whole, e -> handler.handle(e, inbound(e)));
            System.out.printf("%n=== LAG RECOMPUTATION PER PROGRESS EVENT (issue 6) ===%n");
            System.out.printf("store:      %,d assignments with their targets, 2030Q3 actuals and lag statuses; events: "
                    + "2030Q4 reports, shuffled, one at a time after %,d warm-up events%n", targets.countDocuments(),
                    warmup.size());
            System.out.println(percentiles("lag recomputation (AssessLag)", lagNanos));
            System.out.println(percentiles("whole handler (lag + assessment read model)", wholeNanos));
            System.out.printf("goal: lag recomputation per event p99 under 20 ms%n");
        } finally {
            server.shutdownNow();
        }
    }

    private static void flush(MongoCollection<Document> targets, List<Document> t, MongoCollection<Document> actuals,
                              List<Document> a, MongoCollection<Document> status, List<Document> st) {
        insert(targets, t, 1000);
        insert(actuals, a, 1000);
        insert(status, st, 1000);
        t.clear();
        a.clear();
        st.clear();
    }

    /** A lag status document with the fields {@link LagStore#save} writes (its events published: no outbox). */
    private static Document statusDocument(String id, LagRecord r) {
        LagAssessment x = r.assessment();
        return new Document("_id", id).append("assignmentId", r.assignmentId()).append("period", r.period().code())
                .append("status", r.status().name()).append("expectedShare", new Decimal128(x.expectedShare()))
                .append("completion", new Decimal128(x.completion())).append("gapPoints", new Decimal128(x.gapPoints()))
                .append("reason", x.reason()).append("actual", new Decimal128(r.actual()))
                .append("escalated", r.escalated()).append("version", 1L);
    }

    static TargetAssigned targetOf(Unit unit, AssignmentFacts f) {
        Terms x = f.terms();
        return new TargetAssigned(f.assignmentId(), PROVINCE + "-" + YEAR, YEAR, x.targetCode(), x.title(), "ECO",
                unit.code(), unit.name(), List.of(), PROVINCE + "-D00",
                x.qualitative() ? IndicatorKind.QUALITATIVE : IndicatorKind.CUMULATIVE, x.unitOfMeasure(),
                x.targetValue(), x.standardScore(), Frequency.QUARTERLY, null, List.of(), 1);
    }

    private static UnitYear withoutPeriod(UnitYear u, String period) {
        Map<String, AssignmentFacts> next = new TreeMap<>();
        u.assignments().forEach((id, f) -> {
            Map<String, PeriodValue> periods = new TreeMap<>(f.periods());
            periods.remove(period);
            next.put(id, new AssignmentFacts(id, f.version(), f.terms(), f.withdrawn(), periods, f.fraudFlags()));
        });
        return new UnitYear(u.year(), u.unitCode(), u.unitName(), next);
    }

    private static InboundEvent inbound(ProgressReported e) {
        return new InboundEvent(e.reportId(), ProgressReported.TYPE, "/mubiao/progress-service", e.assignmentId(),
                e.reportedAt(), null, "mubiao.progress.events", 0, 0);
    }

    private static <T> void shuffle(List<T> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            java.util.Collections.swap(list, i, random.nextInt(i + 1));
        }
    }

    private static long[] timed(List<ProgressReported> events, java.util.function.Consumer<ProgressReported> handle) {
        long[] nanos = new long[events.size()];
        for (int i = 0; i < events.size(); i++) {
            long t0 = System.nanoTime();
            handle.accept(events.get(i));
            nanos[i] = System.nanoTime() - t0;
        }
        return nanos;
    }

    private static String percentiles(String label, long[] nanos) {
        long[] sorted = nanos.clone();
        java.util.Arrays.sort(sorted);
        double total = java.util.Arrays.stream(sorted).sum() / 1e9;
        return "%-45s %,d events in %.1f s (%,.0f/s): p50 %.2f ms, p99 %.2f ms, slowest %.1f ms".formatted(label,
                sorted.length, total, sorted.length / total, sorted[sorted.length / 2] / 1e6,
                sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6, sorted[sorted.length - 1] / 1e6);
    }
}
