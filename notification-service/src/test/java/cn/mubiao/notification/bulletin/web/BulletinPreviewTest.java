package cn.mubiao.notification.bulletin.web;

import cn.mubiao.contracts.LagStatus;
import cn.mubiao.contracts.scoring.StatusChanged;
import cn.mubiao.kit.events.EventHandler;
import cn.mubiao.kit.events.InboundEvent;
import cn.mubiao.kit.testing.Tokens;
import cn.mubiao.notification.bulletin.persistence.BulletinStore;
import cn.mubiao.notification.bulletin.persistence.StatusBoard;
import cn.mubiao.notification.warning.NotificationTestSupport;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code GET /api/notifications/bulletins/preview}: who may see which government's bulletin, in which format. */
class BulletinPreviewTest extends NotificationTestSupport {

    private static final String JULY = "/api/notifications/bulletins/preview?unitCode=410100&period=200707";
    private static final AtomicInteger ids = new AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    EventHandler<StatusChanged> statusChanged;

    @BeforeEach
    void statuses() {
        db.getCollection(StatusBoard.COLLECTION).deleteMany(new Document());
        db.getCollection(BulletinStore.COLLECTION).deleteMany(new Document());
        given("410102", "中原区", "A03", "新增城镇固定资产投资<重点>", LagStatus.SERIOUSLY_LAGGING, "0.475", "10.8333");
        given("410100-FGW", "市发展改革委", "B01", "重点项目投资", LagStatus.ON_TRACK, "0.7", "-11.6667");
        given("410102001", "林山寨街道", "C01", "街道目标", LagStatus.LAGGING, "0.5", "8.3");
    }

    private void given(String unit, String name, String code, String title, LagStatus to, String completion, String gap) {
        statusChanged.handle(new StatusChanged("410100-2007-" + code + "@" + unit, unit, name, code, title, "200707", null,
                to, new BigDecimal("0.58333"), new BigDecimal(completion), new BigDecimal(gap), new BigDecimal("95"),
                new BigDecimal("200"), "亿元", "原因"), new InboundEvent("p-" + ids.incrementAndGet(), StatusChanged.TYPE,
                "/test", "a", START, "{}", "t", 0, ids.get()));
    }

    @Test
    void theTargetOfficePreviewsItsBulletinAsAnHtmlTable() throws Exception {
        mvc.perform(get(JULY).with(Tokens.user("410100", "city", "target-office")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/html"))
                .andExpect(content().string(containsString("410100 2007年7月目标进度通报")))
                .andExpect(content().string(containsString("新增城镇固定资产投资&lt;重点&gt;")))
                .andExpect(content().string(containsString("市发展改革委")))
                .andExpect(content().string(not(containsString("林山寨街道"))));
    }

    @Test
    void thePreviewComesAsAPdfWithTheChineseUnitNames() throws Exception {
        byte[] pdf = mvc.perform(get(JULY + "&format=pdf").with(Tokens.user("410100", "city", "leader")))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andExpect(header().string("Content-Disposition", containsString("bulletin-410100-200707.pdf")))
                .andReturn().getResponse().getContentAsByteArray();

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("中原区", "市发展改革委");
        }
    }

    @Test
    void thePreviewComesAsJsonWithCountsPerUnit() throws Exception {
        mvc.perform(get(JULY + "&format=json").with(Tokens.user("410100", "auditor")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("bulletin:410100:200707"))
                .andExpect(jsonPath("$.issued").value(false))
                .andExpect(jsonPath("$.totals.total").value(2))
                .andExpect(jsonPath("$.units[0].unitCode").value("410100-FGW"))
                .andExpect(jsonPath("$.units[1].unitName").value("中原区"))
                .andExpect(jsonPath("$.units[1].counts.seriouslyLagging").value(1))
                .andExpect(jsonPath("$.units[1].targets[0].statusLabel").value("红色·严重滞后"));
    }

    @Test
    void aCountyPreviewsItsOwnBulletinAndTheCitySeesItToo() throws Exception {
        String county = "/api/notifications/bulletins/preview?unitCode=410102&period=200707&format=json";
        mvc.perform(get(county).with(Tokens.user("410102", "county", "leader")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.units[*].unitName", hasItem("林山寨街道")))
                .andExpect(jsonPath("$.issuerName").value("中原区"));
        mvc.perform(get(county).with(Tokens.user("410100", "city", "target-office"))).andExpect(status().isOk());
    }

    @Test
    void aBulletinOutsideTheCallersScopeIsNotFound() throws Exception {
        mvc.perform(get(JULY).with(Tokens.user("410102", "county", "leader"))).andExpect(status().isNotFound());
        mvc.perform(get(JULY).with(Tokens.user("410100-FGW", "department", "target-office"))).andExpect(status().isNotFound());
        mvc.perform(get(JULY).with(Tokens.user("410105", "county", "target-office"))).andExpect(status().isNotFound());
    }

    @Test
    void aReporterInScopeIsRefused() throws Exception {
        mvc.perform(get(JULY).with(Tokens.user("410100", "city", "reporter")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Test
    void aMalformedPeriodIsABadRequestNamingTheField() throws Exception {
        mvc.perform(get("/api/notifications/bulletins/preview?unitCode=410100&period=2007S1")
                        .with(Tokens.user("410100", "city", "target-office")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("period"));
        mvc.perform(get("/api/notifications/bulletins/preview?unitCode=41&period=200707&format=doc")
                        .with(Tokens.user("410100", "city", "target-office")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("unitCode")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("format")));
        mvc.perform(get("/api/notifications/bulletins/preview?unitCode=410100")
                        .with(Tokens.user("410100", "city", "target-office")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void withoutATokenThePreviewIsUnauthorised() throws Exception {
        mvc.perform(get(JULY)).andExpect(status().isUnauthorized());
    }
}
