package cn.mubiao.target.bench;

import cn.mubiao.contracts.Frequency;
import cn.mubiao.contracts.IndicatorKind;
import cn.mubiao.kit.security.Caller;
import cn.mubiao.kit.security.Level;
import cn.mubiao.target.TargetApplication;
import cn.mubiao.target.plan.application.DraftPlans;
import cn.mubiao.target.plan.application.IssuePlans;
import cn.mubiao.target.plan.domain.Allocation;
import cn.mubiao.target.plan.domain.Category;
import cn.mubiao.target.plan.domain.TargetDefinition;
import cn.mubiao.target.unit.application.MaintainUnits;
import cn.mubiao.target.unit.domain.AssessmentCategory;
import cn.mubiao.target.unit.domain.DepartmentKind;
import cn.mubiao.target.unit.domain.Profile;
import cn.mubiao.target.unit.domain.RegionKind;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4's benchmark: import a province-sized target system (10,001 units; 100 targets split down the whole tree,
 * 1,000,000 assignments) and issue it, through target-service's own application layer on the MongoDB protocol
 * server the platform runs on (in memory here), and compare the rate with the raw insert of the same assignment
 * documents into the same server in the same run. A figure printer, not a timed test: it asserts only that the
 * work was done. Run it with {@code infra/bench/target-import}; smaller with {@code -Dbench.townships=10}.
 */
class TargetImportBench {

    static final int CITIES = Integer.getInteger("bench.cities", 18);
    static final int COUNTIES_PER_CITY = Integer.getInteger("bench.counties", 10);
    static final int TOWNSHIPS_PER_COUNTY = Integer.getInteger("bench.townships", 54);
    static final int DEPARTMENTS = Integer.getInteger("bench.departments", 81);
    static final int TARGETS = Integer.getInteger("bench.targets", 100);

