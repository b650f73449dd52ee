package cn.mubiao.notification.bulletin;

import cn.mubiao.contracts.LagStatus;
import cn.mubiao.notification.bulletin.domain.Bulletin;
import cn.mubiao.notification.bulletin.domain.Bulletin.UnitSection;
import cn.mubiao.notification.bulletin.domain.BulletinPeriod;
import cn.mubiao.notification.bulletin.domain.BulletinPeriod.Kind;
import cn.mubiao.notification.bulletin.domain.BulletinTexts;
import cn.mubiao.notification.bulletin.domain.Counts;
import cn.mubiao.notification.bulletin.domain.StatusLine;
import cn.mubiao.notification.bulletin.rendering.BulletinHtml;
import cn.mubiao.notification.bulletin.rendering.BulletinPdf;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bulletin (定期通报) as plain Java: which statuses it lists, how it groups and counts them, its HTML and PDF. */
class BulletinTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant AT = Instant.parse("2007-08-10T01:00:00Z");

    static StatusLine line(String unit, String unitName, String code, String title, String period, LagStatus status,
                           String completion, String expected, String gap) {
        return new StatusLine("410100-2007-" + code + "@" + unit, unit, unitName, code, title, period, status,
                new BigDecimal(completion), new BigDecimal(expected), new BigDecimal(gap), false);
    }

    static List<StatusLine> july() {
        return List.of(
                line("410102", "中原区", "A03", "新增城镇固定资产投资", "200707", LagStatus.SERIOUSLY_LAGGING, "0.475", "0.58333", "10.8333"),
                line("410102", "中原区", "A01", "地区生产总值增长", "200707", LagStatus.ON_TRACK, "0.609", "0.58333", "-2.5667"),
                line("410102", "中原区", "A02", "一般公共预算收入", "200707", LagStatus.LAGGING, "0.525", "0.58333", "5.8333"),
                line("410100-FGW", "市发展改革委", "B01", "重点项目投资", "200707", LagStatus.ON_TRACK, "0.7", "0.58333", "-11.6667"),
                line("410105", "金水区", "A03", "新增城镇固定资产投资", "200707", LagStatus.LAGGING, "0.55", "0.58333", "3.3333"),
                line("410105", "金水区", "A04", "社会消费品零售总额", "200707", LagStatus.SERIOUSLY_LAGGING, "0.40", "0.58333", "18.3333"));
    }

    @Test
    void aMonthlyBulletinListsEachUnitsTargetsByStatus() {
        Bulletin b = Bulletin.compile("410100", "郑州市", BulletinPeriod.parse("200707").orElseThrow(), july(), AT);

        assertThat(b.id()).isEqualTo("bulletin:410100:200707");
        assertThat(b.title()).isEqualTo("郑州市2007年7月目标进度通报");
        assertThat(b.units()).extracting(UnitSection::unitCode).containsExactly("410100-FGW", "410102", "410105");
        UnitSection zy = b.units().get(1);
        assertThat(zy.unitName()).isEqualTo("中原区");
        assertThat(zy.counts()).isEqualTo(new Counts(1, 1, 1));
        assertThat(zy.byStatus().keySet()).as("red first, then yellow, then green")
                .containsExactly(LagStatus.SERIOUSLY_LAGGING, LagStatus.LAGGING, LagStatus.ON_TRACK);
        assertThat(zy.targets(LagStatus.SERIOUSLY_LAGGING)).extracting(StatusLine::targetCode).containsExactly("A03");
        assertThat(zy.targets(LagStatus.LAGGING)).extracting(StatusLine::targetCode).containsExactly("A02");
        assertThat(zy.targets(LagStatus.ON_TRACK)).extracting(StatusLine::targetCode).containsExactly("A01");
        assertThat(b.units().getFirst().counts()).isEqualTo(new Counts(1, 0, 0));
        assertThat(b.units().getLast().counts()).isEqualTo(new Counts(0, 1, 1));
        assertThat(b.totals()).isEqualTo(new Counts(2, 2, 2));
        assertThat(b.totals().total()).isEqualTo(6);
        assertThat(BulletinTexts.subject(b)).isEqualTo("【目标进度通报】郑州市2007年7月目标进度通报：红2 黄2 绿2");
    }

    @Test
    void withinAStatusTheLargestGapComesFirst() {
        List<StatusLine> lines = List.of(
                line("410102", "中原区", "A05", "甲", "200707", LagStatus.SERIOUSLY_LAGGING, "0.4", "0.58333", "18.3"),
                line("410102", "中原区", "A03", "乙", "200707", LagStatus.SERIOUSLY_LAGGING, "0.475", "0.58333", "10.8"),
                line("410102", "中原区", "A09", "丙", "200707", LagStatus.SERIOUSLY_LAGGING, "0.3", "0.58333", "28.3"));

        Bulletin b = Bulletin.compile("410100", null, BulletinPeriod.parse("200707").orElseThrow(), lines, AT);

        assertThat(b.units().getFirst().targets(LagStatus.SERIOUSLY_LAGGING)).extracting(StatusLine::targetCode)
                .containsExactly("A09", "A05", "A03");
        assertThat(b.title()).as("an issuer without a known name is shown by its code").isEqualTo("410100 2007年7月目标进度通报");
    }

    @Test
    void aMonthlyBulletinLeavesOutOtherPeriods() {
        List<StatusLine> lines = List.of(
                line("410102", "中原区", "A03", "新增城镇固定资产投资", "200706", LagStatus.SERIOUSLY_LAGGING, "0.4", "0.5", "10"),
                line("410102", "中原区", "A04", "季度目标", "2007Q3", LagStatus.LAGGING, "0.7", "0.75", "5"),
                line("410102", "中原区", "A01", "地区生产总值增长", "200707", LagStatus.ON_TRACK, "0.6", "0.58333", "-1.7"));

        Bulletin b = Bulletin.compile("410100", "郑州市", BulletinPeriod.parse("200707").orElseThrow(), lines, AT);

        assertThat(b.units()).singleElement().satisfies(u -> assertThat(u.counts()).isEqualTo(new Counts(1, 0, 0)));
    }

    @Test
    void aQuarterlyBulletinTakesEveryStatusOfAPeriodEndingWithTheQuarter() {
        List<StatusLine> lines = List.of(
                line("410102", "中原区", "A03", "月度目标", "200709", LagStatus.SERIOUSLY_LAGGING, "0.6", "0.75", "15"),
                line("410102", "中原区", "A04", "季度目标", "2007Q3", LagStatus.LAGGING, "0.7", "0.75", "5"),
                line("410102", "中原区", "A05", "八月", "200708", LagStatus.ON_TRACK, "0.7", "0.66667", "-3"),
                line("410102", "中原区", "A06", "半年目标", "2007S1", LagStatus.ON_TRACK, "0.5", "0.5", "0"));

        BulletinPeriod q3 = BulletinPeriod.parse("2007Q3").orElseThrow();
        Bulletin b = Bulletin.compile("410100", "郑州市", q3, lines, AT);

        assertThat(q3.kind()).isEqualTo(Kind.QUARTERLY);
        assertThat(q3.label()).isEqualTo("2007年第三季度");
        assertThat(b.units().getFirst().counts()).isEqualTo(new Counts(0, 1, 1));
        assertThat(BulletinPeriod.parse("2007Q2").orElseThrow().lists("2007S1")).isTrue();
        assertThat(BulletinPeriod.parse("2007Q4").orElseThrow().lists("2007")).isTrue();
    }

    @Test
    void onlyAMonthOrAQuarterIsABulletinPeriod() {
        assertThat(BulletinPeriod.parse("200707")).isPresent();
        assertThat(BulletinPeriod.parse("2007Q3")).isPresent();
        assertThat(BulletinPeriod.parse("2007S1")).isEmpty();
        assertThat(BulletinPeriod.parse("2007")).isEmpty();
        assertThat(BulletinPeriod.parse("200713")).isEmpty();
        assertThat(BulletinPeriod.parse("2007-07")).isEmpty();
        assertThat(BulletinPeriod.parse(null)).isEmpty();
        assertThatThrownBy(() -> BulletinPeriod.quarterEndingIn(java.time.YearMonth.of(2007, 8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachBulletinIsDueOnTheSetDayOfTheMonthAfterItsPeriod() {
        assertThat(BulletinPeriod.latestDue(Kind.MONTHLY, LocalDate.of(2007, 8, 10), 10).code()).isEqualTo("200707");
        assertThat(BulletinPeriod.latestDue(Kind.MONTHLY, LocalDate.of(2007, 8, 9), 10).code()).isEqualTo("200706");
        assertThat(BulletinPeriod.latestDue(Kind.MONTHLY, LocalDate.of(2008, 1, 31), 10).code()).isEqualTo("200712");
        assertThat(BulletinPeriod.latestDue(Kind.QUARTERLY, LocalDate.of(2007, 10, 10), 10).code()).isEqualTo("2007Q3");
        assertThat(BulletinPeriod.latestDue(Kind.QUARTERLY, LocalDate.of(2007, 10, 9), 10).code()).isEqualTo("2007Q2");
        assertThat(BulletinPeriod.latestDue(Kind.QUARTERLY, LocalDate.of(2007, 8, 20), 10).code()).isEqualTo("2007Q2");
        assertThat(BulletinPeriod.latestDue(Kind.QUARTERLY, LocalDate.of(2008, 1, 3), 10).code()).isEqualTo("2007Q3");
        assertThat(BulletinPeriod.latestDue(Kind.QUARTERLY, LocalDate.of(2008, 1, 10), 10).code()).isEqualTo("2007Q4");
    }

    @Test
    void theHtmlIsATableOfEveryTargetWithAllTextEscaped() {
        List<StatusLine> lines = List.of(
                line("410102", "中原区<script>", "A03", "投资 & \"重点\" <b>项目</b>", "200707", LagStatus.SERIOUSLY_LAGGING,
                        "0.475", "0.58333", "10.8333"),
                line("410102", "中原区<script>", "A01", "地区生产总值增长", "200707", LagStatus.ON_TRACK, "0.609", "0.58333", "-2.5667"));
        Bulletin b = Bulletin.compile("410100", "郑州市", BulletinPeriod.parse("200707").orElseThrow(), lines, AT);

        String html = BulletinHtml.render(b, SHANGHAI);

        assertThat(html).contains("<table", "郑州市2007年7月目标进度通报", "统计截至 / as of: 2007-08-10 09:00")
                .contains("中原区&lt;script&gt;", "投资 &amp; &quot;重点&quot; &lt;b&gt;项目&lt;/b&gt;（A03）")
                .contains("红色·严重滞后", "绿色·正常", "47.5%", "58.3%", ">10.8<")
                .doesNotContain("<script>", "<b>项目");
        assertThat(html.indexOf("投资")).as("red before green").isLessThan(html.indexOf("地区生产总值增长"));
    }

    @Test
    void aTargetWithoutAReportShowsAsOverdue() {
        StatusLine overdue = new StatusLine("a", "410102", "中原区", "A03", "投资", "200707", LagStatus.SERIOUSLY_LAGGING,
                BigDecimal.ZERO, new BigDecimal("0.58333"), new BigDecimal("58.333"), true);
        Bulletin b = Bulletin.compile("410100", "郑州市", BulletinPeriod.parse("200707").orElseThrow(), List.of(overdue), AT);

        assertThat(BulletinHtml.render(b, SHANGHAI)).contains("逾期未报").doesNotContain(">0.0%<");
    }

    @Test
    void thePdfCarriesTheChineseUnitNames() throws IOException {
        Bulletin b = Bulletin.compile("410100", "郑州市", BulletinPeriod.parse("200707").orElseThrow(), july(), AT);

        byte[] pdf = BulletinPdf.render(b, SHANGHAI);

        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("郑州市2007年7月目标进度通报", "中原区", "金水区", "市发展改革委", "新增城镇固定资产投资",
                    "严重滞后", "47.5%");
        }
    }

    @Test
    void anEmptyBulletinSaysSo() throws IOException {
        Bulletin b = Bulletin.compile("410100", "郑州市", BulletinPeriod.parse("200707").orElseThrow(), List.of(), AT);

        assertThat(b.isEmpty()).isTrue();
        assertThat(BulletinHtml.render(b, SHANGHAI)).contains("本期没有可通报的目标进度");
        assertThat(BulletinTexts.plainText(b, SHANGHAI)).contains("合计 0 项目标", "本期没有可通报的目标进度");
        try (PDDocument doc = Loader.loadPDF(BulletinPdf.render(b, SHANGHAI))) {
            assertThat(new PDFTextStripper().getText(doc)).contains("本期没有可通报的目标进度");
        }
    }
}
