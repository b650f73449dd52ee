package cn.mubiao.scoring.assessment.domain;

import cn.mubiao.kit.domain.InvalidInput;

import java.math.BigDecimal;
import java.util.List;

/** The bonus and deduction catalogue of seed 003 (第十二条(二), 第十四条, 第十九条), rule codes as constants. */
public final class Seed003Catalogue {

    /** 同一奖项不重复加分，只按最高奖励加分. */
    public static final String SAME_AWARD = "SAME_AWARD";
    /** 同一企业或同一品牌在同时满足几项加分条件时，只按最高分值加分. */
    public static final String SAME_ENTERPRISE = "SAME_ENTERPRISE";

    public static final String AWARD_CENTRAL = "AWARD_CENTRAL";
    public static final String AWARD_MINISTRY_OR_PROVINCE = "AWARD_MINISTRY_OR_PROVINCE";
    public static final String NATIONAL_ONSITE_MEETING = "NATIONAL_ONSITE_MEETING";
    public static final String LEADING_ENTERPRISE_NATIONAL = "LEADING_ENTERPRISE_NATIONAL";
    public static final String LEADING_ENTERPRISE_PROVINCIAL = "LEADING_ENTERPRISE_PROVINCIAL";
    public static final String LIGHT_INDUSTRY_5_10M = "LIGHT_INDUSTRY_5_10M";
    public static final String LIGHT_INDUSTRY_5_10M_IN_PRODUCTION = "LIGHT_INDUSTRY_5_10M_IN_PRODUCTION";
    public static final String LIGHT_INDUSTRY_10_30M = "LIGHT_INDUSTRY_10_30M";
    public static final String LIGHT_INDUSTRY_10_30M_IN_PRODUCTION = "LIGHT_INDUSTRY_10_30M_IN_PRODUCTION";
    public static final String LIGHT_INDUSTRY_OVER_30M = "LIGHT_INDUSTRY_OVER_30M";
    public static final String LIGHT_INDUSTRY_OVER_30M_IN_PRODUCTION = "LIGHT_INDUSTRY_OVER_30M_IN_PRODUCTION";
    public static final String HIGH_TECH_PROVINCIAL = "HIGH_TECH_PROVINCIAL";
    public static final String BRAND_NATIONAL = "BRAND_NATIONAL";
    public static final String BRAND_PROVINCIAL = "BRAND_PROVINCIAL";

    public static final String CRITICISM_CENTRAL = "CRITICISM_CENTRAL";
    public static final String CRITICISM_MINISTRY_OR_PROVINCE = "CRITICISM_MINISTRY_OR_PROVINCE";
    public static final String CRITICISM_CITY = "CRITICISM_CITY";
    public static final String CRITICISM_DISTRICT = "CRITICISM_DISTRICT";
    public static final String MEETING_LATE_OR_EARLY = "MEETING_LATE_OR_EARLY";
    public static final String MEETING_ABSENT = "MEETING_ABSENT";
    public static final String UNAUTHORISED_SINGLE_ASSESSMENT = "UNAUTHORISED_SINGLE_ASSESSMENT";
    public static final String SCORES_NOT_REPORTED_OR_FALSIFIED = "SCORES_NOT_REPORTED_OR_FALSIFIED";

    private Seed003Catalogue() {
    }

