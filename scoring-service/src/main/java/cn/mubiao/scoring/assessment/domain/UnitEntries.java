package cn.mubiao.scoring.assessment.domain;

import cn.mubiao.kit.domain.InvalidInput;
import cn.mubiao.kit.domain.RuleViolation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the platform's data does not carry about one unit's plan year, entered by the target office before
 * publication (seed 003 第十二条, 第二十七条): bonus and deduction claims (withdrawn ones kept), vetoes, the
 * comprehensive evaluation, the bottom-up ratings the unit received (one per rater, the latest counting) and the
 * office's judgements of items the data cannot decide (a qualitative item's quality, a missing item, a miss for policy
 * or force majeure: one per item, the latest counting).
 * Changes go through the intention-revealing methods below, each checked against the rule set in force.
 *
 * @see #applyTo(UnitSheet)
 */
public final class UnitEntries {

    /** A claim as entered: who entered it, when, and whether it was withdrawn since. */
    public record EnteredClaim(Claim claim, String enteredBy, Instant enteredAt, boolean withdrawn, String withdrawnBy) {
        EnteredClaim withdrawnBy(String username) {
            return new EnteredClaim(claim, enteredBy, enteredAt, true, username);
        }
    }

    private final int year;
    private final String unitCode;
    private final long revision;
    private final List<EnteredClaim> claims;
    private final List<Veto> vetoes;
    private BigDecimal comprehensive;
    private final Map<String, Rating> ratings;
    private final Map<String, ItemCorrection> judgements;
    private final Map<String, CoUnitMark> coUnitMarks;
    private final Map<Integer, BigDecimal> quarterlyBases;

    private UnitEntries(int year, String unitCode, long revision, List<EnteredClaim> claims, List<Veto> vetoes,
                        BigDecimal comprehensive, Map<String, Rating> ratings, Map<String, ItemCorrection> judgements,
                        Map<String, CoUnitMark> coUnitMarks, Map<Integer, BigDecimal> quarterlyBases) {
        this.year = year;
        this.unitCode = unitCode;
        this.revision = revision;
        this.claims = new ArrayList<>(claims);
        this.vetoes = new ArrayList<>(vetoes);
        this.comprehensive = comprehensive;
        this.ratings = new TreeMap<>(ratings);
        this.judgements = new TreeMap<>(judgements);
        this.coUnitMarks = new TreeMap<>(coUnitMarks);
        this.quarterlyBases = new TreeMap<>(quarterlyBases);
    }

    public static UnitEntries none(int year, String unitCode) {
        return new UnitEntries(year, unitCode, 0, List.of(), List.of(), null, Map.of(), Map.of(), Map.of(), Map.of());
    }

    public static UnitEntries restore(int year, String unitCode, long revision, List<EnteredClaim> claims,
                                      List<Veto> vetoes, BigDecimal comprehensive, List<Rating> ratings,
                                      List<ItemCorrection> judgements, List<CoUnitMark> coUnitMarks,
                                      Map<Integer, BigDecimal> quarterlyBases) {
        Map<String, Rating> byRater = new TreeMap<>();
        ratings.forEach(r -> byRater.put(r.raterUnitCode(), r));
        Map<String, ItemCorrection> byItem = new TreeMap<>();
        judgements.forEach(j -> byItem.put(j.assignmentId(), j));
        Map<String, CoUnitMark> marks = new TreeMap<>();
        coUnitMarks.forEach(m -> marks.put(m.itemId(), m));
        return new UnitEntries(year, unitCode, revision, claims, vetoes, comprehensive, byRater, byItem, marks,
                quarterlyBases);
    }

    /**
     * Files a claim under the catalogue of {@code rules}: the rule must exist and the points be exactly its points
     * (422 otherwise); evidence and a reviewer are required by {@link Claim} itself (400). The claim gets the next
     * id of the unit ({@code C1}, {@code C2}, …).
     */
    public EnteredClaim fileClaim(String ruleCode, BigDecimal points, String subject, List<String> evidence,
                                  String reviewer, ScoringRules rules, String username, Instant at) {
        Claim claim = new Claim("C" + (claims.size() + 1), ruleCode, points, subject, evidence, reviewer);
        rules.entryFor(claim, "claim");
        EnteredClaim entered = new EnteredClaim(claim, username, at, false, null);
        claims.add(entered);
        return entered;
    }

    /** Withdraws a claim: it stays listed, marked withdrawn, and no longer counts. Withdrawing twice is a 409. */
    public EnteredClaim withdrawClaim(String claimId, String username) {
        for (int i = 0; i < claims.size(); i++) {
            EnteredClaim c = claims.get(i);
            if (c.claim().id().equals(claimId)) {
                if (c.withdrawn()) {
                    throw new RuleViolation("claimId", "加减分" + claimId + "已撤回 / claim " + claimId
                            + " was withdrawn already");
                }
                EnteredClaim withdrawn = c.withdrawnBy(username);
                claims.set(i, withdrawn);
                return withdrawn;
            }
        }
        throw new InvalidInput("claimId", "没有加减分" + claimId + " / no claim " + claimId);
    }

    /** Records a veto the rule set recognises (第二十七条); the same kind twice is a 409. */
    public void findVeto(Veto veto, ScoringRules rules) {
        if (!rules.vetoes().contains(veto.kind())) {
            throw new InvalidInput("kind", "本年度规则不含此否决事项 / the rule set has no veto " + veto.kind());
        }
        if (vetoes.stream().anyMatch(v -> v.kind() == veto.kind())) {
            throw new RuleViolation("kind", "已记录此否决事项 / this veto is recorded already");
        }
        vetoes.add(veto);
    }

