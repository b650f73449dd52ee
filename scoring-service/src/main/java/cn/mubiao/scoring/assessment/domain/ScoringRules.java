package cn.mubiao.scoring.assessment.domain;

import cn.mubiao.kit.domain.BrokenRule;
import cn.mubiao.kit.domain.InvalidInput;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The contents of a rule set: every number and switch the year-end assessment uses. Immutable; the {@code with…}
 * methods give a changed copy (for a new draft version or a what-if).
 *
 * @param qualityFactors        qualitative factors (第十六条: 100% / 90% / 80% / 0)
 * @param policyMissFactor      fully carried out but missed for policy or force majeure (第十七条: 100%)
 * @param fraudFactor           fraud on an item (第十六条: 倒扣该项工作正常分值的50% → −0.5)
 * @param coUnitTakesLeadFactor 第十八条: a co-unit that did not pull its weight is scored with the lead's factor
 * @param bonusCap              most bonus points a unit can get (null: no cap; seed 003 sets none)
 * @param deductionCap          most deduction points a unit can lose (null: no cap; seed 003 sets none)
 * @param trimRatings           drop the highest and the lowest bottom-up rating when there are at least three
 * @param comprehensiveMax      the comprehensive evaluation is 0..this (第十二条(三): 0-5分)
 * @param vetoes                the veto kinds the rule set recognises (第二十七条)
 * @param grades                the grade scheme of each category (第二十一条)
 * @param quarterlyShare        the share (0..1) of the mean quarterly base in the annual base; 0 = the year only
 * @param provinceWeight        how much more a province-assessed item weighs than the city's own (seed 004: 目标分值
 *                              权重设置上，向省目标倾斜): 1..5, 1 = no tilt; the unit's 100 base points are shared out
 *                              again in proportion to standard score × weight (null, as in rule sets stored before it
 *                              existed, reads as 1)
 */
