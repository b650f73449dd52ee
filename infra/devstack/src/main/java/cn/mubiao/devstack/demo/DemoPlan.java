package cn.mubiao.devstack.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo plan: Zhengzhou's 2007 target system from seed 000 — the eight leap-forward targets and the three
 * binding ones with their lead units (DOMAIN.md §6), split to the city's twelve county-level units and two
 * national development zones with plausible values (cumulative shares rounded up, so they add up), and five of
 * the ten practical things (two of them qualitative, followed by milestones) and one of the eight key projects
 * with its tasks as milestones. Every holder's standard scores add up to 100, so the plan can be issued as it is.
 */
final class DemoPlan {

    static final String PLAN_ID = "410100-2007";

    /** County-level units (GB/T 2260; the two zones with the codes the demo units use) and their economic weight. */
    static final Map<String, Integer> COUNTIES = new LinkedHashMap<>();

    static {
        COUNTIES.put("410102", 12);
        COUNTIES.put("410103", 13);
        COUNTIES.put("410104", 12);
        COUNTIES.put("410105", 20);
        COUNTIES.put("410106", 5);
        COUNTIES.put("410108", 8);
        COUNTIES.put("410122", 14);
        COUNTIES.put("410181", 22);
        COUNTIES.put("410182", 17);
        COUNTIES.put("410183", 17);
        COUNTIES.put("410184", 20);
        COUNTIES.put("410185", 15);
        COUNTIES.put("410171", 14);
        COUNTIES.put("410172", 13);
    }

    private DemoPlan() {
    }

    static String plan() {
        return """
                {"issuerUnitCode":"410100","year":2007,"title":"2007年郑州市人民政府目标",
                 "categories":[{"code":"LEAP","name":"跨越式发展目标"},{"code":"BIND","name":"节能降耗和污染物减排"},
                               {"code":"PRACTICAL","name":"十件实事"},{"code":"KEY","name":"重点项目"}]}""";
    }

