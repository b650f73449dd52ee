package cn.mubiao.scoring.assessment.domain;

import cn.mubiao.kit.domain.BrokenRule;
import cn.mubiao.kit.domain.InvalidInput;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static cn.mubiao.scoring.assessment.domain.Decimals.HUNDRED;
import static cn.mubiao.scoring.assessment.domain.Decimals.MC;
import static cn.mubiao.scoring.assessment.domain.Decimals.plain;
import static cn.mubiao.scoring.assessment.domain.Decimals.show;

/**
 * The year-end score of one unit: a pure function of (rules, sheet). It changes nothing, so a what-if (试算) is the
 * same call with other rules. Lists are read in a canonical order (items by code, claims by id, ratings by rater),
 * so the result never depends on the order the inputs arrived in.
 */
public final class AssessmentCalculator {

    private AssessmentCalculator() {
    }

    public static UnitResult compute(ScoringRules rules, UnitSheet sheet) {
        List<String> lines = new ArrayList<>();

        List<Item> items = tilted(rules, sheet.items().stream().sorted(Comparator.comparing(Item::code)).toList(), lines);
        List<ItemScore> scores = items.stream().map(item -> score(rules, item)).toList();
        scores.forEach(s -> lines.add(s.line()));
        BigDecimal itemsBase = itemsBase(scores, lines);
        BigDecimal base = withQuarterlyShare(rules, sheet, itemsBase, lines);

        List<ClaimOutcome> claims = claims(rules, sheet.claims());
        claims.forEach(c -> lines.add(c.line()));
        BigDecimal bonus = sum(claims, ClaimKind.BONUS);
        BigDecimal deductions = sum(claims, ClaimKind.DEDUCTION);
        if (rules.bonusCap() != null && bonus.compareTo(rules.bonusCap()) > 0) {
            lines.add("附加分" + plain(bonus) + "超过上限，按" + plain(rules.bonusCap()) + "计 / bonus " + plain(bonus)
                    + " capped at " + plain(rules.bonusCap()));
            bonus = rules.bonusCap();
        }
        if (rules.deductionCap() != null && deductions.compareTo(rules.deductionCap()) > 0) {
            lines.add("扣分" + plain(deductions) + "超过上限，按" + plain(rules.deductionCap()) + "计 / deductions "
                    + plain(deductions) + " capped at " + plain(rules.deductionCap()));
            deductions = rules.deductionCap();
        }
        lines.add("附加分 +" + show(bonus) + "，扣分 −" + show(deductions) + " / bonus +" + show(bonus)
                + ", deductions −" + show(deductions));

        BigDecimal rating = rating(rules, sheet, lines);
        BigDecimal comprehensive = comprehensive(rules, sheet, lines);

        List<Veto> vetoes = sheet.vetoes().stream().sorted(Comparator.comparing(Veto::kind)
                .thenComparing(v -> String.join(",", v.evidence()))).toList();
        for (Veto veto : vetoes) {
            if (!rules.vetoes().contains(veto.kind())) {
                throw new BrokenRule("vetoes", "规则中没有否决事项" + veto.kind() + " / the rule set has no such veto");
            }
            lines.add("一票否决：" + veto.kind().zh() + "（证明：" + String.join("、", veto.evidence()) + "，审核："
                    + veto.reviewer() + "）→ 取消一、二、三等奖评奖资格 / veto: " + veto.kind().en()
                    + " → no first, second or third prize");
        }

        BigDecimal total = base.add(bonus).subtract(deductions).add(rating).add(comprehensive);
        lines.add("总分 = 基本分 " + show(base) + " + 附加分 " + show(bonus) + " − 扣分 " + show(deductions)
                + " + 下评上 " + show(rating) + " + 综合评定 " + show(comprehensive) + " = " + show(total)
                + "（显示为" + Decimals.display(total) + "） / total = base + bonus − deductions + rating + comprehensive = "
                + show(total) + " (shown as " + Decimals.display(total) + ")");
        return new UnitResult(sheet.unitCode(), sheet.unitName(), sheet.category(), itemsBase, base, bonus, deductions,
                rating, comprehensive, total, vetoes, scores, claims, lines);
    }

