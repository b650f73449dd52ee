package cn.mubiao.scoring.assessment.application;

import cn.mubiao.kit.events.Outbox;
import cn.mubiao.kit.events.OutboxEntry;
import cn.mubiao.kit.web.ProblemException;
import cn.mubiao.scoring.assessment.application.AssessUnits.Assessed;
import cn.mubiao.scoring.assessment.application.AssessUnits.RuleInForce;
import cn.mubiao.scoring.assessment.application.AssessUnits.Scored;
import cn.mubiao.scoring.assessment.domain.AssessmentRun;
import cn.mubiao.scoring.assessment.domain.AssessmentRun.Step;
import cn.mubiao.scoring.assessment.domain.Category;
import cn.mubiao.scoring.assessment.domain.GradedResult;
import cn.mubiao.scoring.assessment.domain.PublishedResult;
import cn.mubiao.scoring.assessment.domain.ResultVersion;
import cn.mubiao.scoring.assessment.persistence.ResultStore;
import cn.mubiao.scoring.assessment.persistence.RunStore;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.function.Predicate;

/**
 * The assessment of a year and issuing government, step by step (第十三条): start (freezes the year's rule set),
 * approval of the aggregated results, publication (every ranked unit's result stored as version 1 with its
 * {@code AssessmentPublished}, one guarded write per unit). Each step asked again is a replay that writes nothing.
 */
@Component
public class RunAssessments {

    private static final int ATTEMPTS = 5;

    private final RunStore runs;
    private final ResultStore results;
    private final AssessUnits assessment;
    private final ReviseRuleSets ruleSets;
    private final Outbox outbox;
    private final Clock clock;

    RunAssessments(RunStore runs, ResultStore results, AssessUnits assessment, ReviseRuleSets ruleSets, Outbox outbox,
                   Clock clock) {
        this.runs = runs;
        this.results = results;
        this.assessment = assessment;
        this.ruleSets = ruleSets;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The run as it stands, with the units that cannot be scored (they are left out of publication). */
    public record RunState(AssessmentRun run, List<AssessUnits.NotRanked> notRanked, int newlyPublished) {
    }

    public AssessmentRun run(int year, String issuer) {
        return runs.find(year, issuer);
    }

    public RunState start(int year, String issuer, String by) {
        AssessmentRun run = runs.find(year, issuer);
        if (run.status() != AssessmentRun.Status.OPEN) {
            return new RunState(run, List.of(), 0);
        }
        RuleInForce frozen = ruleSets.freeze(issuer, year);
        return new RunState(step(year, issuer, r -> r.start(frozen.ruleSet().version(), new Step(by, clock.instant()))),
                List.of(), 0);
    }

    public RunState approve(int year, String issuer, String by) {
        AssessmentRun run = step(year, issuer, r -> r.approve(new Step(by, clock.instant())));
        return new RunState(run, assessment.assess(year, issuer, assessment.ruleSet(issuer, year)).notRanked(), 0);
    }

    /**
     * Publishes every ranked unit's result of the issuer's area as version 1. A unit published already (a replay,
     * or a publication resumed after a crash) is left as it is and records nothing.
     */
    public RunState publish(int year, String issuer, String by) {
        AssessmentRun run = runs.find(year, issuer);
        run.requireApproved();
        if (run.status() == AssessmentRun.Status.PUBLISHED) {
            return new RunState(run, List.of(), 0);
        }
        RuleInForce rules = assessment.ruleSet(issuer, year);
        Assessed assessed = assessment.assess(year, issuer, rules);
        var at = clock.instant();
        int created = 0;
        int units = 0;
        for (Category category : Category.values()) {
            List<GradedResult> ranked = assessed.ranking().of(category);
            for (GradedResult g : ranked) {
                units++;
                Scored s = assessed.units().get(g.unitCode());
                ResultVersion first = new ResultVersion(1, s.facts(), g.result().unitName(), category,
                        s.entries().activeClaims(), s.entries().vetoes(), s.entries().ratings(),
                        s.entries().comprehensive(),
                        assessment.corrections(year, s.facts().sheet(category, g.result().unitName()), s.entries()),
                        rules.ruleSet().version(), g.result().total(),
                        g.grade(), g.place(), ranked.size(), at, by, null, null,
                        List.copyOf(new java.util.TreeMap<>(s.entries().quarterlyBases()).values()));
                PublishedResult published = PublishedResult.publish(year, issuer, first, g.result());
                List<OutboxEntry> entries = outbox.entries(published.pendingEvents());
                if (results.save(published, entries)) { // false: published already, nothing recorded
                    outbox.written(ResultStore.COLLECTION, ResultStore.id(year, g.unitCode()), entries);
                    created++;
                }
            }
        }
        int count = units;
        AssessmentRun done = step(year, issuer, r -> r.publish(new Step(by, at), count));
        return new RunState(done, assessed.notRanked(), created);
    }

    private AssessmentRun step(int year, String issuer, Predicate<AssessmentRun> step) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            AssessmentRun run = runs.find(year, issuer);
            if (!step.test(run) || runs.save(run)) {
                return runs.find(year, issuer);
            }
        }
        throw ProblemException.conflict("status", "考核正被他人同时操作，请重试 / the assessment is being changed: try again");
    }
}
