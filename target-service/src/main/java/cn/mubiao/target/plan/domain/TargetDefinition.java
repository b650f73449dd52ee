package cn.mubiao.target.plan.domain;

import cn.mubiao.kit.domain.StorableNumbers;
import cn.mubiao.contracts.Frequency;
import cn.mubiao.contracts.IndicatorKind;
import cn.mubiao.contracts.target.Milestone;
import cn.mubiao.kit.domain.InvalidInput;
import cn.mubiao.kit.security.UnitCodes;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;

/**
 * A target of an annual plan as the issuing government defines it (DOMAIN.md §3), before it is split down.
 * Checked on construction.
 *
 * @param code           the target's code inside the plan, e.g. A03
 * @param category       the code of one of the plan's categories
 * @param binding        约束性 (binding) rather than 预期性 (expected)
 * @param targetValue    null only for a qualitative target
 * @param leadUnits      责任单位: each answers for the whole target
 * @param coUnits        协办单位
 * @param standardScore  标准分 of the target in each holder's 100 base points, unless an allocation gives its own
 * @param seasonalShares with {@link ScheduleCurve#SEASONAL}: 12 cumulative monthly shares
 * @param milestones     with {@link ScheduleCurve#MILESTONES}: dated steps of a qualitative target
 * @param provinceCode   the province's indicator code, when the target answers a province indicator
 */
public record TargetDefinition(String code, String title, String category, boolean binding, IndicatorKind kind,
                               String unitOfMeasure, BigDecimal targetValue, BigDecimal baseline,
                               List<String> leaders, List<String> leadUnits, List<String> coUnits,
                               String monitorUnitCode, BigDecimal standardScore, Frequency frequency,
                               ScheduleCurve curve, List<BigDecimal> seasonalShares, List<Milestone> milestones,
                               Source source, String provinceCode) {

    public static final BigDecimal FULL_SCORE = BigDecimal.valueOf(100);

    public TargetDefinition {
        leaders = leaders == null ? List.of() : List.copyOf(leaders);
        leadUnits = leadUnits == null ? List.of() : List.copyOf(leadUnits);
        coUnits = coUnits == null ? List.of() : List.copyOf(coUnits);
        seasonalShares = seasonalShares == null ? List.of() : List.copyOf(seasonalShares);
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
        curve = curve != null ? curve
                : kind == IndicatorKind.QUALITATIVE ? ScheduleCurve.MILESTONES
                : seasonalShares.isEmpty() ? ScheduleCurve.LINEAR : ScheduleCurve.SEASONAL;
        source = source == null ? Source.CITY : source;
        if (code == null || !code.matches("[A-Za-z0-9_.-]{1,32}")) {
            throw new InvalidInput("code", "1到32个字母、数字或_.- / 1 to 32 letters, digits or _.-");
        }
        if (title == null || title.isBlank() || title.length() > 200) {
            throw new InvalidInput("title", "必填，不超过200字 / required, at most 200 characters");
        }
        if (kind == null) {
            throw new InvalidInput("indicatorKind", "必填 / required");
        }
        if (frequency == null) {
            throw new InvalidInput("frequency", "必填 / required");
        }
        if (kind == IndicatorKind.QUALITATIVE) {
            if (targetValue != null) {
                throw new InvalidInput("targetValue", "定性目标不设目标值，请用节点 / a qualitative target has milestones, not a value");
            }
            if (curve != ScheduleCurve.MILESTONES || milestones.isEmpty()) {
                throw new InvalidInput("milestones", "定性目标须给出节点 / a qualitative target needs milestones");
            }
        } else {
            if (targetValue == null || targetValue.signum() <= 0) {
                throw new InvalidInput("targetValue", "目标值须为正数 / must be a positive number");
            }
            if (curve == ScheduleCurve.MILESTONES) {
                throw new InvalidInput("curve", "只有定性目标按节点考核 / only qualitative targets follow milestones");
            }
        }
        StorableNumbers.require(targetValue, "targetValue");
        StorableNumbers.require(baseline, "baseline");
        StorableNumbers.require(standardScore, "standardScore");
        if (baseline != null && baseline.signum() < 0) {
            throw new InvalidInput("baseline", "基数不能为负数 / must not be negative");
        }
        if (curve == ScheduleCurve.SEASONAL && seasonalShares.isEmpty()) {
            throw new InvalidInput("seasonalShares", "季节性进度须给出12个月的累计比例 / 12 cumulative monthly shares");
        }
        if (curve != ScheduleCurve.SEASONAL && !seasonalShares.isEmpty()) {
            throw new InvalidInput("seasonalShares", "只有季节性进度才给出月度比例 / shares only with the SEASONAL curve");
        }
        if (kind != IndicatorKind.CUMULATIVE && !seasonalShares.isEmpty()) {
            throw new InvalidInput("seasonalShares", "只有累计型指标按季节分解 / only cumulative indicators grow by season");
        }
        Calendars.checkSeasonalShares(seasonalShares, "seasonalShares");
        if (standardScore != null && (standardScore.signum() < 0 || standardScore.compareTo(FULL_SCORE) > 0)) {
            throw new InvalidInput("standardScore", "标准分应在0至100之间 / between 0 and 100");
        }
        checkCodes(leadUnits, "leadUnits");
        checkCodes(coUnits, "coUnits");
        if (monitorUnitCode != null && !UnitCodes.isWellFormed(monitorUnitCode)) {
            throw new InvalidInput("monitorUnitCode", "不是有效的单位代码 / not a unit code");
        }
        for (int i = 0; i < coUnits.size(); i++) {
            if (leadUnits.contains(coUnits.get(i))) {
                throw new InvalidInput("coUnits[" + i + "]", "协办单位不能同时是责任单位 / a co-unit cannot also lead");
            }
        }
        if (provinceCode != null && !provinceCode.matches("[A-Za-z0-9_.-]{1,40}")) {
            throw new InvalidInput("provinceCode", "1到40个字母、数字或_.- / 1 to 40 letters, digits or _.-");
        }
    }

    /** The same target held to another value (the province's, when it is the stricter: 就高不就低). */
    public TargetDefinition withTargetValue(BigDecimal value) {
        return new TargetDefinition(code, title, category, binding, kind, unitOfMeasure, value, baseline, leaders, leadUnits,
                coUnits, monitorUnitCode, standardScore, frequency, curve, seasonalShares, milestones, source, provinceCode);
    }

    /** Checks the milestones lie in the plan's year (the definition does not know its year on its own). */
    public void checkYear(int year) {
        Calendars.checkMilestones(milestones, year, "milestones");
    }

    private static void checkCodes(List<String> codes, String field) {
        var seen = new HashSet<String>();
        for (int i = 0; i < codes.size(); i++) {
            if (!UnitCodes.isWellFormed(codes.get(i))) {
                throw new InvalidInput(field + "[" + i + "]", "不是有效的单位代码（如410102、410100-FGW） / not a unit code such as 410102 or 410100-FGW");
            }
            if (!seen.add(codes.get(i))) {
                throw new InvalidInput(field + "[" + i + "]", "重复的单位 / listed twice");
            }
        }
    }
}