    /**
     * Seed 004 (目标分值权重设置上，向省目标倾斜): with a province weight w above 1, each province-assessed item weighs
     * s × w and every item's share of the 100 base points is that weight over the sum of all weights — the city's own
     * items give up what the province's gain, the total stays 100. Nothing changes without both kinds of item.
     */
    private static List<Item> tilted(ScoringRules rules, List<Item> items, List<String> lines) {
        if (!rules.tiltsTowardProvince() || items.stream().allMatch(Item::provinceAssessed)
                || items.stream().noneMatch(Item::provinceAssessed)) {
            return items;
        }
        BigDecimal w = rules.provinceWeight();
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal weighted = BigDecimal.ZERO;
        for (Item item : items) {
            total = total.add(item.standardScore());
            weighted = weighted.add(item.provinceAssessed() ? item.standardScore().multiply(w) : item.standardScore());
        }
        BigDecimal scale = total.divide(weighted, MC);
        List<Item> out = new ArrayList<>();
        List<String> shifts = new ArrayList<>();
        for (Item item : items) {
            BigDecimal s = (item.provinceAssessed() ? item.standardScore().multiply(w) : item.standardScore())
                    .multiply(scale, MC);
            out.add(item.weighing(s));
            shifts.add(item.code() + (item.provinceAssessed() ? "（省考）" : "") + " " + plain(item.standardScore()) + "→"
                    + show(s));
        }
        lines.add("省考指标权重倾斜×" + plain(w) + "：省考项目按标准分×" + plain(w) + "，全部项目按比例折回"
                + plain(total) + "分：" + String.join("，", shifts) + " / province-assessed items weigh ×" + plain(w)
                + ", all rescaled to " + plain(total) + ": " + String.join(", ", shifts));
        return out;
    }

    /** Scores one item under the rules (第十六、十七、十八条). */
    public static ItemScore score(ScoringRules rules, Item item) {
        BigDecimal s = item.standardScore();
        String head = item.code() + " ";
        if (item.fraud()) {
            BigDecimal score = s.multiply(rules.fraudFactor(), MC);
            return new ItemScore(item.code(), s, rules.fraudFactor(), score, false, head + "弄虚作假 s=" + plain(s)
                    + " 倒扣" + plain(rules.fraudFactor().negate().multiply(HUNDRED)) + "% → " + show(score)
                    + " / fraud s=" + plain(s) + " → " + show(score));
        }
        if (item.outcome() instanceof Outcome.Missing missing) {
            return new ItemScore(item.code(), s, null, null, true, head + "缺项 s=" + plain(s) + "（" + missing.reason()
                    + "）→ 不计分，总分按比例折算 / missing item s=" + plain(s) + " → left out, base prorated");
        }
        Factor own = factor(rules, item.outcome());
        CoUnit co = item.coUnit();
        if (co != null && co.notPullingWeight() && rules.coUnitTakesLeadFactor()) {
            Factor lead = factor(rules, co.leadOutcome());
            if (lead.value().compareTo(BigDecimal.ONE) < 0) {
                BigDecimal score = s.multiply(lead.value(), MC);
                return new ItemScore(item.code(), s, lead.value(), score, false, head + "协办单位工作不力，牵头单位"
                        + co.leadUnitCode() + "未完成（" + lead.zh() + "）s=" + plain(s) + " 按牵头单位系数"
                        + show(lead.value()) + " → " + show(score) + " / co-unit not pulling its weight, lead "
                        + co.leadUnitCode() + " missed (" + lead.en() + "): lead's factor " + show(lead.value()) + " → "
                        + show(score));
            }
        }
        BigDecimal score = s.multiply(own.value(), MC);
        return new ItemScore(item.code(), s, own.value(), score, false, head + own.zh() + " s=" + plain(s) + " → "
                + show(score) + " / " + own.en() + " s=" + plain(s) + " → " + show(score));
    }

    private record Factor(BigDecimal value, String zh, String en) {
    }

