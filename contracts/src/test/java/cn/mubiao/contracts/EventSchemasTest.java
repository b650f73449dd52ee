package cn.mubiao.contracts;

import cn.mubiao.contracts.notification.WarningDelivered;
import cn.mubiao.contracts.progress.ProgressReported;
import cn.mubiao.contracts.scoring.StatusChanged;
import cn.mubiao.contracts.target.TargetAssigned;
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
                new ProgressReported("r-1", "2007-A03@410102", "410102", "200707", new BigDecimal("95"),
                        new BigDecimal("0.475"), "zy-reporter", Instant.parse("2007-08-03T02:00:00Z"), false),
                new StatusChanged("2007-A03@410102", "410102", "中原区", "A03", "新增城镇固定资产投资", "200707",
                        null, LagStatus.SERIOUSLY_LAGGING, new BigDecimal("0.5833"), new BigDecimal("0.475"),
                        new BigDecimal("10.8"), new BigDecimal("95"), new BigDecimal("200"), "亿元",
                        "完成47.5%，低于序时进度58.3%，差距10.8个百分点"),
                new WarningDelivered("d-1", "e-1", "2007-A03@410102", "410102", "zy-leader", "SMS", "13800000012",
                        Instant.parse("2007-08-03T02:00:01Z")));
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
