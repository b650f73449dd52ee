package cn.mubiao.scoring.assessment.application;

import cn.mubiao.kit.web.ProblemException;
import cn.mubiao.scoring.assessment.application.AssessUnits.RuleInForce;
import cn.mubiao.scoring.assessment.domain.RuleSet;
import cn.mubiao.scoring.assessment.domain.ScoringRules;
import cn.mubiao.scoring.assessment.persistence.RuleSetStore;
import org.springframework.stereotype.Component;

import java.util.function.UnaryOperator;

/**
 * Writes a government's rule set for a year: each revision a new draft version (the first over seed 003's version 1
 * is version 2), refused (409) once that government's assessment of the year started and froze it.
 */
@Component
public class ReviseRuleSets {

    private static final int ATTEMPTS = 5;

    private final AssessUnits assessment;
    private final RuleSetStore ruleSets;

    ReviseRuleSets(AssessUnits assessment, RuleSetStore ruleSets) {
        this.assessment = assessment;
        this.ruleSets = ruleSets;
    }

    /** @param change the new rules, given the rules in force (a field left out keeps its value) */
    public RuleInForce revise(String issuer, int year, UnaryOperator<ScoringRules> change) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            RuleInForce inForce = assessment.ruleSet(issuer, year);
            RuleSet ruleSet = inForce.ruleSet();
            ruleSet.revise(change.apply(ruleSet.rules()));
            if (ruleSets.save(inForce.issuer(), ruleSet)) {
                return new RuleInForce(inForce.issuer(), ruleSet, true);
            }
        }
        throw ProblemException.conflict("ruleSet", "考核规则正被他人同时修改，请重试 / the rule set is being changed: try again");
    }

    /** Freezes the year's rule set as it stands (storing seed 003's when none was written); freezing twice is harmless. */
    public RuleInForce freeze(String issuer, int year) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            RuleInForce inForce = assessment.ruleSet(issuer, year);
            RuleSet ruleSet = inForce.ruleSet();
            if (ruleSet.frozen()) {
                return new RuleInForce(inForce.issuer(), ruleSet, true);
            }
            ruleSet.freeze();
            if (ruleSets.save(inForce.issuer(), ruleSet)) {
                return new RuleInForce(inForce.issuer(), ruleSet, true);
            }
        }
        throw ProblemException.conflict("ruleSet", "考核规则正被他人同时修改，请重试 / the rule set is being changed: try again");
    }
}
