package cn.mubiao.target.workbook;

import cn.mubiao.kit.testing.InMemoryMongo;
import cn.mubiao.target.TestUnits;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static cn.mubiao.kit.testing.Tokens.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The decomposition table and the province catalogue as Excel, the way target offices exchange them. */
@SpringBootTest(properties = {"mubiao.events.subscribe=", "mubiao.events.relay-interval=1h"})
@AutoConfigureMockMvc
class WorkbookApiTest {

    private static final AtomicInteger YEARS = new AtomicInteger(2040);
    private static boolean unitsRegistered;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> InMemoryMongo.uri("target-workbook-api-test"));
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoDatabase db;

    final RequestPostProcessor office = user("410100", "city", "target-office");
    String planId;

    @BeforeEach
    void aDraftPlan() throws Exception {
        if (!unitsRegistered) {
            TestUnits.register(mvc);
            unitsRegistered = true;
        }
        int year = YEARS.getAndIncrement();
        planId = "410100-" + year;
        mvc.perform(put("/api/targets/plans/" + planId).with(office).contentType(MediaType.APPLICATION_JSON).content("""
                {"issuerUnitCode":"410100","year":%d,"title":"%d年郑州市人民政府目标",
                 "categories":[{"code":"LEAP","name":"跨越式发展目标"},{"code":"PROV","name":"省定目标"}]}"""
                .formatted(year, year))).andExpect(status().isCreated());
    }

    /** A table like seed 000's annex: rows are targets, the last columns the districts' shares. */
    static byte[] sheet(List<Object[]> rows) throws Exception {
        var out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet(DecompositionSheet.MAIN);
        Object[] header = {"目标代码", "目标名称", "类别", "约束性", "指标类型", "计量单位", "目标值", "基数", "责任领导", "责任单位",
                "协办单位", "监控单位", "标准分", "报送频率", "分解标准分", "中原区(410102)", "二七区(410103)"};
        rows = new java.util.ArrayList<>(rows);
        rows.addFirst(header);
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).length; c++) {
                Object v = rows.get(r)[c];
                if (v instanceof Number n) {
                    ws.value(r, c, n);
                } else if (v != null) {
                    ws.value(r, c, v.toString());
                }
            }
        }
        wb.finish();
        return out.toByteArray();
    }

    static Object[] investment(Object zy, Object eq) {
        return new Object[]{"A03", "新增城镇固定资产投资", "跨越式发展目标", "否", "累计型", "亿元", 200, null, "张副市长",
                "市发改委(410100-FGW)", null, "市统计局(410100-TJJ)", 50, "月报", 50, zy, eq};
    }

    static Object[] gdp() {
        return new Object[]{"A01", "生产总值增长", "LEAP", "否", "水平型", "%", 15, null, "张副市长、李秘书长",
                "410100-FGW", null, "410100-TJJ", 50, "季报", 50, 16, "√"};
    }

    private MockMultipartFile file(byte[] bytes) {
        return new MockMultipartFile("file", "分解表.xlsx", WorkbookController.XLSX, bytes);
    }

    @Test
    void anImportedTableMakesTargetsWithTheirSharesAndTheExportReadsBackUnchanged() throws Exception {
        mvc.perform(multipart("/api/targets/plans/" + planId + "/targets/import").file(file(sheet(List.of(investment(120, 90), gdp()))))
                        .with(office))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created", containsInAnyOrder("A03", "A01")));
        mvc.perform(get("/api/targets/plans/" + planId + "/targets/A01").with(office))
                .andExpect(jsonPath("$.leaders", contains("张副市长", "李秘书长")))
                .andExpect(jsonPath("$.holders[?(@.unitCode=='410103')].value", contains(15)))
                .andExpect(jsonPath("$.holders[?(@.unitCode=='410102')].value", contains(16)));

        byte[] exported = mvc.perform(get("/api/targets/plans/" + planId + "/targets/export").with(office))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var wb = new ReadableWorkbook(new ByteArrayInputStream(exported))) {
            var rows = wb.findSheet(DecompositionSheet.MAIN).orElseThrow().read();
            assertThat(Cells.text(rows.get(0), 15)).isEqualTo("中原区(410102)");
            assertThat(rows).hasSize(3);
        }
        mvc.perform(post("/api/targets/plans/" + planId + "/targets/import").with(office)
                        .contentType(WorkbookController.XLSX).content(exported))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unchanged", containsInAnyOrder("A03", "A01")))
                .andExpect(jsonPath("$.updated", hasSize(0)));
    }

    @Test
    void aBadTableIsRefusedWithEveryBadCellAndNothingIsImported() throws Exception {
        Object[] badKind = gdp();
        badKind[4] = "百分比";
        Object[] badCategory = investment(120, 90);
        badCategory[0] = "A05";
        badCategory[2] = "不存在的类别";
        mvc.perform(multipart("/api/targets/plans/" + planId + "/targets/import")
                        .file(file(sheet(List.of(investment("很多", 90), badKind, badCategory)))).with(office))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("目标分解表!P2", "目标分解表!E3", "目标分解表!C4")))
                .andExpect(jsonPath("$.errors[?(@.field=='目标分解表!P2')].reason", contains("“很多”不是数字 / not a number")));

        assertThat(db.getCollection("targets").countDocuments(Filters.eq("planId", planId))).isZero();
    }

    @Test
    void aRuleBrokenInOneRowNamesItsCellAndKeepsTheGoodRowsOutToo() throws Exception {
        mvc.perform(multipart("/api/targets/plans/" + planId + "/targets/import")
                        .file(file(sheet(List.of(gdp(), investment(-5, 90))))).with(office))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", contains("目标分解表!P3")));
        mvc.perform(multipart("/api/targets/plans/" + planId + "/targets/import")
                        .file(file(sheet(java.util.Collections.singletonList(investment(120, 90))))).param("dryRun", "true").with(office))
                .andExpect(status().isOk()).andExpect(jsonPath("$.created", contains("A03")));

        assertThat(db.getCollection("targets").countDocuments(Filters.eq("planId", planId))).isZero();
    }

    @Test
    void notAWorkbookIsA400AndOnlyTheTargetOfficeImports() throws Exception {
        mvc.perform(post("/api/targets/plans/" + planId + "/targets/import").with(office)
                        .contentType(WorkbookController.XLSX).content("不是Excel".getBytes()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field", is("file")));
        mvc.perform(multipart("/api/targets/plans/" + planId + "/targets/import").file(file(sheet(java.util.Collections.singletonList(gdp()))))
                .with(user("410102", "county", "reporter"))).andExpect(status().isForbidden());
    }

    @Test
    void theProvinceCatalogueIsMatchedByCodeAndTheStricterValueWins() throws Exception {
        Object[] withCode = investment(120, 90);
        mvc.perform(multipart("/api/targets/plans/" + planId + "/targets/import").file(file(sheet(java.util.Collections.singletonList(withCode))))
                .with(office)).andExpect(status().isOk());
        mvc.perform(put("/api/targets/plans/" + planId + "/targets/A03").with(office).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"title":"新增城镇固定资产投资","category":"LEAP","indicatorKind":"CUMULATIVE","unitOfMeasure":"亿元",
                         "targetValue":200,"leadUnits":["410100-FGW"],"monitorUnitCode":"410100-TJJ","standardScore":50,
                         "frequency":"MONTHLY","provinceCode":"HN-JJ-03",
                         "allocations":[{"unitCode":"410102","value":120,"standardScore":50},{"unitCode":"410103","value":90,"standardScore":50}]}"""))
                .andExpect(status().isOk());

        var out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("省考核指标");
        String[][] rows = {{"指标代码", "领域", "指标名称", "指标类型", "计量单位", "目标值", "考核我市"},
                {"HN-JJ-03", "经济发展", "城镇固定资产投资", "累计型", "亿元", "220", "是"},
                {"HN-MS-01", "民生建设", "新增城镇就业", "累计型", "万人", "3.8", "是"},
                {"HN-ZF-09", "政府自身建设", "行政效能", "定性", null, null, "否"}};
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) {
                if (rows[r][c] != null) {
                    ws.value(r, c, rows[r][c]);
                }
            }
        }
        wb.finish();

        mvc.perform(post("/api/targets/plans/" + planId + "/province-catalogue/import").with(office)
                        .contentType(WorkbookController.XLSX).content(out.toByteArray()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total", is(3)))
                .andExpect(jsonPath("$.assessingCity", is(2)))
                .andExpect(jsonPath("$.matched", is(1)))
                .andExpect(jsonPath("$.fresh", is(1)))
                .andExpect(jsonPath("$.matches[0].effectiveValue", is(220)))
                .andExpect(jsonPath("$.matches[0].provenance", is("PROVINCE")));
        mvc.perform(get("/api/targets/plans/" + planId + "/province-alignment").with(user("410102", "county", "leader")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aProvinceCodeMatchedTwiceIsRefused() throws Exception {
        String body = """
                {"title":"%s","category":"PROV","indicatorKind":"LEVEL","unitOfMeasure":"%%","targetValue":15,
                 "leadUnits":["410100-FGW"],"standardScore":50,"frequency":"QUARTERLY","provinceCode":"HN-JJ-01"}""";
        mvc.perform(put("/api/targets/plans/" + planId + "/targets/P01").with(office).contentType(MediaType.APPLICATION_JSON)
                .content(body.formatted("生产总值增长"))).andExpect(status().isCreated());
        mvc.perform(put("/api/targets/plans/" + planId + "/targets/P02").with(office).contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted("地区生产总值增长")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("provinceCode")));
        mvc.perform(put("/api/targets/plans/" + planId + "/province-catalogue").with(office).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"indicators":[{"code":"X1","area":"经济发展","title":"a","indicatorKind":"LEVEL","targetValue":1,"assessesCity":true},
                                               {"code":"X1","area":"经济发展","title":"b","indicatorKind":"LEVEL","targetValue":2,"assessesCity":true}]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("indicators[1].code")));
    }
}
