package cn.mubiao.contracts;

import cn.mubiao.contracts.notification.DeliveryFailed;
import cn.mubiao.contracts.notification.WarningDelivered;
import cn.mubiao.contracts.progress.FraudFlagged;
import cn.mubiao.contracts.progress.MilestoneProgress;
import cn.mubiao.contracts.progress.ProgressCorrected;
import cn.mubiao.contracts.progress.ProgressReported;
import cn.mubiao.contracts.progress.ProgressReturned;
import cn.mubiao.contracts.progress.ProgressVerified;
import cn.mubiao.contracts.progress.ValueSource;
import cn.mubiao.contracts.progress.ReportDue;
import cn.mubiao.contracts.progress.ReportOverdue;
import cn.mubiao.contracts.scoring.AssessmentPublished;
import cn.mubiao.contracts.scoring.EscalationRaised;
import cn.mubiao.contracts.scoring.ResultRevised;
import cn.mubiao.contracts.scoring.StatusChanged;
import cn.mubiao.contracts.target.TargetAssigned;
import cn.mubiao.contracts.target.UnitChanged;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class EventSchemasTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final com.fasterxml.jackson.databind.ObjectMapper SCHEMA_JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    static Stream<MubiaoEvent> samples() {
        return Stream.of(
                new TargetAssigned("2007-A03@410102", "2007-410100", 2007, "A03", "新增城镇固定资产投资", "跨越式发展目标",
                        "410102", "中原区", List.of("410100-JWJ"), "410100-TJJ", IndicatorKind.CUMULATIVE, "亿元", new BigDecimal("200"),
                        new BigDecimal("10"), Frequency.MONTHLY, List.of(), List.of("张副市长"), 1),
                new TargetAssigned("410100-2007-B01@410102", "410100-2007", 2007, "B01", "建成市民服务中心", "十件实事",
                        "410102", "中原区", List.of(), null, IndicatorKind.QUALITATIVE, null, null, new BigDecimal("5"),
                        Frequency.QUARTERLY, List.of(), List.of(), 1, "410100-2007-B01", null, "LEAD", "410100", true, null,
                        "CITY", null, List.of(new cn.mubiao.contracts.target.Milestone(java.time.LocalDate.parse("2007-06-30"), "主体封顶"))),
                new TargetAssigned("410100-2007-A03@410100-FGW", "410100-2007", 2007, "A03", "新增城镇固定资产投资", "跨越式发展目标",
                        "410100-FGW", "市发改委", List.of(), "410100-TJJ", IndicatorKind.CUMULATIVE, "亿元", new BigDecimal("220"),
                        new BigDecimal("50"), Frequency.MONTHLY, List.of(), List.of(), 1, "410100-2007-A03", null, "LEAD", "410100",
                        false, null, "PROVINCE", "HN-JJ-03", List.of(), new BigDecimal("220"), new BigDecimal("200"), "PROVINCE"),
                new cn.mubiao.contracts.target.PlanIssued("410100-2007", "410100", 2007, "2007年郑州市人民政府目标",
                        List.of(new cn.mubiao.contracts.target.PlanIssued.Category("LEAP", "跨越式发展目标")), List.of("410102", "410100-FGW"),
                        11, 180, java.time.LocalDate.parse("2007-07-01"), Instant.parse("2007-02-01T02:00:00Z"), 1),
                new cn.mubiao.contracts.target.TargetAdjusted("410100-2007-A03@410102", "adj-1", "410100-2007", "410102",
                        new BigDecimal("20"), new BigDecimal("18"), new BigDecimal("10"), new BigDecimal("10"), "受拆迁进度影响",
                        false, "city-office", Instant.parse("2007-06-20T02:00:00Z"), 2),
                new cn.mubiao.contracts.target.AssignmentWithdrawn("410100-2007-A03@410102", "410100-2007", "410102",
                        "项目停建", "city-office", Instant.parse("2007-09-01T02:00:00Z"), 3),
                new ProgressReported("r-1", "2007-A03@410102", "410102", "200707", new BigDecimal("95"),
                        new BigDecimal("0.475"), "zy-reporter", Instant.parse("2007-08-03T02:00:00Z"), false),
                new ProgressReported("410100-2007-B01@410102:2007Q2", "410100-2007-B01@410102", "410102", "2007Q2", null,
                        new BigDecimal("0.5"), "zy-reporter", Instant.parse("2007-07-03T02:00:00Z"), false, 1,
                        List.of(new MilestoneProgress("主体封顶", LocalDate.parse("2007-06-30"), true, LocalDate.parse("2007-06-28"), "已封顶"),
                                new MilestoneProgress("竣工验收", LocalDate.parse("2007-12-31"), false, null, null))),
                new ProgressCorrected("r-1", "2007-A03@410102", "410102", "200707", 2, new BigDecimal("96.5"),
                        new BigDecimal("0.4825"), List.of(), "漏报一个项目", "zy-reporter", Instant.parse("2007-08-04T02:00:00Z"), false),
                new ProgressVerified("r-1", "2007-A03@410102", "410102", "200707", 2, ProgressVerified.VALUE_RECORDED,
                        ValueSource.STATISTICS_BUREAU, new BigDecimal("96"), ValueSource.STATISTICS_BUREAU, new BigDecimal("0.48"),
                        "tjj-monitor", "410100-TJJ", Instant.parse("2007-08-06T02:00:00Z")),
                new ProgressReturned("r-1", "2007-A03@410102", "410102", "200707", 1, "缺少佐证材料", "zy-reporter",
                        "tjj-monitor", "410100-TJJ", Instant.parse("2007-08-05T02:00:00Z"), "新增城镇固定资产投资", "中原区"),
                new FraudFlagged("r-1", "2007-A03@410102", "410102", "200707", 1, "与统计数据严重不符", "zy-reporter",
                        "tjj-monitor", "410100-TJJ", Instant.parse("2007-08-05T02:00:00Z")),
                new ReportDue("2007-A03@410102", "410102", "中原区", 2007, "新增城镇固定资产投资", "200708",
                        LocalDate.parse("2007-09-05"), 2),
                new ReportOverdue("2007-A03@410102", "410102", "中原区", 2007, "新增城镇固定资产投资", "2007Q3",
                        LocalDate.parse("2007-10-05"), LocalDate.parse("2007-10-06"), 1),
                new StatusChanged("2007-A03@410102", "410102", "中原区", "A03", "新增城镇固定资产投资", "200707",
                        null, LagStatus.SERIOUSLY_LAGGING, new BigDecimal("0.5833"), new BigDecimal("0.475"),
                        new BigDecimal("10.8"), new BigDecimal("95"), new BigDecimal("200"), "亿元",
                        "完成47.5%，低于序时进度58.3%，差距10.8个百分点"),
                new EscalationRaised("410100-2007-A03@410102", "410102", "中原区", "A03", "新增城镇固定资产投资", "200706",
                        "200707", new BigDecimal("0.42"), new BigDecimal("0.58333"), new BigDecimal("16.3333"),
                        "完成42.0%，低于序时进度58.3%，差距16.3个百分点", "410100", "410100"),
                new EscalationRaised("2007-B02@410100-FGW", "410100-FGW", "市发改委", null, null, "2007Q2", "2007Q3",
                        new BigDecimal("0.5"), new BigDecimal("0.75"), new BigDecimal("25"),
                        "完成50.0%，低于序时进度75.0%，差距25.0个百分点", null, "410100"),
                new AssessmentPublished(2007, "410100", "410100-FGW", "市发改委", "DEPARTMENTS", new BigDecimal("103.7444"),
                        "103.74", "FIRST", "一等奖 / first prize", 1, 12, false, 1, Instant.parse("2008-02-01T02:00:00Z")),
                new AssessmentPublished(2007, "410100", "410100-CZJ", "市财政局", "DEPARTMENTS", new BigDecimal("95.5"),
                        "95.50", "BASIC", "基本奖 / basic award", null, 12, true, 1, Instant.parse("2008-02-01T02:00:00Z")),
                new ResultRevised(2007, "410100-FGW", "市发改委", 1, 1, 2, new BigDecimal("95.5556"), new BigDecimal("96.5556"),
                        "96.56", "BASIC", "基本奖 / basic award", 9, "补录省级表彰", List.of(
                        new ResultRevised.Change("C3", "加减分 C3 / claim C3", null, "1"),
                        new ResultRevised.Change("total", "总分 / total", "95.5556", "96.5556")),
                        Instant.parse("2008-02-10T02:00:00Z")),
                new WarningDelivered("d-1", "e-1", "2007-A03@410102", "410102", "zy-leader", "SMS", "13800000012",
                        Instant.parse("2007-08-03T02:00:01Z")),
                new WarningDelivered("d-2", "e-2", null, "410100-FGW", "fgw-leader", "EMAIL", "fgw-leader@demo.mubiao.cn",
                        Instant.parse("2008-02-01T02:00:01Z")),
                new DeliveryFailed("d-3", "e-3", "2007-A03@410102", "410102", "zy-leader", "SMS", "1380000001", "INVALID_ADDRESS",
                        "not a valid mobile number: 1380000001", 0, Instant.parse("2007-08-03T02:00:01Z")),
                new DeliveryFailed("d-4", "e-4", null, "410100-FGW", "fgw-leader", "EMAIL", "fgw-leader@demo.mubiao.cn", "DEAD",
                        "Connection refused", 5, Instant.parse("2008-02-01T04:00:01Z")),
                new UnitChanged("410102", "中原区", "COUNTY", "410100", "DISTRICT", null, null, null, "ACTIVE", null,
                        List.of(new UnitChanged.Contact("王主任", "区目标办主任", "13800000011", "zy@demo.mubiao.cn")),
                        "REGISTERED", 1, LocalDate.parse("2007-01-01")),
                new UnitChanged("520201-XFJ", "区信访局", "DEPARTMENT", "520201", null, "PARTY", "520201-QWB", null,
                        "CLOSED", "520201-QWB", List.of(), "CLOSED", 3, LocalDate.parse("2008-06-30")));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyEventSerialisesToJsonThatItsPublishedSchemaAccepts(MubiaoEvent event) throws Exception {
        String json = JSON.writeValueAsString(event);

        Set<ValidationMessage> errors = schemaFor(event.eventType()).validate(SCHEMA_JSON.readTree(json));

        assertThat(errors).as(json).isEmpty();
        assertThat(json).doesNotContain("eventType").doesNotContain("aggregateId");
    }

    @ParameterizedTest
    @MethodSource("samples")
    void eventTypesAreLogicalAndVersionedNeverJavaClassNames(MubiaoEvent event) {
        assertThat(event.eventType())
                .matches("mubiao\\.(target|progress|scoring|notification)\\.[A-Z][A-Za-z]+\\.v[0-9]+")
                .doesNotContain("cn.mubiao");
    }

    @Test
    void schemaRejectsAReportWithANegativeActualOrABadPeriodCode() throws Exception {
        JsonSchema schema = schemaFor(ProgressReported.TYPE);
        String bad = """
                {"reportId":"r","assignmentId":"a","unitCode":"410102","period":"2007-07",
                 "cumulativeActual":-1,"reportedAt":"2007-08-03T02:00:00Z","late":false}""";

        Set<ValidationMessage> errors = schema.validate(SCHEMA_JSON.readTree(bad));

        assertThat(errors).extracting(ValidationMessage::getInstanceLocation).map(Object::toString)
                .anyMatch(l -> l.contains("period")).anyMatch(l -> l.contains("cumulativeActual"));
    }

    @Test
    void reminderSchemasRejectADueDateWithATimeAndAnOverdueNoticeThatIsNotOverdue() throws Exception {
        String due = """
                {"assignmentId":"a","unitCode":"410102","year":2007,"targetTitle":"t","period":"200708",
                 "dueDate":"2007-09-05T00:00:00Z","daysLeft":2}""";
        String overdue = """
                {"assignmentId":"a","unitCode":"410102","year":2007,"targetTitle":"t","period":"200708",
                 "dueDate":"2007-09-05","overdueSince":"2007-09-06","daysOverdue":0}""";

        assertThat(schemaFor(ReportDue.TYPE).validate(SCHEMA_JSON.readTree(due)))
                .extracting(ValidationMessage::getInstanceLocation).map(Object::toString).anyMatch(l -> l.contains("dueDate"));
        assertThat(schemaFor(ReportOverdue.TYPE).validate(SCHEMA_JSON.readTree(overdue)))
                .extracting(ValidationMessage::getInstanceLocation).map(Object::toString).anyMatch(l -> l.contains("daysOverdue"));
    }

    @Test
    void unitSchemaRejectsAnUnknownLevelAndADateWithATime() throws Exception {
        JsonSchema schema = schemaFor(UnitChanged.TYPE);
        String bad = """
                {"code":"410102","name":"中原区","level":"DISTRICT","status":"ACTIVE","contacts":[],
                 "change":"REGISTERED","version":1,"validFrom":"2007-01-01T00:00:00Z"}""";

        Set<ValidationMessage> errors = schema.validate(SCHEMA_JSON.readTree(bad));

        assertThat(errors).extracting(ValidationMessage::getInstanceLocation).map(Object::toString)
                .anyMatch(l -> l.contains("level")).anyMatch(l -> l.contains("validFrom"));
    }

    @Test
    void escalationSchemaRejectsOneWithoutTheLevelItGoesToOrWithABadPeriodCode() throws Exception {
        String bad = """
                {"assignmentId":"a","unitCode":"410102","previousPeriod":"2007-06","period":"200707","completion":0.42,
                 "expectedShare":0.58,"gapPoints":16.3,"reason":"r"}""";

        Set<ValidationMessage> errors = schemaFor(EscalationRaised.TYPE).validate(SCHEMA_JSON.readTree(bad));

        assertThat(errors).extracting(ValidationMessage::getMessage).anyMatch(m -> m.contains("escalateToUnitCode"));
        assertThat(errors).extracting(ValidationMessage::getInstanceLocation).map(Object::toString)
                .anyMatch(l -> l.contains("previousPeriod"));
    }

    @Test
    void aDeliveryAboutNoAssignmentIsKeyedByTheUnitTold() {
        assertThat(new WarningDelivered("d-2", "e-2", null, "410100-FGW", "fgw-leader", "SMS", "1", Instant.EPOCH)
                .aggregateId()).isEqualTo("410100-FGW");
        assertThat(new WarningDelivered("d-1", "e-1", "a-1", "410102", "zy-leader", "SMS", "1", Instant.EPOCH)
                .aggregateId()).isEqualTo("a-1");
    }

    @Test
    void aTargetAssignedFromBeforeItCarriedTheProvinceAlignmentStillReadsWithoutIt() throws Exception {
        String old = """
                {"assignmentId":"410100-2007-A03@410102","planId":"410100-2007","year":2007,"targetCode":"A03",
                 "targetTitle":"新增城镇固定资产投资","unitCode":"410102","indicatorKind":"CUMULATIVE","unitOfMeasure":"亿元",
                 "targetValue":120,"frequency":"MONTHLY","version":1,"source":"PROVINCE","provinceCode":"HN-JJ-03"}""";

        TargetAssigned read = JSON.readValue(old, TargetAssigned.class);

        assertThat(schemaFor(TargetAssigned.TYPE).validate(SCHEMA_JSON.readTree(old))).isEmpty();
        assertThat(read.provinceCode()).isEqualTo("HN-JJ-03");
        assertThat(read.provinceTargetValue()).isNull();
        assertThat(read.cityTargetValue()).isNull();
        assertThat(read.targetValueProvenance()).isNull();
        assertThat(schemaFor(TargetAssigned.TYPE).validate(SCHEMA_JSON.readTree(
                old.replace("\"version\":1", "\"version\":1,\"targetValueProvenance\":\"HIGHER\""))))
                .extracting(ValidationMessage::getInstanceLocation).map(Object::toString)
                .anyMatch(l -> l.contains("targetValueProvenance"));
    }

    @Test
    void readersIgnoreFieldsAddedLater() throws Exception {
        String withExtra = """
                {"reportId":"r","assignmentId":"a","unitCode":"410102","period":"200707","cumulativeActual":1,
                 "completion":0.1,"reportedBy":"x","reportedAt":"2007-08-03T02:00:00Z","late":false,"newField":42}""";

        ProgressReported read = JSON.rebuild()
                .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                .readValue(withExtra, ProgressReported.class);

        assertThat(read.period()).isEqualTo("200707");
    }

    @Test
    void everyTopicHasADeadLetterTopic() {
        assertThat(Topics.ALL).allSatisfy(t -> assertThat(Topics.deadLetter(t)).isEqualTo(t + ".DLT"));
    }

    private static JsonSchema schemaFor(String type) throws Exception {
        try (InputStream in = EventSchemasTest.class.getResourceAsStream("/schemas/" + type + ".json")) {
            assertThat(in).as("schema for " + type).isNotNull();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }
}
