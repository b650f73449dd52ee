package cn.mubiao.progress.evidence;

import cn.mubiao.contracts.Frequency;
import cn.mubiao.contracts.IndicatorKind;
import cn.mubiao.kit.testing.InMemoryMongo;
import cn.mubiao.progress.assignment.domain.Assignment;
import cn.mubiao.progress.assignment.persistence.AssignmentStore;
import com.jayway.jsonpath.JsonPath;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static cn.mubiao.kit.testing.Tokens.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Evidence files in GridFS: what is taken, what is refused, who reads them. */
@SpringBootTest(properties = {"mubiao.events.subscribe=", "mubiao.events.relay-interval=1h",
        "mubiao.progress.evidence.max-size=64KB"})
@AutoConfigureMockMvc
class EvidenceApiTest {

    static final byte[] PDF = pdf(2_000);

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> InMemoryMongo.uri("progress-evidence-test"));
    }

    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2007-08-03T02:00:00Z"), ZoneOffset.UTC);
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    AssignmentStore assignments;
    @Autowired
    MongoDatabase db;

    private String reportId;

    @BeforeEach
    void anInvestmentTargetOfZhongyuan() {
        String id = "410100-2007-E" + UUID.randomUUID().toString().substring(0, 6) + "@410102";
        assignments.save(new Assignment(id, "410102", "中原区", 2007, "新增城镇固定资产投资", IndicatorKind.CUMULATIVE,
                new BigDecimal("200"), "亿元", Frequency.MONTHLY, List.of(), "410100-TJJ", 1));
        reportId = id + ":200707";
    }

    static byte[] pdf(int size) {
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) 'x');
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, b, 0, 9);
        return b;
    }

    static JwtRequestPostProcessor zyReporter() {
        return user("410102", "county", "reporter");
    }

    private ResultActions upload(JwtRequestPostProcessor who, String name, byte[] bytes) throws Exception {
        return mvc.perform(multipart("/api/progress/reports/{id}/evidence", reportId)
                .file(new MockMultipartFile("file", name, "application/octet-stream", bytes)).with(who));
    }

    private long storedFiles() {
        return db.getCollection("evidence.files").countDocuments(new Document("metadata.reportId", reportId));
    }

    @Test
    void aPdfIsStoredInGridFsAndComesBackByteForByteToTheMonitor() throws Exception {
        String body = upload(zyReporter(), "投资项目台账.pdf", PDF)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.contentType", is("application/pdf")))
                .andExpect(jsonPath("$.size", is(PDF.length)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String fileId = JsonPath.read(body, "$.fileId");

        mvc.perform(get("/api/progress/reports/{id}", reportId).with(zyReporter()))
                .andExpect(jsonPath("$.evidence[0].name", is("投资项目台账.pdf")))
                .andExpect(jsonPath("$.status", is("OPEN")));
        byte[] back = mvc.perform(get("/api/progress/reports/{id}/evidence/{f}", reportId, fileId)
                        .with(user("410100-TJJ", "department", "monitor")))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andExpect(header().string("Content-Disposition", containsString("filename*=UTF-8''")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(back).isEqualTo(PDF);
    }

    @Test
    void aRenamedProgramIsRefusedAndNothingIsStored() throws Exception {
        byte[] exe = "MZ\u0090\u0000 this program cannot be run in DOS mode".getBytes(StandardCharsets.ISO_8859_1);

        upload(zyReporter(), "台账.pdf", exe)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field", is("file")));
        upload(zyReporter(), "setup.exe", exe)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("PDF")));
        assertThat(storedFiles()).isZero();
    }

    @Test
    void aFileOverTheLimitIs413AndNothingIsStored() throws Exception {
        upload(zyReporter(), "扫描件.pdf", pdf(65 * 1024))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field", is("file")));
        assertThat(storedFiles()).isZero();
    }

    @Test
    void theSameFileTwiceIsAConflictAndTheSecondCopyIsDiscarded() throws Exception {
        upload(zyReporter(), "a.pdf", PDF).andExpect(status().isCreated());

        upload(zyReporter(), "b.pdf", PDF).andExpect(status().isConflict());
        assertThat(storedFiles()).isEqualTo(1);
    }

    @Test
    void onlyTheUnitsReporterUploadsAndOtherUnitsSeeNothing() throws Exception {
        upload(user("410105", "county", "reporter"), "a.pdf", PDF).andExpect(status().isNotFound());
        upload(user("410102", "county", "leader"), "a.pdf", PDF).andExpect(status().isForbidden());
        upload(zyReporter(), "a.pdf", PDF).andExpect(status().isCreated());

        mvc.perform(get("/api/progress/reports/{id}/evidence", reportId).with(user("410105", "county", "leader")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/progress/reports/{id}/evidence", reportId).with(user("410102", "county", "leader")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].name", is("a.pdf")));
    }

    @Test
    void anUploadWithoutAFilePartNamesTheField() throws Exception {
        mvc.perform(multipart("/api/progress/reports/{id}/evidence", reportId)
                        .file(new MockMultipartFile("attachment", "a.pdf", "application/pdf", PDF)).with(zyReporter()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field", is("file")));
    }
}