    /** Target code → request body. */
    static Map<String, String> targets() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("A01", level("生产总值增长", "LEAP", "%", "15", "410100-FGW", "20", "QUARTERLY", "0.5", null));
        t.put("A02", cumulative("第三产业增加值", "LEAP", "亿元", "1000", "410100-FGW", "20", "QUARTERLY"));
        t.put("A03", cumulative("新增城镇固定资产投资", "LEAP", "亿元", "200", "410100-FGW", "20", "MONTHLY"));
        t.put("A04", body("人均生产总值", "LEAP", false, "LEVEL", "美元", "4000", List.of("410100-FGW"), "20", "YEARLY", List.of()));
        t.put("A05", cumulative("规模以上工业企业销售收入", "LEAP", "亿元", "3000", "410100-JW", "50", "MONTHLY"));
        t.put("A06", cumulative("地方财政一般预算收入新增", "LEAP", "亿元", "50", "410100-CZJ", "100", "MONTHLY"));
        t.put("A07", cumulative("实际利用外资", "LEAP", "亿美元", "8", "410100-SWJ", "50", "QUARTERLY"));
        t.put("A08", level("社会消费品零售总额增长", "LEAP", "%", "16", "410100-SWJ", "50", "MONTHLY", "1", null));
        // energy intensity: led by 发改委, with 统计局, 经委 and 建委 answering for it on the department track
        t.put("B01", level("万元生产总值能耗下降", "BIND", "%", "5", "410100-FGW", "20", "QUARTERLY", "0.3",
                List.of("410100-JW:50", "410100-TJJ:100", "410100-JSW:100")));
        t.put("B02", level("化学需氧量排放总量削减", "BIND", "%", "4", "410100-HBJ", "50", "HALF_YEARLY", "0.2", null));
        t.put("B03", level("二氧化硫排放总量削减", "BIND", "%", "4.2", "410100-HBJ", "50", "HALF_YEARLY", "0.2", null));
        // five of the ten practical things (十件实事), each led by one department
        t.put("P01", body("改造县乡公路", "PRACTICAL", false, "CUMULATIVE", "公里", "60", List.of("410100-JTJ"), "100",
                "MONTHLY", List.of()));
        t.put("P02", body("新增城镇就业", "PRACTICAL", false, "CUMULATIVE", "万人", "3.8", List.of("410100-LDJ"), "100",
                "MONTHLY", List.of()));
        t.put("P03", body("城市低保月人均补助标准", "PRACTICAL", false, "LEVEL", "元", "155", List.of("410100-MZJ"), "100",
                "QUARTERLY", List.of()));
        t.put("P04", qualitative("新建改造农村中小学校舍", "410100-JYJ", List.of("2007-03-31:完成选址立项",
                "2007-06-30:主体工程封顶", "2007-09-30:竣工交付使用")));
        t.put("P05", qualitative("乡镇卫生院标准化改造", "410100-WSJ", List.of("2007-04-30:完成设计招标",
                "2007-08-31:完成主体改造", "2007-11-30:设备配齐投入使用")));
        // one of the eight key projects (重点项目), its tasks as dated milestones
        t.put("K01", qualitative("郑东新区CBD核心区建设", "410100-ZFB", List.of("2007-03-31:完成会展宾馆主体结构",
                "2007-06-30:完成如意湖景观工程", "2007-08-31:CBD内环道路通车", "2007-10-31:完成商务外环楼宇招商",
                "2007-12-31:核心区基础设施全部建成")).replace("\"PRACTICAL\"", "\"KEY\""));
        return t;
    }

    private static String cumulative(String title, String category, String measure, String value, String lead,
                                     String leadScore, String frequency) {
        BigDecimal total = new BigDecimal(value);
        int weights = COUNTIES.values().stream().mapToInt(Integer::intValue).sum();
        List<String> shares = new ArrayList<>();
        for (var c : COUNTIES.entrySet()) {
            // rounded up, so the shares add up to at least the city's target
            BigDecimal share = total.multiply(BigDecimal.valueOf(c.getValue())).divide(BigDecimal.valueOf(weights), 1, RoundingMode.UP);
            shares.add(share(c.getKey(), share));
        }
        return body(title, category, false, "CUMULATIVE", measure, value, List.of(lead), leadScore, frequency, shares);
    }

    private static String level(String title, String category, String measure, String value, String lead, String leadScore,
                                String frequency, String spread, List<String> departments) {
        BigDecimal base = new BigDecimal(value);
        BigDecimal step = new BigDecimal(spread);
        List<String> shares = new ArrayList<>();
        int i = 0;
        for (String county : COUNTIES.keySet()) {
            // the industrial counties carry a little more, the central districts a little less
            BigDecimal v = base.add(step.multiply(BigDecimal.valueOf((i % 3) - 1)));
            shares.add(share(county, v));
            i++;
        }
        if (departments != null) {
            for (String d : departments) {
                String[] unitAndScore = d.split(":");
                shares.add("{\"unitCode\":\"%s\",\"standardScore\":%s}".formatted(unitAndScore[0], unitAndScore[1]));
            }
        }
        return body(title, category, category.equals("BIND"), "LEVEL", measure, value, List.of(lead), leadScore, frequency, shares);
    }

    private static String qualitative(String title, String lead, List<String> milestones) {
        String m = String.join(",", milestones.stream().map(x -> x.split(":", 2))
                .map(x -> "{\"due\":\"%s\",\"title\":\"%s\"}".formatted(x[0], x[1])).toList());
        return """
                {"title":"%s","category":"PRACTICAL","binding":false,"indicatorKind":"QUALITATIVE","leaders":["李副市长"],
                 "leadUnits":["%s"],"monitorUnitCode":"410100-MBB","standardScore":100,"frequency":"QUARTERLY",
                 "source":"CITY","milestones":[%s]}""".formatted(title, lead, m);
    }

    private static String share(String unit, BigDecimal value) {
        return "{\"unitCode\":\"%s\",\"value\":%s,\"standardScore\":10}".formatted(unit, value.toPlainString());
    }

    private static String body(String title, String category, boolean binding, String kind, String measure, String value,
                               List<String> leads, String leadScore, String frequency, List<String> allocations) {
        return """
                {"title":"%s","category":"%s","binding":%s,"indicatorKind":"%s","unitOfMeasure":"%s","targetValue":%s,
                 "leaders":["%s"],"leadUnits":[%s],"monitorUnitCode":"410100-TJJ","standardScore":%s,"frequency":"%s",
                 "source":"CITY","allocations":[%s]}"""
                .formatted(title, category, binding, kind, measure, value, category.equals("BIND") ? "王副市长" : "张副市长",
                        String.join(",", leads.stream().map(l -> "\"" + l + "\"").toList()), leadScore, frequency,
                        String.join(",", allocations));
    }
}
