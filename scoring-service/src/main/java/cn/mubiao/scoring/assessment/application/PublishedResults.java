package cn.mubiao.scoring.assessment.application;

import cn.mubiao.scoring.assessment.application.AssessUnits.RuleInForce;
import cn.mubiao.scoring.assessment.domain.AssessmentCalculator;
import cn.mubiao.scoring.assessment.domain.PublishedResult;
import cn.mubiao.scoring.assessment.domain.ResultVersion;
import cn.mubiao.scoring.assessment.domain.UnitResult;
import cn.mubiao.scoring.assessment.persistence.ResultStore;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Published results as they were published or revised, each version recomputed from what it was scored on. */
@Component
public class PublishedResults {

    private final ResultStore results;
    private final AssessUnits assessment;

    PublishedResults(ResultStore results, AssessUnits assessment) {
        this.results = results;
        this.assessment = assessment;
    }

    /** One version of a published result, with its explanation. */
    public record Shown(int year, PublishedResult published, ResultVersion version, UnitResult result,
                        RuleInForce ruleSet) {
    }

    public Optional<PublishedResult> find(int year, String unitCode) {
        return results.find(year, unitCode);
    }

    /** @param version null: the current one */
    public Shown show(PublishedResult p, Integer version) {
        ResultVersion v = version == null ? p.current() : p.version(version);
        RuleInForce rules = assessment.ruleSet(p.issuerUnitCode(), p.year());
        return new Shown(p.year(), p, v, AssessmentCalculator.compute(rules.ruleSet().rules(), v.sheet()), rules);
    }
}