public record ScoringRules(Map<Quality, BigDecimal> qualityFactors, BigDecimal policyMissFactor,
                           BigDecimal fraudFactor, boolean coUnitTakesLeadFactor, List<CatalogueEntry> catalogue,
                           BigDecimal bonusCap, BigDecimal deductionCap, boolean trimRatings,
                           BigDecimal comprehensiveMax, Set<VetoKind> vetoes, Map<Category, GradeScheme> grades,
                           BigDecimal quarterlyShare, BigDecimal provinceWeight) {

    private static final BigDecimal MAX_PROVINCE_WEIGHT = BigDecimal.valueOf(5);

    public ScoringRules {
        if (qualityFactors == null || qualityFactors.size() != Quality.values().length) {
            throw new InvalidInput("qualityFactors", "须为每个等次给出系数 / a factor for every quality");
        }
        qualityFactors.forEach((q, f) -> requireFactor(f, "qualityFactors." + q));
        requireFactor(policyMissFactor, "policyMissFactor");
        if (fraudFactor == null || fraudFactor.signum() > 0) {
            throw new InvalidInput("fraudFactor", "须为0或负数 / must be zero or negative");
        }
        Set<String> codes = new HashSet<>();
        for (CatalogueEntry entry : catalogue) {
            if (!codes.add(entry.code())) {
                throw new InvalidInput("catalogue", "规则代码重复：" + entry.code() + " / duplicate rule code");
            }
        }
        if (bonusCap != null && bonusCap.signum() < 0) {
            throw new InvalidInput("bonusCap", "不得为负数 / must not be negative");
        }
        if (deductionCap != null && deductionCap.signum() < 0) {
            throw new InvalidInput("deductionCap", "不得为负数 / must not be negative");
        }
        Decimals.requireNonNegative(comprehensiveMax, "comprehensiveMax");
        if (grades == null || !grades.keySet().containsAll(EnumSet.allOf(Category.class))) {
            throw new InvalidInput("grades", "须为每一类别设定等次 / a grade scheme for every category");
        }
        if (quarterlyShare == null || quarterlyShare.signum() < 0 || quarterlyShare.compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidInput("quarterlyShare", "须在0到1之间 / must be between 0 and 1");
        }
        provinceWeight = provinceWeight == null ? BigDecimal.ONE : provinceWeight;
        if (provinceWeight.compareTo(BigDecimal.ONE) < 0 || provinceWeight.compareTo(MAX_PROVINCE_WEIGHT) > 0) {
            throw new InvalidInput("provinceWeight", "省考指标权重系数须在1到5之间（1为不倾斜） / the province weight is "
                    + "between 1 and 5 (1: no tilt)");
        }
        qualityFactors = Map.copyOf(new EnumMap<>(qualityFactors));
        catalogue = List.copyOf(catalogue);
        vetoes = vetoes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(vetoes));
        grades = Map.copyOf(new EnumMap<>(grades));
    }

    private static void requireFactor(BigDecimal f, String field) {
        if (f == null || f.signum() < 0 || f.compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidInput(field, "系数须在0到1之间 / a factor is between 0 and 1");
        }
    }

    /** Seed 003's rules (钟山区区直单位和镇乡街道工作目标管理暂行办法, 第十二至三十条): the default rule set. */
    public static ScoringRules seed003() {
        Map<Quality, BigDecimal> quality = new EnumMap<>(Quality.class);
        quality.put(Quality.GOOD, new BigDecimal("1.0"));
        quality.put(Quality.FAIR, new BigDecimal("0.9"));
        quality.put(Quality.POOR, new BigDecimal("0.8"));
        quality.put(Quality.NOT_COMPLETED, BigDecimal.ZERO);
        Map<Category, GradeScheme> grades = new EnumMap<>(Category.class);
        BigDecimal ninety = new BigDecimal("90");
        grades.put(Category.DEPARTMENT, new GradeScheme(8, 30, null, null, ninety, true));
        grades.put(Category.TOWN, new GradeScheme(1, 1, null, null, ninety, true));
        grades.put(Category.STREET, new GradeScheme(1, 1, null, null, ninety, true));
        return new ScoringRules(quality, BigDecimal.ONE, new BigDecimal("-0.5"), true, Seed003Catalogue.entries(),
                null, null, false, new BigDecimal("5"), EnumSet.allOf(VetoKind.class), grades, BigDecimal.ZERO,
                BigDecimal.ONE);
    }

    public Optional<CatalogueEntry> entry(String code) {
        return catalogue.stream().filter(e -> e.code().equals(code)).findFirst();
    }

    /** The catalogue entry a claim names, refusing an unknown rule or points other than the catalogue's. */
    public CatalogueEntry entryFor(Claim claim, String field) {
        CatalogueEntry entry = entry(claim.ruleCode()).orElseThrow(() -> new BrokenRule(field + ".ruleCode",
                "加减分目录中没有规则" + claim.ruleCode() + " / no such rule in the catalogue"));
        if (entry.points().compareTo(claim.points()) != 0) {
            throw new BrokenRule(field + ".points", "规则" + entry.code() + "的分值是" + Decimals.plain(entry.points())
                    + "，不是" + Decimals.plain(claim.points()) + " / the catalogue gives " + Decimals.plain(entry.points())
                    + " points");
        }
        return entry;
    }

    public GradeScheme gradeScheme(Category category) {
        return grades.get(category);
    }

    public BigDecimal factor(Quality quality) {
        return qualityFactors.get(quality);
    }

    public ScoringRules withQualityFactor(Quality quality, BigDecimal factor) {
        Map<Quality, BigDecimal> next = new EnumMap<>(qualityFactors);
        next.put(quality, factor);
        return new ScoringRules(next, policyMissFactor, fraudFactor, coUnitTakesLeadFactor, catalogue, bonusCap,
                deductionCap, trimRatings, comprehensiveMax, vetoes, grades, quarterlyShare, provinceWeight);
    }

    public ScoringRules withFraudFactor(BigDecimal factor) {
        return new ScoringRules(qualityFactors, policyMissFactor, factor, coUnitTakesLeadFactor, catalogue, bonusCap,
                deductionCap, trimRatings, comprehensiveMax, vetoes, grades, quarterlyShare, provinceWeight);
    }

    public ScoringRules withCoUnitTakesLeadFactor(boolean on) {
        return new ScoringRules(qualityFactors, policyMissFactor, fraudFactor, on, catalogue, bonusCap,
                deductionCap, trimRatings, comprehensiveMax, vetoes, grades, quarterlyShare, provinceWeight);
    }

    public ScoringRules withCatalogueEntry(CatalogueEntry entry) {
        List<CatalogueEntry> next = new ArrayList<>(catalogue.stream().filter(e -> !e.code().equals(entry.code())).toList());
        next.add(entry);
        return new ScoringRules(qualityFactors, policyMissFactor, fraudFactor, coUnitTakesLeadFactor, next, bonusCap,
                deductionCap, trimRatings, comprehensiveMax, vetoes, grades, quarterlyShare, provinceWeight);
    }

    public ScoringRules withCaps(BigDecimal bonus, BigDecimal deduction) {
        return new ScoringRules(qualityFactors, policyMissFactor, fraudFactor, coUnitTakesLeadFactor, catalogue, bonus,
                deduction, trimRatings, comprehensiveMax, vetoes, grades, quarterlyShare, provinceWeight);
    }

    public ScoringRules withTrimRatings(boolean trim) {
        return new ScoringRules(qualityFactors, policyMissFactor, fraudFactor, coUnitTakesLeadFactor, catalogue, bonusCap,
                deductionCap, trim, comprehensiveMax, vetoes, grades, quarterlyShare, provinceWeight);
    }

    public ScoringRules withGrades(Category category, GradeScheme scheme) {
        Map<Category, GradeScheme> next = new EnumMap<>(grades);
        next.put(category, scheme);
        return new ScoringRules(qualityFactors, policyMissFactor, fraudFactor, coUnitTakesLeadFactor, catalogue, bonusCap,
                deductionCap, trimRatings, comprehensiveMax, vetoes, next, quarterlyShare, provinceWeight);
    }

    public ScoringRules withProvinceWeight(BigDecimal weight) {
        return new ScoringRules(qualityFactors, policyMissFactor, fraudFactor, coUnitTakesLeadFactor, catalogue, bonusCap,
                deductionCap, trimRatings, comprehensiveMax, vetoes, grades, quarterlyShare, weight);
    }

    /** Whether province-assessed items weigh more than the city's own. */
    public boolean tiltsTowardProvince() {
        return provinceWeight.compareTo(BigDecimal.ONE) > 0;
    }

    public ScoringRules withQuarterlyShare(BigDecimal share) {
        return new ScoringRules(qualityFactors, policyMissFactor, fraudFactor, coUnitTakesLeadFactor, catalogue, bonusCap,
                deductionCap, trimRatings, comprehensiveMax, vetoes, grades, share, provinceWeight);
    }
}
