package cn.mubiao.scoring.assessment.application;

import cn.mubiao.contracts.target.UnitChanged;
import cn.mubiao.kit.domain.Refusal;
import cn.mubiao.kit.security.UnitCodes;
import cn.mubiao.scoring.assessment.domain.AssessmentCalculator;
import cn.mubiao.scoring.assessment.domain.Category;
import cn.mubiao.scoring.assessment.domain.GradedResult;
import cn.mubiao.scoring.assessment.domain.Grading;
import cn.mubiao.scoring.assessment.domain.RuleSet;
import cn.mubiao.scoring.assessment.domain.UnitResult;
import cn.mubiao.scoring.assessment.domain.UnitYear;
import cn.mubiao.scoring.assessment.domain.AssignmentFacts;
import cn.mubiao.scoring.assessment.domain.CoUnitMark;
import cn.mubiao.scoring.assessment.domain.ItemCorrection;
import cn.mubiao.scoring.assessment.domain.Outcome;
import cn.mubiao.scoring.assessment.domain.UnitSheet;
import cn.mubiao.scoring.assessment.domain.Ranking;
import cn.mubiao.scoring.assessment.domain.ScoringRules;
import cn.mubiao.scoring.assessment.domain.UnitEntries;
import cn.mubiao.scoring.assessment.persistence.AssessmentStore;
import cn.mubiao.scoring.assessment.persistence.EntriesStore;
import cn.mubiao.scoring.assessment.persistence.RuleSetStore;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The year-end assessment from the platform's own data, as a preview (试算): a unit's sheet built from its
 * assignments, scored under the year's rule set (the stored one, else seed 003's), and a category ranked. Nothing
 * is written. Claims, vetoes, ratings and the comprehensive evaluation entered
 * ({@link EnterAssessmentEntries}) are part of the sheet.
 */
@Component
public class AssessUnits {

    private final AssessmentStore store;
    private final RuleSetStore ruleSets;
    private final EntriesStore entries;

    AssessUnits(AssessmentStore store, RuleSetStore ruleSets, EntriesStore entries) {
        this.store = store;
        this.ruleSets = ruleSets;
        this.entries = entries;
    }

    /**
     * The rule set in force for a government's plan year and whether it was stored (else the default of seed 003).
     *
     * @param issuer the government whose rules they are (it assesses the units one level below it)
     */
    public record RuleInForce(String issuer, RuleSet ruleSet, boolean stored) {
    }

    /** A unit's previewed result with the facts it was computed from. */
    public record Preview(int year, UnitResult result, UnitYear facts, RuleInForce ruleSet) {
    }

    /** A unit of the category that could not be scored, and why (Chinese first, English second). */
    public record NotRanked(String unitCode, String unitName, String field, String reason) {
    }

    public record Standings(int year, Category category, String issuer, RuleInForce ruleSet, List<GradedResult> ranked,
                            List<NotRanked> notRanked) {
    }

    /** A unit's facts and entries, and the result computed from them. */
    public record Scored(UnitYear facts, UnitEntries entries, UnitResult result) {
    }

    /** Every category of the issuer's area ranked under {@code ruleSet}, each unit with what it was scored on. */
    public record Assessed(int year, String issuer, RuleInForce ruleSet, Ranking ranking, Map<String, Scored> units,
                           List<NotRanked> notRanked) {
    }

    /**
     * The whole assessment of the issuer's area (every category) under the given rules: for publication, or a
     * what-if with rules that are not stored. Nothing is written.
     */
    public Assessed assess(int year, String issuer, RuleInForce rules) {
        Map<String, Scored> scored = new TreeMap<>();
        List<NotRanked> notRanked = new ArrayList<>();
        forEachUnitOf(year, issuer, category -> true, (unit, facts, entered) -> {
            try {
                UnitSheet sheet = withEntries(year, facts.sheet(unit.category(), unit.name()), entered);
                scored.put(facts.unitCode(), new Scored(facts, entered,
                        AssessmentCalculator.compute(rules.ruleSet().rules(), sheet)));
            } catch (Refusal e) {
                notRanked.add(new NotRanked(facts.unitCode(), unit.name(), e.field(), e.reason()));
            }
        });
        notRanked.sort(Comparator.comparing(NotRanked::unitCode));
        Ranking ranking = Grading.rank(rules.ruleSet().rules(), scored.values().stream().map(Scored::result).toList());
        return new Assessed(year, issuer, rules, ranking, scored, notRanked);
    }

