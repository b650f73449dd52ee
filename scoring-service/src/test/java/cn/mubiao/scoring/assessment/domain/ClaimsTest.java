package cn.mubiao.scoring.assessment.domain;

import cn.mubiao.kit.domain.BrokenRule;
import cn.mubiao.kit.domain.InvalidInput;
import cn.mubiao.kit.domain.Refusal;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static cn.mubiao.scoring.assessment.domain.Seed003Catalogue.*;
import static cn.mubiao.scoring.assessment.domain.Sheets.claim;
import static cn.mubiao.scoring.assessment.domain.Sheets.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 第十二条(二), 第十四条, 第十九条: the bonus and deduction catalogue, and what a claim must carry. */
class ClaimsTest {

    private static UnitResult with(Claim... claims) {
        return Sheets.compute(Sheets.single("U", Category.TOWN, "1").withClaims(List.of(claims)));
    }

    private static String field(Throwable e) {
        return ((Refusal) e).field();
    }

    @Test
    void anAwardByTheCentralCommitteeAddsOneAndByAMinistryOrTheProvinceHalf() {
        assertThat(with(claim("C1", AWARD_CENTRAL, "1", "全国民族团结进步模范集体")).bonus()).isEqualByComparingTo("1");
        assertThat(with(claim("C1", AWARD_MINISTRY_OR_PROVINCE, "0.5", "省级文明单位")).bonus()).isEqualByComparingTo("0.5");
        assertThat(with(claim("C1", AWARD_CENTRAL, "1", "甲"), claim("C2", AWARD_MINISTRY_OR_PROVINCE, "0.5", "乙"))
                .bonus()).isEqualByComparingTo("1.5");
    }

    @Test
    void theSameAwardCountsOnceAtItsHighestLevel() {
        // 同一奖项不重复加分，只按最高奖励加分
        UnitResult r = with(claim("C1", AWARD_MINISTRY_OR_PROVINCE, "0.5", "文明单位"),
                claim("C2", AWARD_CENTRAL, "1", "文明单位"));
        assertThat(r.bonus()).isEqualByComparingTo("1");
        assertThat(r.claims()).filteredOn(c -> !c.counted()).singleElement()
                .satisfies(c -> assertThat(c.supersededBy()).isEqualTo("C2"));
    }

    @Test
    void publicCriticismCostsWhatTheSameLevelsAwardWouldAdd() {
        // 被通报批评的，按加分标准相应扣分
        UnitResult r = with(claim("D1", CRITICISM_CENTRAL, "1", "通报1"), claim("D2", CRITICISM_MINISTRY_OR_PROVINCE, "0.5", "通报2"));
        assertThat(r.deductions()).isEqualByComparingTo("1.5");
        assertThat(r.total()).isEqualByComparingTo("98.5");
    }

    @Test
    void aNationalOnSiteMeetingHeldLocallyAddsTwoEachTime() {
        assertThat(with(claim("C1", NATIONAL_ONSITE_MEETING, "2", "全国煤矿安全现场会"),
                claim("C2", NATIONAL_ONSITE_MEETING, "2", "全国农村改厕现场会")).bonus()).isEqualByComparingTo("4");
    }

    @Test
    void aNewLeadingEnterpriseAddsTwoNationalOrOneProvincial() {
        assertThat(with(claim("C1", LEADING_ENTERPRISE_NATIONAL, "2", "甲公司"),
                claim("C2", LEADING_ENTERPRISE_PROVINCIAL, "1", "乙公司")).bonus()).isEqualByComparingTo("3");
    }

    @Test
    void aNewLightIndustryProjectAddsByInvestmentBandAndTheSameAgainInProduction() {
        // 500万元—1000万元(含1000万元) 0.5, 1000—3000万元(含3000万元) 1, 3000万元以上 2; 建成投产的再加
        assertThat(lightIndustryBand(d("500"))).isEqualTo(LIGHT_INDUSTRY_5_10M);
        assertThat(lightIndustryBand(d("1000"))).isEqualTo(LIGHT_INDUSTRY_5_10M);
        assertThat(lightIndustryBand(d("1000.01"))).isEqualTo(LIGHT_INDUSTRY_10_30M);
        assertThat(lightIndustryBand(d("3000"))).isEqualTo(LIGHT_INDUSTRY_10_30M);
        assertThat(lightIndustryBand(d("3000.01"))).isEqualTo(LIGHT_INDUSTRY_OVER_30M);
        assertThatThrownBy(() -> lightIndustryBand(d("499"))).isInstanceOf(InvalidInput.class);
        UnitResult r = with(claim("C1", LIGHT_INDUSTRY_10_30M, "1", "丙食品厂"),
                claim("C2", LIGHT_INDUSTRY_10_30M_IN_PRODUCTION, "1", "丙食品厂"),
                claim("C3", LIGHT_INDUSTRY_5_10M, "0.5", "丁服装厂"),
                claim("C4", LIGHT_INDUSTRY_OVER_30M, "2", "戊酒厂"));
        assertThat(r.bonus()).isEqualByComparingTo("4.5");
    }

    @Test
    void aNewHighTechEnterpriseAddsTwoAndANewBrandFourNationalOrOneProvincial() {
        assertThat(with(claim("C1", HIGH_TECH_PROVINCIAL, "2", "己科技"), claim("C2", BRAND_NATIONAL, "4", "庚牌"),
                claim("C3", BRAND_PROVINCIAL, "1", "辛牌")).bonus()).isEqualByComparingTo("7");
    }