    private static Factor factor(ScoringRules rules, Outcome outcome) {
        return switch (outcome) {
            case Outcome.Quantitative q -> {
                BigDecimal f = q.completion().min(BigDecimal.ONE);
                String pct = q.completion().multiply(HUNDRED).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
                yield new Factor(f, "定量 完成" + pct + "%", "quantitative, completion " + pct + "%");
            }
            case Outcome.Qualitative q -> new Factor(rules.factor(q.quality()),
                    "定性 " + q.quality().zh() + " ×" + plain(rules.factor(q.quality())),
                    "qualitative, " + q.quality().en() + " ×" + plain(rules.factor(q.quality())));
            case Outcome.PolicyMiss p -> new Factor(rules.policyMissFactor(),
                    "全面开展但受政策或不可抗力影响未完成（" + p.reason() + "）×" + plain(rules.policyMissFactor()),
                    "fully carried out, missed for policy or force majeure ×" + plain(rules.policyMissFactor()));
            case Outcome.Missing m -> throw new InvalidInput("outcome", "缺项没有系数 / a missing item has no factor");
        };
    }

    private static BigDecimal itemsBase(List<ItemScore> scores, List<String> lines) {
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal standard = BigDecimal.ZERO;
        boolean anyMissing = false;
        for (ItemScore s : scores) {
            if (s.leftOut()) {
                anyMissing = true;
            } else {
                sum = sum.add(s.score(), MC);
                standard = standard.add(s.standardScore());
            }
        }
        if (standard.signum() == 0) {
            throw new BrokenRule("items", "全部为缺项，无法折算 / every item is missing: nothing to prorate");
        }
        BigDecimal base = sum.multiply(HUNDRED, MC).divide(standard, MC);
        if (anyMissing) {
            lines.add("基本分 = " + show(sum) + " × 100 / " + plain(standard) + " = " + show(base)
                    + "（缺项按比例折算） / base = " + show(sum) + " × 100 / " + plain(standard) + " = " + show(base)
                    + " (prorated for missing items)");
        } else {
            lines.add("基本分 = 各项得分之和 " + show(base) + " / base = sum of item scores " + show(base));
        }
        return base;
    }