    /** A unit as the assessment of an area sees it: its name (the unit tree's, else the facts') and category. */
    private record AreaUnit(String name, Category category) {
    }

    private interface UnitAction {
        void accept(AreaUnit unit, UnitYear facts, UnitEntries entered);
    }

    /**
     * Every unit of the issuer's area holding a live assignment of the year, whose category (null: none) is
     * wanted, with its facts and entries. Three queries for the whole area, each read by cursor: the unit tree's
     * units, the entries, then the units' years one by one.
     */
    private void forEachUnitOf(int year, String issuer, Predicate<Category> wanted, UnitAction action) {
        String prefix = UnitCodes.subtreePrefix(UnitCodes.region(issuer));
        Map<String, UnitChanged> units = store.units(prefix);
        Map<String, UnitEntries> entries = this.entries.all(year, prefix);
        store.forEachUnitYear(year, prefix, facts -> {
            Optional<UnitChanged> unit = Optional.ofNullable(units.get(facts.unitCode()));
            Category category = unit.map(UnitChanged::assessmentCategory).flatMap(Categories::of).orElse(null);
            if (!wanted.test(category) || !facts.hasLive()) {
                return;
            }
            AreaUnit area = new AreaUnit(unit.map(UnitChanged::name).orElse(facts.unitName()), category);
            action.accept(area, facts, entries.getOrDefault(facts.unitCode(), UnitEntries.none(year, facts.unitCode())));
        });
    }

    /**
     * What-if (试算): the issuer's area assessed under {@code rules} (given over the rules in force), beside the same
     * under the rules in force. Nothing is written.
     */
    public WhatIf whatIf(int year, String issuer, UnaryOperator<ScoringRules> rules) {
        RuleInForce inForce = ruleSet(issuer, year);
        RuleSet tried = RuleSet.restore(year, inForce.ruleSet().version() + 1, rules.apply(inForce.ruleSet().rules()),
                false);
        return new WhatIf(assess(year, issuer, new RuleInForce(inForce.issuer(), tried, false)),
                assess(year, issuer, inForce));
    }

    public record WhatIf(Assessed tried, Assessed inForce) {
    }

    /** The rules a government assesses its plan year under: its own stored rule set, else seed 003's. */
    public RuleInForce ruleSet(String issuer, int year) {
        String government = UnitCodes.region(issuer);
        return ruleSets.find(government, year).map(r -> new RuleInForce(government, r, true))
                .orElseGet(() -> new RuleInForce(government, RuleSet.defaultFor(year), false));
    }

    /** The rules a unit is assessed under: those of the government one level up (a department: its own government). */
    public RuleInForce ruleSetOf(String unitCode, int year) {
        return ruleSet(assessorOf(unitCode), year);
    }

    /** The government that assesses a unit: the one a level up (上一级); a department's own government. */
    public static String assessorOf(String unitCode) {
        return UnitCodes.nextLevelUp(unitCode).orElse(unitCode);
    }

    /**
     * The unit's result, or empty when it holds no assignment of the year. A sheet the rules refuse (no category,
     * standard scores not adding up to 100) is a {@link Refusal} naming the field.
     */
    public Optional<Preview> preview(int year, String unitCode) {
        Optional<UnitYear> facts = store.unitYear(year, unitCode).filter(u -> !u.live().isEmpty());
        if (facts.isEmpty()) {
            return Optional.empty();
        }
        RuleInForce rules = ruleSetOf(unitCode, year);
        return Optional.of(new Preview(year, compute(rules, facts.get()), facts.get(), rules));
    }

    /**
     * The category's units inside the issuer's area, ranked and graded over all of them, then narrowed to those
     * {@code visible} to the caller (a unit sees its own place among all).
     */
    public Standings ranking(int year, Category category, String issuer, Predicate<String> visible) {
        RuleInForce rules = ruleSet(issuer, year);
        List<UnitResult> results = new ArrayList<>();
        List<NotRanked> notRanked = new ArrayList<>();
        forEachUnitOf(year, issuer, c -> c == category, (unit, facts, entered) -> {
            try {
                results.add(AssessmentCalculator.compute(rules.ruleSet().rules(),
                        withEntries(year, facts.sheet(unit.category(), unit.name()), entered)));
            } catch (Refusal e) {
                notRanked.add(new NotRanked(facts.unitCode(), unit.name(), e.field(), e.reason()));
            }
        });
        notRanked.sort(Comparator.comparing(NotRanked::unitCode));
        List<GradedResult> ranked = Grading.rank(rules.ruleSet().rules(), results).of(category).stream()
                .filter(g -> visible.test(g.unitCode())).toList();
        return new Standings(year, category, issuer, rules, ranked,
                notRanked.stream().filter(n -> visible.test(n.unitCode())).toList());
    }

