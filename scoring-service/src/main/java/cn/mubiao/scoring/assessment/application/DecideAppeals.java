package cn.mubiao.scoring.assessment.application;

import cn.mubiao.kit.domain.InvalidInput;
import cn.mubiao.kit.domain.RuleViolation;
import cn.mubiao.kit.events.Outbox;
import cn.mubiao.kit.events.OutboxEntry;
import cn.mubiao.kit.security.UnitCodes;
import cn.mubiao.kit.web.ProblemException;
import cn.mubiao.scoring.assessment.AssessmentProperties;
import cn.mubiao.scoring.assessment.domain.AssessmentCalculator;
import cn.mubiao.scoring.assessment.domain.Claim;
import cn.mubiao.scoring.assessment.domain.GradedResult;
import cn.mubiao.scoring.assessment.domain.Grading;
import cn.mubiao.scoring.assessment.domain.ItemCorrection;
import cn.mubiao.scoring.assessment.domain.PublishedResult;
import cn.mubiao.scoring.assessment.domain.PublishedResult.Appeal;
import cn.mubiao.scoring.assessment.domain.ResultVersion;
import cn.mubiao.scoring.assessment.domain.ScoringRules;
import cn.mubiao.scoring.assessment.domain.UnitResult;
import cn.mubiao.scoring.assessment.persistence.AssessmentStore;
import cn.mubiao.scoring.assessment.persistence.ResultStore;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Appeals (复议, 第二十条): the unit files one within the appeal period after publication; the target office decides.
 * Upholding changes nothing; a change makes a new version of the result from the current one with corrected claims
 * or items, re-graded among the category's published results, and records {@code ResultRevised} with the diff.
 */
@Component
public class DecideAppeals {

    private static final int ATTEMPTS = 5;

    private final ResultStore results;
    private final AssessmentStore facts;
    private final PublishedResults published;
    private final AssessUnits assessment;
    private final AssessmentProperties settings;
    private final Outbox outbox;
    private final Clock clock;