    @Test
    void oneEnterpriseMeetingSeveralRulesCountsOnceAtTheHighest() {
        // 同一企业或同一品牌在同时满足几项加分条件时，只按最高分值加分，不重复加分
        UnitResult r = with(claim("C1", HIGH_TECH_PROVINCIAL, "2", "壬公司"), claim("C2", BRAND_NATIONAL, "4", "壬公司"),
                claim("C3", LEADING_ENTERPRISE_PROVINCIAL, "1", "壬公司"));
        assertThat(r.bonus()).isEqualByComparingTo("4");
        assertThat(r.claims()).filteredOn(ClaimOutcome::counted).extracting(c -> c.claim().id()).containsExactly("C2");
    }

    @Test
    void criticismByTheCityCostsOneEachAndByTheDistrictHalf() {
        UnitResult r = with(claim("D1", CRITICISM_CITY, "1", "市通报1"), claim("D2", CRITICISM_CITY, "1", "市通报2"),
                claim("D3", CRITICISM_DISTRICT, "0.5", "区通报1"));
        assertThat(r.deductions()).isEqualByComparingTo("2.5");
    }

    @Test
    void beingLateOrLeavingEarlyCostsATenthAndAnAbsenceThreeTenths() {
        UnitResult r = with(claim("D1", MEETING_LATE_OR_EARLY, "0.1", "会1"), claim("D2", MEETING_ABSENT, "0.3", "会2"));
        assertThat(r.deductions()).isEqualByComparingTo("0.4");
    }

    @Test
    void anUnauthorisedSingleAssessmentCostsTwo() {
        assertThat(with(claim("D1", UNAUTHORISED_SINGLE_ASSESSMENT, "2", "对镇乡的卫生单项考核")).total())
                .isEqualByComparingTo("98");
    }

    @Test
    void scoresNotReportedOrFalsifiedCostTwo() {
        assertThat(with(claim("D1", SCORES_NOT_REPORTED_OR_FALSIFIED, "2", "未报送扣分说明")).total())
                .isEqualByComparingTo("98");
    }

    @Test
    void aClaimWithoutEvidenceIsRefused() {
        assertThatThrownBy(() -> new Claim("C1", AWARD_CENTRAL, d("1"), "奖", List.of(), "张三"))
                .isInstanceOf(InvalidInput.class).extracting(ClaimsTest::field).isEqualTo("evidence");
        assertThatThrownBy(() -> new Claim("C1", AWARD_CENTRAL, d("1"), "奖", List.of(" "), "张三"))
                .isInstanceOf(InvalidInput.class).extracting(ClaimsTest::field).isEqualTo("evidence");
    }

    @Test
    void aClaimWithoutAReviewerIsRefused() {
        assertThatThrownBy(() -> new Claim("C1", AWARD_CENTRAL, d("1"), "奖", List.of("文件1"), ""))
                .isInstanceOf(InvalidInput.class).extracting(ClaimsTest::field).isEqualTo("reviewer");
    }

    @Test
    void pointsOtherThanTheCataloguesAreRefused() {
        assertThatThrownBy(() -> with(claim("C1", AWARD_CENTRAL, "2", "奖")))
                .isInstanceOf(BrokenRule.class).extracting(ClaimsTest::field).isEqualTo("claims[C1].points");
    }

    @Test
    void aRuleOutsideTheCatalogueIsRefused() {
        assertThatThrownBy(() -> with(claim("C1", "SPORTS_DAY_WINNER", "1", "运动会")))
                .isInstanceOf(BrokenRule.class).extracting(ClaimsTest::field).isEqualTo("claims[C1].ruleCode");
    }

    @Test
    void theSameSubjectClaimedTwiceUnderOneRuleIsRefused() {
        assertThatThrownBy(() -> with(claim("D1", MEETING_ABSENT, "0.3", "会1"), claim("D2", MEETING_ABSENT, "0.3", "会1")))
                .isInstanceOf(BrokenRule.class).extracting(ClaimsTest::field).isEqualTo("claims[D2].subject");
    }

    @Test
    void aRuleSetMayCapBonusAndDeductions() {
        ScoringRules capped = Sheets.SEED.withCaps(d("3"), d("1"));
        UnitResult r = AssessmentCalculator.compute(capped, Sheets.single("U", Category.TOWN, "1").withClaims(List.of(
                claim("C1", BRAND_NATIONAL, "4", "甲牌"), claim("D1", CRITICISM_CITY, "1", "通报1"),
                claim("D2", CRITICISM_CITY, "1", "通报2"))));
        assertThat(r.bonus()).isEqualByComparingTo("3");
        assertThat(r.deductions()).isEqualByComparingTo("1");
        assertThat(r.total()).isEqualByComparingTo("102");
    }

    @Test
    void aCatalogueEntryAddedToADraftRuleSetCanBeClaimed() {
        ScoringRules more = Sheets.SEED.withCatalogueEntry(new CatalogueEntry("PROVINCE_MODEL", ClaimKind.BONUS,
                new BigDecimal("0.8"), "省级示范", "provincial model", null));
        UnitResult r = AssessmentCalculator.compute(more, Sheets.single("U", Category.TOWN, "1")
                .withClaim(claim("C1", "PROVINCE_MODEL", "0.8", "示范点")));
        assertThat(r.total()).isEqualByComparingTo("100.8");
    }
}