    public static List<CatalogueEntry> entries() {
        return List.of(
                bonus(AWARD_CENTRAL, "1", "获中央、国务院表彰", "award by the Central Committee or the State Council", SAME_AWARD),
                bonus(AWARD_MINISTRY_OR_PROVINCE, "0.5", "获中央直属机关、国家部办委或省委、省政府表彰",
                        "award by a central organ, a ministry or the province", SAME_AWARD),
                bonus(NATIONAL_ONSITE_MEETING, "2", "全国性经验交流现场会在当地召开", "national on-site meeting held locally", null),
                bonus(LEADING_ENTERPRISE_NATIONAL, "2", "新增国家级农业产业化龙头企业", "new national agricultural leading enterprise", SAME_ENTERPRISE),
                bonus(LEADING_ENTERPRISE_PROVINCIAL, "1", "新增省级农业产业化龙头企业", "new provincial agricultural leading enterprise", SAME_ENTERPRISE),
                bonus(LIGHT_INDUSTRY_5_10M, "0.5", "新建投资500万元—1000万元（含）轻工业企业", "new light-industry project, 5–10M yuan", SAME_ENTERPRISE),
                bonus(LIGHT_INDUSTRY_5_10M_IN_PRODUCTION, "0.5", "上述企业建成投产再加分", "the same in production", null),
                bonus(LIGHT_INDUSTRY_10_30M, "1", "新建投资1000—3000万元（含）轻工业企业", "new light-industry project, 10–30M yuan", SAME_ENTERPRISE),
                bonus(LIGHT_INDUSTRY_10_30M_IN_PRODUCTION, "1", "上述企业建成投产再加分", "the same in production", null),
                bonus(LIGHT_INDUSTRY_OVER_30M, "2", "新建投资3000万元以上轻工业企业", "new light-industry project over 30M yuan", SAME_ENTERPRISE),
                bonus(LIGHT_INDUSTRY_OVER_30M_IN_PRODUCTION, "2", "上述企业建成投产再加分", "the same in production", null),
                bonus(HIGH_TECH_PROVINCIAL, "2", "新增省级认证高新技术企业", "new provincial high-tech enterprise", SAME_ENTERPRISE),
                bonus(BRAND_NATIONAL, "4", "新增国家认定名牌产品", "new national brand", SAME_ENTERPRISE),
                bonus(BRAND_PROVINCIAL, "1", "新增省认定名牌产品", "new provincial brand", SAME_ENTERPRISE),
                deduction(CRITICISM_CENTRAL, "1", "被中央、国务院通报批评", "public criticism by the Central Committee or the State Council"),
                deduction(CRITICISM_MINISTRY_OR_PROVINCE, "0.5", "被中央直属机关、国家部办委或省委、省政府通报批评",
                        "public criticism by a central organ, a ministry or the province"),
                deduction(CRITICISM_CITY, "1", "重大失误被市委、市政府或其授权单位通报批评", "criticism by the city for a major error"),
                deduction(CRITICISM_DISTRICT, "0.5", "工作开展不力被区委、区政府或其授权单位通报批评", "criticism by the district"),
                deduction(MEETING_LATE_OR_EARLY, "0.1", "会议迟到或早退", "late or early leave from a meeting"),
                deduction(MEETING_ABSENT, "0.3", "会议缺席", "absence from a meeting"),
                deduction(UNAUTHORISED_SINGLE_ASSESSMENT, "2", "违规组织对镇乡街道单项考核（第十四条）", "unauthorised single assessment (art. 14)"),
                deduction(SCORES_NOT_REPORTED_OR_FALSIFIED, "2", "不按要求报送评分结果和扣分说明或弄虚作假（第十九条）",
                        "scores not reported as required, or falsified (art. 19)"));
    }

    /**
     * The light-industry band of a new project by its investment in 万元: 500–1000 (含1000), 1000–3000 (含3000),
     * over 3000. Below 500万元 the catalogue gives nothing.
     */
    public static String lightIndustryBand(BigDecimal investmentWanYuan) {
        if (investmentWanYuan == null || investmentWanYuan.compareTo(new BigDecimal("500")) < 0) {
            throw new InvalidInput("investment", "投资额不足500万元，不加分 / under 5M yuan earns no bonus");
        }
        if (investmentWanYuan.compareTo(new BigDecimal("1000")) <= 0) {
            return LIGHT_INDUSTRY_5_10M;
        }
        if (investmentWanYuan.compareTo(new BigDecimal("3000")) <= 0) {
            return LIGHT_INDUSTRY_10_30M;
        }
        return LIGHT_INDUSTRY_OVER_30M;
    }

    private static CatalogueEntry bonus(String code, String points, String zh, String en, String group) {
        return new CatalogueEntry(code, ClaimKind.BONUS, new BigDecimal(points), zh, en, group);
    }

    private static CatalogueEntry deduction(String code, String points, String zh, String en) {
        return new CatalogueEntry(code, ClaimKind.DEDUCTION, new BigDecimal(points), zh, en, null);
    }
}
