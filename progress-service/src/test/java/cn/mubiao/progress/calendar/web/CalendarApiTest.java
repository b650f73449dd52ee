package cn.mubiao.progress.calendar.web;

import cn.mubiao.contracts.Frequency;
import cn.mubiao.contracts.IndicatorKind;
import cn.mubiao.kit.testing.InMemoryMongo;
import cn.mubiao.progress.assignment.domain.Assignment;
import cn.mubiao.progress.assignment.persistence.AssignmentStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static cn.mubiao.kit.testing.Tokens.user;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = {"mubiao.events.subscribe=", "mubiao.events.relay-interval=1h",
        "mubiao.progress.calendar.first-scan-after=1h"})
@AutoConfigureMockMvc
class CalendarApiTest {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> InMemoryMongo.uri("progress-calendar-api-test"));
    }

    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2007-09-03T02:00:00Z"), ZoneOffset.UTC);
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    AssignmentStore assignments;

    private String assignmentId;

    @BeforeEach
    void aMonthlyInvestmentTargetOfZhongyuanWithJulyReportedLate() throws Exception {
        assignmentId = "2007-A03@410102-" + UUID.randomUUID();
        assignments.save(new Assignment(assignmentId, "410102", "中原区", 2007, "新增城镇固定资产投资", IndicatorKind.CUMULATIVE,
                new BigDecimal("200"), "亿元", Frequency.MONTHLY, List.of(), "410100-TJJ", 1));
        mvc.perform(post("/api/progress/reports").with(user("410102", "county", "reporter"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"assignmentId\":\"" + assignmentId + "\",\"period\":\"200707\",\"cumulativeActual\":95}"))
                .andExpect(status().isCreated());
    }

    @Test
    void showsEveryPeriodWithItsDatesAndWhereItStandsToday() throws Exception {
        mvc.perform(get("/api/progress/calendar").param("assignmentId", assignmentId).with(user("410102", "county", "leader")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assignmentId", is(assignmentId)))
                .andExpect(jsonPath("$.today", is("2007-09-03")))
                .andExpect(jsonPath("$.periods", hasSize(12)))
                .andExpect(jsonPath("$.periods[0].period", is("200701")))
                .andExpect(jsonPath("$.periods[0].firstDay", is("2007-01-01")))
                .andExpect(jsonPath("$.periods[0].lastDay", is("2007-01-31")))
                .andExpect(jsonPath("$.periods[0].state", is("OVERDUE")))
                .andExpect(jsonPath("$.periods[6].period", is("200707")))
                .andExpect(jsonPath("$.periods[6].state", is("REPORTED_LATE")))
                .andExpect(jsonPath("$.periods[6].late", is(true)))
                .andExpect(jsonPath("$.periods[6].reportedAt", notNullValue()))
                .andExpect(jsonPath("$.periods[7].period", is("200708")))
                .andExpect(jsonPath("$.periods[7].dueDate", is("2007-09-05")))
                .andExpect(jsonPath("$.periods[7].remindOn", is("2007-09-02")))
                .andExpect(jsonPath("$.periods[7].state", is("DUE_SOON")))
                .andExpect(jsonPath("$.periods[7].reportedAt", nullValue()))
                .andExpect(jsonPath("$.periods[8].state", is("OPEN")))
                .andExpect(jsonPath("$.periods[9].state", is("UPCOMING")));
    }

    @Test
    void theMonitorSeesTheCalendarOfWhatItMonitorsButAnotherCountyGets404() throws Exception {
        mvc.perform(get("/api/progress/calendar").param("assignmentId", assignmentId).with(user("410100-TJJ", "department", "monitor")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/progress/calendar").param("assignmentId", assignmentId).with(user("410105", "county", "leader")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/progress/calendar").param("assignmentId", assignmentId).with(user("410100-CZJ", "department", "reporter")))
                .andExpect(status().isNotFound());
    }

    @Test
    void anUnknownAssignmentIs404LikeAHiddenOne() throws Exception {
        mvc.perform(get("/api/progress/calendar").param("assignmentId", "nope").with(user("410100", "city", "target-office")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void theProvinceClientGets403AndAMissingTokenGets401() throws Exception {
        mvc.perform(get("/api/progress/calendar").param("assignmentId", assignmentId).with(user("410000", "province")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/progress/calendar").param("assignmentId", assignmentId))
                .andExpect(status().isUnauthorized());
    }
}
