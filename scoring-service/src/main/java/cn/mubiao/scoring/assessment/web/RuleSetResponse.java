package cn.mubiao.scoring.assessment.web;

import cn.mubiao.scoring.assessment.application.AssessUnits;
import cn.mubiao.scoring.assessment.application.Categories;
import cn.mubiao.scoring.assessment.domain.Category;
import cn.mubiao.scoring.assessment.domain.Quality;
import cn.mubiao.scoring.assessment.domain.ScoringRules;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * The rule set in force for a government's plan year: the stored one, or seed 003's default ({@code source} DEFAULT).
 *
 * @param bonusCap   null: no cap
 * @param quarterlyShare the share of the mean quarterly base in the annual base (0: the year only)
 * @param provinceWeight how much more a province-assessed item weighs (1: no tilt)
 */
record RuleSetResponse(int year, String issuer, int version, boolean frozen, String source, String sourceLabel,
                       List<QualityFactor> qualityFactors, BigDecimal policyMissFactor, BigDecimal fraudFactor,
                       boolean coUnitTakesLeadFactor, BigDecimal bonusCap, BigDecimal deductionCap,
                       boolean trimRatings, BigDecimal comprehensiveMax, BigDecimal quarterlyShare,
                       BigDecimal provinceWeight, List<VetoKindResponse> vetoes, List<GradesResponse> grades, List<CatalogueResponse> catalogue) {

    record QualityFactor(String quality, String label, BigDecimal factor) {
    }

    record VetoKindResponse(String kind, String label) {
    }

    record GradesResponse(String category, String categoryLabel, int firstPlaces, int secondPlaces,
                          Integer thirdPlaces, BigDecimal thirdMinTotal, BigDecimal passMark,
                          boolean passMarkIsFailing) {
    }

    record CatalogueResponse(String code, String kind, BigDecimal points, String zh, String en,
                             String onceAtHighestGroup) {
    }

    static RuleSetResponse of(AssessUnits.RuleInForce r) {
        ScoringRules rules = r.ruleSet().rules();
        return new RuleSetResponse(r.ruleSet().planYear(), r.issuer(), r.ruleSet().version(), r.ruleSet().frozen(),
                r.stored() ? "STORED" : "DEFAULT",
                r.stored() ? "本年度设定的考核规则 / the rule set stored for the year"
                        : "默认规则（钟山区目标管理暂行办法，种子003） / the default rules (seed 003)",
                Arrays.stream(Quality.values()).map(q -> new QualityFactor(q.name(), q.zh() + " / " + q.en(),
                        rules.factor(q))).toList(),
                rules.policyMissFactor(), rules.fraudFactor(), rules.coUnitTakesLeadFactor(), rules.bonusCap(),
                rules.deductionCap(), rules.trimRatings(), rules.comprehensiveMax(), rules.quarterlyShare(),
                rules.provinceWeight(),
                rules.vetoes().stream().sorted().map(v -> new VetoKindResponse(v.name(), v.zh() + " / " + v.en()))
                        .toList(),
                Arrays.stream(Category.values()).map(c -> {
                    var g = rules.gradeScheme(c);
                    return new GradesResponse(Categories.code(c), c.zh() + " / " + c.en(), g.firstPlaces(),
                            g.secondPlaces(), g.thirdPlaces(), g.thirdMinTotal(), g.passMark(), g.passMarkIsFailing());
                }).toList(),
                rules.catalogue().stream().map(e -> new CatalogueResponse(e.code(), e.kind().name(), e.points(), e.zh(),
                        e.en(), e.onceAtHighestGroup())).toList());
    }
}