    @Test
    void importAndIssueAProvinceSizedSystemAgainstTheRawInsertOfTheSameDocuments() throws Exception {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        String uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/bench";
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TargetApplication.class)
                .run("--spring.mongodb.uri=" + uri, "--server.port=0", "--mubiao.events.subscribe=",
                        "--mubiao.events.relay-interval=1h",
                        // nothing is published during the run: the relay's sweeps are not part of the issue
                        "--mubiao.events.outbox-collections=", "--logging.level.root=WARN", "--spring.main.banner-mode=off")) {
            run(app);
        } finally {
            server.shutdownNow();
        }
    }

    private void run(ConfigurableApplicationContext app) {
        MaintainUnits units = app.getBean(MaintainUnits.class);
        DraftPlans drafts = app.getBean(DraftPlans.class);
        IssuePlans issues = app.getBean(IssuePlans.class);
        MongoDatabase db = app.getBean(MongoDatabase.class);
        Caller cityOffice = new Caller("bench", "bench-city", "410100", Level.CITY, Set.of("city", "target-office"));
        Caller office = new Caller("bench", "bench-province", "410000", Level.PROVINCE, Set.of("target-office"));
        LocalDate day = LocalDate.of(2030, 1, 1);

        // the unit tree: a province, its cities, counties, townships and the province's departments
        long t0 = System.nanoTime();
        units.put(cityOffice, "410000", null, new Profile("省", RegionKind.PROVINCE, null, null, null), List.of(), day);
        List<String> cities = new ArrayList<>();
        List<List<String>> countiesOf = new ArrayList<>();
        List<List<List<String>>> townshipsOf = new ArrayList<>();
        for (int c = 1; c <= CITIES; c++) {
            String city = "41%02d00".formatted(c);
            cities.add(city);
            units.put(office, city, "410000", new Profile("市" + c, RegionKind.CITY, null, null, null), List.of(), day);
            List<String> counties = new ArrayList<>();
            List<List<String>> townships = new ArrayList<>();
            for (int k = 1; k <= COUNTIES_PER_CITY; k++) {
                String county = "41%02d%02d".formatted(c, k);
                counties.add(county);
                units.put(office, county, city, new Profile("县" + c + "-" + k, RegionKind.COUNTY, null, null, null), List.of(), day);
                List<String> towns = new ArrayList<>();
                for (int t = 1; t <= TOWNSHIPS_PER_COUNTY; t++) {
                    String town = county + "%03d".formatted(t);
                    towns.add(town);
                    units.put(office, town, county, new Profile("镇" + c + "-" + k + "-" + t, RegionKind.TOWN, null, null,
                            AssessmentCategory.TOWNS), List.of(), day);
                }
                townships.add(towns);
            }
            countiesOf.add(counties);
            townshipsOf.add(townships);
        }
        List<String> departments = new ArrayList<>();
        for (int d = 0; d <= DEPARTMENTS; d++) {
            String dept = "410000-D%02d".formatted(d);
            departments.add(dept);
            units.put(office, dept, "410000", new Profile("省厅" + d, null, DepartmentKind.GOVERNMENT, null,
                    AssessmentCategory.DEPARTMENTS), List.of(), day);
        }
        double unitSeconds = (System.nanoTime() - t0) / 1e9;
        int unitCount = 1 + CITIES + CITIES * COUNTIES_PER_CITY + CITIES * COUNTIES_PER_CITY * TOWNSHIPS_PER_COUNTY + departments.size();

        // the plan: every target led by D00 and split to every department, city, county and township
        String planId = drafts.describe(office, "410000", 2030, "2030年省政府目标（基准）", List.of(new Category("ECO", "经济发展")), null)
                .value().id();
        BigDecimal score = BigDecimal.valueOf(100).divide(BigDecimal.valueOf(TARGETS), 6, RoundingMode.UNNECESSARY);
        long t1 = System.nanoTime();
        int assignments = 0;
        for (int i = 1; i <= TARGETS; i++) {
            BigDecimal value = BigDecimal.valueOf(1_000_000);
            var definition = new TargetDefinition("T%03d".formatted(i), "基准目标" + i, "ECO", false, IndicatorKind.CUMULATIVE,
                    "亿元", value, null, List.of(), List.of(departments.get(0)), List.of(), null, score, Frequency.MONTHLY,
                    null, null, null, null, null);
            List<Allocation> split = new ArrayList<>();
            BigDecimal perDept = share(value, DEPARTMENTS);
            for (String d : departments.subList(1, departments.size())) {
                split.add(new Allocation(d, null, perDept, score, null));
            }
            BigDecimal perCity = share(value, CITIES);
            BigDecimal perCounty = share(perCity, COUNTIES_PER_CITY);
            BigDecimal perTown = share(perCounty, TOWNSHIPS_PER_COUNTY);
            for (int c = 0; c < CITIES; c++) {
                split.add(new Allocation(cities.get(c), null, perCity, score, null));
                for (int k = 0; k < COUNTIES_PER_CITY; k++) {
                    String county = countiesOf.get(c).get(k);
                    split.add(new Allocation(county, cities.get(c), perCounty, score, null));
                    for (String town : townshipsOf.get(c).get(k)) {
                        split.add(new Allocation(town, county, perTown, score, null));
                    }
                }
            }
            drafts.write(List.of(drafts.prepare(drafts.draftToEdit(office, planId), definition, split)));
            assignments += split.size() + 1;
        }
        double importSeconds = (System.nanoTime() - t1) / 1e9;
        long t2 = System.nanoTime();
        issues.issue(office, planId);
        double issueSeconds = (System.nanoTime() - t2) / 1e9;
        long stored = db.getCollection("assignments").countDocuments();
        assertThat(stored).isEqualTo(assignments);

        // the baseline: the same documents inserted as they are into another collection of the same server
        System.out.printf("%n(imported in %.1f s, issued in %.1f s; reading the documents back for the baseline)%n",
                importSeconds, issueSeconds);
        // read back a thousand at a time (untimed), each thousand inserted as it is (timed)
        var raw = db.getCollection("raw_assignments");
        long rawNanos = 0;
        List<Document> chunk = new ArrayList<>(1000);
        try (var cursor = db.getCollection("assignments").find().batchSize(1000).iterator()) {
            while (cursor.hasNext()) {
                chunk.add(cursor.next());
                if (chunk.size() == 1000 || !cursor.hasNext()) {
                    long t3 = System.nanoTime();
                    raw.insertMany(chunk, new InsertManyOptions().ordered(false));
                    rawNanos += System.nanoTime() - t3;
                    chunk.clear();
                }
            }
        }
        double rawSeconds = rawNanos / 1e9;
        assertThat(raw.countDocuments()).isEqualTo(assignments);

        double rate = assignments / (importSeconds + issueSeconds);
        double rawRate = assignments / rawSeconds;
        System.out.printf("%n=== TARGET IMPORT AND ISSUE (issue 4) ===%n");
        System.out.printf("units registered:      %,d in %.1f s (%,.0f units/s, through MaintainUnits)%n", unitCount, unitSeconds,
                unitCount / unitSeconds);
        System.out.printf("targets:               %,d, each split to %,d holders%n", TARGETS, assignments / TARGETS);
        System.out.printf("import (draft):        %.1f s%n", importSeconds);
        System.out.printf("issue:                 %.1f s (%,d assignments with TargetAssigned, %,d letters)%n", issueSeconds,
                assignments, db.getCollection("letters").countDocuments());
        System.out.printf("import + issue:        %,.0f assignments/s%n", rate);
        System.out.printf("raw insert, same docs: %,.0f assignments/s (%.1f s)%n", rawRate, rawSeconds);
        System.out.printf("ratio to raw:          %.2f (goal: at least 0.3)%n", rate / rawRate);
    }

    /** An even share, rounded up so the shares add up to at least the whole. */
    private static BigDecimal share(BigDecimal whole, int parts) {
        return whole.divide(BigDecimal.valueOf(parts), 4, RoundingMode.UP);
    }
}