    DecideAppeals(ResultStore results, AssessmentStore facts, PublishedResults published, AssessUnits assessment,
                  AssessmentProperties settings, Outbox outbox, Clock clock) {
        this.results = results;
        this.facts = facts;
        this.published = published;
        this.assessment = assessment;
        this.settings = settings;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A claim added on appeal. */
    public record NewClaim(String ruleCode, BigDecimal points, String subject, List<String> evidence, String reviewer) {
    }

    /** What a change corrects: claims added or withdrawn, items' outcomes. */
    public record Correction(List<NewClaim> addClaims, List<String> withdrawClaims, List<ItemCorrection> items) {
        public Correction {
            addClaims = addClaims == null ? List.of() : List.copyOf(addClaims);
            withdrawClaims = withdrawClaims == null ? List.of() : List.copyOf(withdrawClaims);
            items = items == null ? List.of() : List.copyOf(items);
        }

        boolean isEmpty() {
            return addClaims.isEmpty() && withdrawClaims.isEmpty() && items.isEmpty();
        }
    }

    public java.util.Optional<PublishedResult> find(int year, String unitCode) {
        return results.find(year, unitCode);
    }

    public PublishedResult result(int year, String unitCode) {
        return results.find(year, unitCode).orElseThrow(() -> new RuleViolation("unitCode",
                year + "年度" + unitCode + "的考核结果尚未发布 / the result is not published"));
    }

    public Appeal file(int year, String unitCode, String reason, String by) {
        return change(year, unitCode, p -> p.fileAppeal(reason, by, clock.instant(), settings.appealPeriod()));
    }

    public Appeal uphold(int year, String unitCode, int number, String note, String by) {
        return change(year, unitCode, p -> p.uphold(number, note, by, clock.instant()));
    }

    public Appeal changeResult(int year, String unitCode, int number, String note, Correction correction, String by) {
        if (correction == null || correction.isEmpty()) {
            throw new InvalidInput("correction", "改变结果须给出更正的加减分或项目 / a change needs a corrected claim or item");
        }
        return change(year, unitCode, p -> {
            ResultVersion current = p.current();
            ScoringRules rules = assessment.ruleSet(p.issuerUnitCode(), year).ruleSet().rules();
            List<Claim> claims = claims(current, correction, number, rules);
            Map<String, ItemCorrection> corrections = new LinkedHashMap<>();
            current.corrections().forEach(c -> corrections.put(c.assignmentId(), c));
            correction.items().forEach(c -> corrections.put(c.assignmentId(), c));
            ResultVersion draft = new ResultVersion(current.number() + 1, current.facts(), current.unitName(),
                    current.category(), claims, current.vetoes(), current.ratings(), current.comprehensive(),
                    List.copyOf(corrections.values()), current.ruleSetVersion(), current.total(), current.grade(),
                    current.place(), current.placesInCategory(), clock.instant(), by, number, note,
                    current.quarterlyBases());
            UnitResult before = AssessmentCalculator.compute(rules, current.sheet());
            UnitResult after = AssessmentCalculator.compute(rules, draft.sheet());
            GradedResult graded = regrade(p, after, rules);
            ResultVersion next = new ResultVersion(draft.number(), draft.facts(), draft.unitName(), draft.category(),
                    draft.claims(), draft.vetoes(), draft.ratings(), draft.comprehensive(), draft.corrections(),
                    draft.ruleSetVersion(), after.total(), graded.grade(), graded.place(), current.placesInCategory(),
                    draft.at(), by, number, note, draft.quarterlyBases());
            return p.change(number, next, before, after);
        });
    }

    private static List<Claim> claims(ResultVersion current, Correction correction, int appeal, ScoringRules rules) {
        Set<String> ids = new HashSet<>();
        current.claims().forEach(c -> ids.add(c.id()));
        for (String id : correction.withdrawClaims()) {
            if (!ids.contains(id)) {
                throw new InvalidInput("withdrawClaims", "结果中没有加减分" + id + " / the result has no claim " + id);
            }
        }
        List<Claim> next = new ArrayList<>(current.claims().stream()
                .filter(c -> !correction.withdrawClaims().contains(c.id())).toList());
        for (int i = 0; i < correction.addClaims().size(); i++) {
            NewClaim n = correction.addClaims().get(i);
            Claim claim = new Claim("A" + appeal + "-" + (i + 1), n.ruleCode(), n.points(), n.subject(), n.evidence(),
                    n.reviewer());
            rules.entryFor(claim, "addClaims[" + i + "]");
            next.add(claim);
        }
        return next;
    }

    /** The unit's grade and place among the current versions of its category's published results. */
    private GradedResult regrade(PublishedResult p, UnitResult revised, ScoringRules rules) {
        List<UnitResult> peers = new ArrayList<>();
        peers.add(revised);
        for (String unitCode : facts.unitsOf(p.year())) {
            if (unitCode.equals(p.unitCode()) || !UnitCodes.isWithin(unitCode, p.issuerUnitCode())) {
                continue;
            }
            results.find(p.year(), unitCode).filter(o -> o.issuerUnitCode().equals(p.issuerUnitCode())
                            && o.current().category() == p.current().category())
                    .ifPresent(o -> peers.add(AssessmentCalculator.compute(rules, o.current().sheet())));
        }
        return Grading.rank(rules, peers).unit(p.unitCode()).orElseThrow();
    }

    private Appeal change(int year, String unitCode, Function<PublishedResult, Appeal> change) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            PublishedResult p = result(year, unitCode);
            Appeal answer = change.apply(p);
            List<OutboxEntry> entries = outbox.entries(p.pendingEvents());
            if (results.save(p, entries)) {
                if (!entries.isEmpty()) {
                    outbox.written(ResultStore.COLLECTION, ResultStore.id(year, unitCode), entries);
                }
                return answer;
            }
        }
        throw ProblemException.conflict("appeal", "正被他人同时修改，请重试 / being changed at the same moment: try again");
    }
}
