package cn.mubiao.scoring.assessment.domain;

import cn.mubiao.kit.domain.InvalidInput;
import cn.mubiao.kit.domain.RuleViolation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.mubiao.scoring.assessment.domain.Sheets.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rule sets: seed 003 by default, versioned, frozen once the assessment starts, what-ifs on a new draft. */
class RuleSetTest {

    @Test
    void theDefaultRuleSetIsSeed003s() {
        ScoringRules rules = RuleSet.defaultFor(2008).rules();
        assertThat(rules.factor(Quality.FAIR)).isEqualByComparingTo("0.9");
        assertThat(rules.fraudFactor()).isEqualByComparingTo("-0.5");
        assertThat(rules.catalogue()).hasSize(22);
        assertThat(rules.gradeScheme(Category.DEPARTMENT).firstPlaces()).isEqualTo(8);
        assertThat(rules.gradeScheme(Category.DEPARTMENT).secondPlaces()).isEqualTo(30);
        assertThat(rules.gradeScheme(Category.TOWN).firstPlaces()).isEqualTo(1);
        assertThat(rules.gradeScheme(Category.STREET).secondPlaces()).isEqualTo(1);
        assertThat(rules.quarterlyShare()).isEqualByComparingTo("0");
        assertThat(rules.bonusCap()).isNull();
    }

    @Test
    void aDraftIsRevisedIntoANewVersion() {
        RuleSet set = RuleSet.defaultFor(2008);
        set.revise(set.rules().withTrimRatings(true));
        assertThat(set.version()).isEqualTo(2);
        assertThat(set.rules().trimRatings()).isTrue();
    }

    @Test
    void aFrozenRuleSetRefusesAnyChange() {
        RuleSet set = RuleSet.defaultFor(2008);
        set.freeze();
        assertThatThrownBy(() -> set.revise(set.rules().withTrimRatings(true))).isInstanceOf(RuleViolation.class)
                .hasMessageStartingWith("ruleSet: 2008年度考核规则第1版已冻结");
        assertThat(set.version()).isEqualTo(1);
        assertThat(set.rules().trimRatings()).isFalse();
    }

    @Test
    void aWhatIfComputesUnderADifferentRuleSetWithoutTouchingTheFrozenOne() {
        RuleSet frozen = RuleSet.defaultFor(2008);
        frozen.freeze();
        RuleSet whatIf = frozen.draftNext();
        whatIf.revise(whatIf.rules().withQualityFactor(Quality.FAIR, d("0.85")));
        UnitSheet sheet = Sheets.workedExampleItems();

        UnitResult actual = AssessmentCalculator.compute(frozen.rules(), sheet);
        UnitResult tried = AssessmentCalculator.compute(whatIf.rules(), sheet);

        assertThat(actual.item("T3").score()).isEqualByComparingTo("18");
        assertThat(tried.item("T3").score()).isEqualByComparingTo("17");
        assertThat(frozen.rules().factor(Quality.FAIR)).isEqualByComparingTo("0.9");
        assertThat(frozen.frozen()).isTrue();
        assertThat(whatIf.frozen()).isFalse();
        assertThat(AssessmentCalculator.compute(frozen.rules(), sheet)).isEqualTo(actual);
    }

    @Test
    void factorsOutsideZeroToOneAreRefused() {
        assertThatThrownBy(() -> ScoringRules.seed003().withQualityFactor(Quality.GOOD, d("1.1")))
                .isInstanceOf(InvalidInput.class).hasMessageStartingWith("qualityFactors.GOOD");
        assertThatThrownBy(() -> ScoringRules.seed003().withFraudFactor(d("0.5")))
                .isInstanceOf(InvalidInput.class).hasMessageStartingWith("fraudFactor");
        assertThatThrownBy(() -> ScoringRules.seed003().withQuarterlyShare(d("1.5")))
                .isInstanceOf(InvalidInput.class).hasMessageStartingWith("quarterlyShare");
    }

    @Test
    void aRuleSetWithoutAVetoKindRefusesThatVeto() {
        ScoringRules s = ScoringRules.seed003();
        ScoringRules noSanitation = new ScoringRules(s.qualityFactors(), s.policyMissFactor(), s.fraudFactor(),
                s.coUnitTakesLeadFactor(), s.catalogue(), s.bonusCap(), s.deductionCap(), s.trimRatings(),
                s.comprehensiveMax(), java.util.EnumSet.complementOf(java.util.EnumSet.of(VetoKind.SANITATION)),
                s.grades(), s.quarterlyShare(), s.provinceWeight());
        UnitSheet sheet = Sheets.single("A", Category.TOWN, "1").withVetoes(List.of(Veto.of(VetoKind.SANITATION, "x", "y")));
        assertThatThrownBy(() -> AssessmentCalculator.compute(noSanitation, sheet))
                .isInstanceOf(cn.mubiao.kit.domain.BrokenRule.class).hasMessageStartingWith("vetoes");
    }
}