    /** Sets the leading group's comprehensive evaluation, 0 to the rule set's maximum (第十二条(三): 0–5). */
    public void evaluate(BigDecimal value, ScoringRules rules) {
        if (value == null || value.signum() < 0 || value.compareTo(rules.comprehensiveMax()) > 0) {
            throw new InvalidInput("value", "综合评定分须在0到" + Decimals.plain(rules.comprehensiveMax())
                    + "分之间 / must be between 0 and " + Decimals.plain(rules.comprehensiveMax()));
        }
        this.comprehensive = value;
    }

    /** Records a town's or street's rating of this unit (a department); a second rating by the same rater replaces it. */
    public void rated(Rating rating) {
        if (!rating.ratedUnitCode().equals(unitCode)) {
            throw new InvalidInput("unitCode", "评分对象不是" + unitCode + " / the rating is of another unit");
        }
        ratings.put(rating.raterUnitCode(), rating);
    }

    /**
     * The office judges an item the data cannot decide (第十六、十七条): a qualitative item's quality, a missing item
     * (缺项), or a miss for policy or force majeure; a later judgement of the item replaces it. A completion is not
     * judged: it comes from the reports and their verification.
     *
     * @param qualitative whether the unit's item is a qualitative one (its quality can be judged)
     */
    public void judge(ItemCorrection judgement, boolean qualitative) {
        if (judgement.completion() != null) {
            throw new InvalidInput("completion", "完成率来自报送与核实的数据，不在此录入 / a completion comes from the reports "
                    + "and their verification");
        }
        if (judgement.quality() != null && !qualitative) {
            throw new RuleViolation("quality", "定量项目按完成率计分，不评定等次 / a quantitative item is scored on its "
                    + "completion, not judged for quality");
        }
        judgements.put(judgement.assignmentId(), judgement);
    }

    /**
     * The base (0–100) the unit got in one of the year's regular quarterly assessments (平时考核), which a rule set may
     * count in the annual base ({@link ScoringRules#quarterlyShare()}); entering a quarter again replaces it.
     */
    public void assessQuarter(int quarter, BigDecimal base) {
        if (quarter < 1 || quarter > 4) {
            throw new InvalidInput("quarter", "季度应为1至4 / a quarter is 1 to 4");
        }
        if (base == null || base.signum() < 0 || base.compareTo(UnitSheet.FULL_BASE) > 0) {
            throw new InvalidInput("base", "季度考核基本分须在0到100之间 / a quarterly base is between 0 and 100");
        }
        quarterlyBases.put(quarter, base);
    }

    /** The quarterly bases entered, by quarter. */
    public Map<Integer, BigDecimal> quarterlyBases() {
        return Map.copyOf(quarterlyBases);
    }

    /** 第十八条: the item is the unit's part in co-handling another unit's assignment, and it did not pull its weight. */
    public void markCoUnit(CoUnitMark mark) {
        coUnitMarks.put(mark.itemId(), mark);
    }

    /** Takes a co-unit mark back. */
    public void clearCoUnitMark(String itemId) {
        coUnitMarks.remove(itemId);
    }

    public List<CoUnitMark> coUnitMarks() {
        return List.copyOf(coUnitMarks.values());
    }

    /** Takes an item's judgement back: the item is scored on the data again. Nothing judged: nothing changes. */
    public void clearJudgement(String assignmentId) {
        judgements.remove(assignmentId);
    }

    /**
     * The sheet with these entries added: claims not withdrawn, vetoes, ratings, the comprehensive evaluation, and the
     * judgement of each item the sheet holds (one of an item withdrawn since is left aside).
     */
    public UnitSheet applyTo(UnitSheet sheet) {
        UnitSheet out = sheet.withClaims(activeClaims()).withVetoes(vetoes).withRatings(List.copyOf(ratings.values()))
                .withComprehensive(comprehensive).withQuarterlyBases(List.copyOf(quarterlyBases.values()));
        for (ItemCorrection j : judgementsOf(out)) {
            out = j.applyTo(out);
        }
        return out;
    }

    /** The judgements of items the sheet holds, as they go into a published version. */
    public List<ItemCorrection> judgementsOf(UnitSheet sheet) {
        return judgements.values().stream()
                .filter(j -> sheet.items().stream().anyMatch(i -> i.code().equals(j.assignmentId()))).toList();
    }

    public List<ItemCorrection> judgements() {
        return List.copyOf(judgements.values());
    }

    public List<Claim> activeClaims() {
        return claims.stream().filter(c -> !c.withdrawn()).map(EnteredClaim::claim).toList();
    }

    public boolean isEmpty() {
        return claims.isEmpty() && vetoes.isEmpty() && comprehensive == null && ratings.isEmpty() && judgements.isEmpty()
                && coUnitMarks.isEmpty() && quarterlyBases.isEmpty();
    }

    public int year() {
        return year;
    }

    public String unitCode() {
        return unitCode;
    }

    public long revision() {
        return revision;
    }

    public List<EnteredClaim> claims() {
        return List.copyOf(claims);
    }

    public List<Veto> vetoes() {
        return List.copyOf(vetoes);
    }

    public BigDecimal comprehensive() {
        return comprehensive;
    }

    public List<Rating> ratings() {
        return List.copyOf(ratings.values());
    }
}