    private UnitResult compute(RuleInForce rules, UnitYear facts) {
        return AssessmentCalculator.compute(rules.ruleSet().rules(), sheet(facts));
    }

    /** The unit's sheet: its items from the platform's data, with the claims, vetoes, ratings and evaluation entered. */
    UnitSheet sheet(UnitYear facts) {
        return withEntries(facts.year(), facts.sheet(categoryOf(facts.unitCode()), nameOf(facts)),
                entries.find(facts.year(), facts.unitCode()));
    }

    /** The sheet from the data with what was entered for it: claims, vetoes, ratings, judgements, co-unit marks. */
    private UnitSheet withEntries(int year, UnitSheet fromData, UnitEntries entered) {
        UnitSheet sheet = entered.applyTo(fromData);
        for (ItemCorrection c : coUnitCorrections(year, fromData, entered)) {
            sheet = c.applyTo(sheet);
        }
        return sheet;
    }

    /**
     * What a published version keeps of the entries beside its claims, vetoes and ratings: the judgements and the
     * co-unit marks resolved against the lead's outcome as it stands, for the items the sheet holds.
     */
    public List<ItemCorrection> corrections(int year, UnitSheet fromData, UnitEntries entered) {
        List<ItemCorrection> out = new ArrayList<>(entered.judgementsOf(fromData));
        out.addAll(coUnitCorrections(year, fromData, entered));
        return out;
    }

    /**
     * 第十八条: each co-unit mark on an item the sheet holds, with the lead's outcome on its assignment (the lead's own
     * judgement of it counting over its data). A lead's assignment no longer live, or a missing item of the lead, gives
     * no factor: the mark has no effect.
     */
    private List<ItemCorrection> coUnitCorrections(int year, UnitSheet fromData, UnitEntries entered) {
        List<ItemCorrection> out = new ArrayList<>();
        for (CoUnitMark mark : entered.coUnitMarks()) {
            if (fromData.items().stream().noneMatch(i -> i.code().equals(mark.itemId())) || mark.leadUnitCode() == null) {
                continue;
            }
            leadOutcome(year, mark).filter(o -> !(o instanceof Outcome.Missing))
                    .ifPresent(o -> out.add(ItemCorrection.coUnitOf(mark.itemId(), mark.leadUnitCode(), o)));
        }
        return out;
    }

    /** The lead's outcome on the assignment a co-unit mark names, its own judgement counting over its data. */
    private Optional<Outcome> leadOutcome(int year, CoUnitMark mark) {
        Optional<AssignmentFacts> lead = store.unitYear(year, mark.leadUnitCode()).flatMap(u -> u.live().stream()
                .filter(a -> a.assignmentId().equals(mark.leadAssignmentId())).findFirst());
        if (lead.isEmpty()) {
            return Optional.empty();
        }
        Optional<ItemCorrection> judged = entries.find(year, mark.leadUnitCode()).judgements().stream()
                .filter(j -> j.assignmentId().equals(mark.leadAssignmentId()) && j.outcome() != null).findFirst();
        return Optional.of(judged.map(ItemCorrection::outcome).orElseGet(() -> lead.get().item().outcome()));
    }

    /** What the platform's data says of the unit's plan year; empty when it holds nothing that year. */
    public Optional<UnitYear> facts(int year, String unitCode) {
        return store.unitYear(year, unitCode);
    }

    public Optional<UnitChanged> unit(String unitCode) {
        return store.unit(unitCode);
    }

    Category categoryOf(String unitCode) {
        return store.unit(unitCode).map(UnitChanged::assessmentCategory).flatMap(Categories::of).orElse(null);
    }

    private String nameOf(UnitYear facts) {
        return store.unit(facts.unitCode()).map(UnitChanged::name).orElse(facts.unitName());
    }
}