    private static BigDecimal withQuarterlyShare(ScoringRules rules, UnitSheet sheet, BigDecimal annual,
                                                 List<String> lines) {
        BigDecimal w = rules.quarterlyShare();
        if (w.signum() == 0) {
            return annual;
        }
        if (sheet.quarterlyBases().isEmpty()) {
            throw new BrokenRule("quarterlyBases", "规则计入平时考核，但没有季度考核分 / the rules count quarterly "
                    + "assessments and the unit has none");
        }
        BigDecimal quarterly = sheet.quarterlyBases().stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(sheet.quarterlyBases().size()), MC);
        BigDecimal base = BigDecimal.ONE.subtract(w).multiply(annual, MC).add(w.multiply(quarterly, MC), MC);
        lines.add("计入平时考核：基本分 = " + show(annual) + " × " + plain(BigDecimal.ONE.subtract(w)) + " + 季度平均 "
                + show(quarterly) + " × " + plain(w) + " = " + show(base) + " / with quarterly share " + plain(w)
                + ": base = " + show(base));
        return base;
    }

    private static List<ClaimOutcome> claims(ScoringRules rules, List<Claim> unsorted) {
        List<Claim> claims = unsorted.stream().sorted(Comparator.comparing(Claim::id)).toList();
        Map<String, CatalogueEntry> entries = new HashMap<>();
        Set<String> ruleAndSubject = new HashSet<>();
        for (Claim claim : claims) {
            CatalogueEntry entry = rules.entryFor(claim, "claims[" + claim.id() + "]");
            if (!ruleAndSubject.add(claim.ruleCode() + "\u0000" + claim.subject())) {
                throw new BrokenRule("claims[" + claim.id() + "].subject", "同一事由（" + claim.subject()
                        + "）按同一规则重复申报 / the same subject is claimed twice under " + claim.ruleCode());
            }
            entries.put(claim.id(), entry);
        }
        // once at the highest: per group and subject, the claim with the most points (then the smallest id) counts
        Map<String, Claim> winners = claims.stream()
                .filter(c -> entries.get(c.id()).onceAtHighestGroup() != null)
                .collect(Collectors.toMap(c -> entries.get(c.id()).onceAtHighestGroup() + "\u0000" + c.subject(),
                        c -> c, (a, b) -> {
                            int cmp = a.points().compareTo(b.points());
                            return cmp > 0 || (cmp == 0 && a.id().compareTo(b.id()) <= 0) ? a : b;
                        }));
        List<ClaimOutcome> outcomes = new ArrayList<>();
        for (Claim claim : claims) {
            CatalogueEntry entry = entries.get(claim.id());
            String sign = entry.kind() == ClaimKind.BONUS ? "+" : "−";
            String about = "（" + claim.subject() + "；证明：" + String.join("、", claim.evidence()) + "；审核："
                    + claim.reviewer() + "）";
            Claim winner = entry.onceAtHighestGroup() == null ? claim
                    : winners.get(entry.onceAtHighestGroup() + "\u0000" + claim.subject());
            if (winner == claim) {
                outcomes.add(new ClaimOutcome(claim, entry, true, null, claim.id() + " " + entry.zh() + about + " "
                        + sign + plain(entry.points()) + " / " + entry.en() + " " + sign + plain(entry.points())));
            } else {
                outcomes.add(new ClaimOutcome(claim, entry, false, winner.id(), claim.id() + " " + entry.zh() + about
                        + " 同一事项只按最高计分（已按" + winner.id() + "计），本项不计 / " + entry.en()
                        + ": counted once at the highest (" + winner.id() + "), not counted"));
            }
        }
        return outcomes;
    }

    private static BigDecimal sum(List<ClaimOutcome> outcomes, ClaimKind kind) {
        return outcomes.stream().filter(o -> o.counted() && o.entry().kind() == kind)
                .map(o -> o.entry().points()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal rating(ScoringRules rules, UnitSheet sheet, List<String> lines) {
        if (sheet.category() != Category.DEPARTMENT) {
            return BigDecimal.ZERO;
        }
        List<Rating> ratings = sheet.ratings().stream().sorted(Comparator.comparing(Rating::raterUnitCode)).toList();
        if (ratings.isEmpty()) {
            lines.add("下评上：无评分 → 0 / bottom-up rating: none → 0");
            return BigDecimal.ZERO;
        }
        List<BigDecimal> scores = ratings.stream().map(Rating::score).toList();
        List<BigDecimal> counted = scores;
        String trimmed = "";
        if (rules.trimRatings() && scores.size() >= 3) {
            List<BigDecimal> sorted = new ArrayList<>(scores.stream().sorted().toList());
            BigDecimal low = sorted.removeFirst();
            BigDecimal high = sorted.removeLast();
            counted = sorted;
            trimmed = "，去掉最高分" + plain(high) + "和最低分" + plain(low);
        }
        BigDecimal mean = counted.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(counted.size()), MC);
        String all = scores.stream().map(Decimals::plain).collect(Collectors.joining(","));
        lines.add("下评上：" + scores.size() + "个镇乡街道评分 " + all + trimmed + "，平均 → " + show(mean)
                + " / bottom-up rating: mean of " + counted.size() + " ratings" + (trimmed.isEmpty() ? "" : " (trimmed)")
                + " → " + show(mean));
        return mean;
    }

    private static BigDecimal comprehensive(ScoringRules rules, UnitSheet sheet, List<String> lines) {
        BigDecimal value = sheet.comprehensive();
        if (value == null) {
            lines.add("综合评定分：未评定 → 0 / comprehensive evaluation: not set → 0");
            return BigDecimal.ZERO;
        }
        if (value.compareTo(rules.comprehensiveMax()) > 0) {
            throw new InvalidInput("comprehensive", "综合评定分须在0到" + plain(rules.comprehensiveMax())
                    + "分之间 / must be between 0 and " + plain(rules.comprehensiveMax()));
        }
        lines.add("综合评定分（领导小组评定）" + show(value) + " / comprehensive evaluation " + show(value));
        return value;
    }
}
