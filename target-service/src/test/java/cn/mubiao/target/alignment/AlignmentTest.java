package cn.mubiao.target.alignment;

import cn.mubiao.contracts.Frequency;
import cn.mubiao.contracts.IndicatorKind;
import cn.mubiao.kit.domain.InvalidInput;
import cn.mubiao.target.alignment.domain.Alignment;
import cn.mubiao.target.alignment.domain.ProvinceIndicator;
import cn.mubiao.target.plan.domain.Provenance;
import cn.mubiao.target.plan.domain.TargetDefinition;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlignmentTest {

    static ProvinceIndicator indicator(String code, String area, boolean assesses, IndicatorKind kind, String value) {
        return new ProvinceIndicator(code, area, "省指标" + code, kind, "亿元", new BigDecimal(value), assesses);
    }

    static TargetDefinition cityTarget(String code, String provinceCode, IndicatorKind kind, String value) {
        return new TargetDefinition(code, "市目标" + code, "PROV", false, kind, "亿元", new BigDecimal(value), null, null,
                List.of("410100-FGW"), null, null, null, Frequency.MONTHLY, null, null, null, null, provinceCode);
    }

    @Test
    void reproducesSeed004s125IndicatorsOf79AssessingTheCity47AlreadyInTheCitySystemAnd32New() {
        // seed 004: five areas; of the 32 new ones 4 key projects, 10 livelihood, 11 economic, 7 social
        String[] areas = {"重点工作", "民生建设", "经济发展", "社会发展", "政府自身建设"};
        int[] totals = {20, 33, 30, 24, 18};
        int[] assessing = {10, 22, 26, 15, 6};
        int[] matched = {6, 12, 15, 8, 6};
        List<ProvinceIndicator> catalogue = new ArrayList<>();
        List<TargetDefinition> city = new ArrayList<>();
        for (int a = 0; a < areas.length; a++) {
            for (int i = 0; i < totals[a]; i++) {
                String code = "P" + a + "-" + i;
                catalogue.add(indicator(code, areas[a], i < assessing[a], IndicatorKind.CUMULATIVE, "10"));
                if (i < matched[a]) {
                    city.add(cityTarget("T" + a + "-" + i, code, IndicatorKind.CUMULATIVE, "10"));
                }
            }
        }

        Alignment alignment = Alignment.of(catalogue, city);

        assertThat(alignment.total()).isEqualTo(125);
        assertThat(alignment.assessingCity()).isEqualTo(79);
        assertThat(alignment.matched()).isEqualTo(47);
        assertThat(alignment.fresh()).hasSize(32);
        assertThat(alignment.areas()).extracting(Alignment.Area::fresh).containsExactly(4, 10, 11, 7, 0);
    }

    @Test
    void theStricterValueWinsTheHigherForAtLeastAndTheLowerForACeiling() {
        List<ProvinceIndicator> catalogue = List.of(
                indicator("P1", "经济发展", true, IndicatorKind.CUMULATIVE, "220"),
                indicator("P2", "经济发展", true, IndicatorKind.CUMULATIVE, "180"),
                indicator("P3", "社会发展", true, IndicatorKind.CEILING, "3"),
                indicator("P4", "社会发展", true, IndicatorKind.CEILING, "5"));
        List<TargetDefinition> city = List.of(
                cityTarget("A03", "P1", IndicatorKind.CUMULATIVE, "200"),
                cityTarget("A05", "P2", IndicatorKind.CUMULATIVE, "200"),
                cityTarget("C01", "P3", IndicatorKind.CEILING, "4"),
                cityTarget("C02", "P4", IndicatorKind.CEILING, "4"));

        var matches = Alignment.of(catalogue, city).matches();

        assertThat(matches).extracting(m -> m.effectiveValue().toPlainString(), Alignment.Match::provenance)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("220", Provenance.PROVINCE),
                        org.assertj.core.groups.Tuple.tuple("200", Provenance.CITY),
                        org.assertj.core.groups.Tuple.tuple("3", Provenance.PROVINCE),
                        org.assertj.core.groups.Tuple.tuple("4", Provenance.CITY));
    }

    @Test
    void valuesInDifferentUnitsOrKindsAreNotComparedAndCodesTheCatalogueLacksAreListed() {
        var matches = Alignment.of(List.of(indicator("P1", "经济发展", true, IndicatorKind.LEVEL, "15")),
                List.of(cityTarget("A01", "P1", IndicatorKind.CUMULATIVE, "200"), cityTarget("A02", "PX", IndicatorKind.LEVEL, "1")));

        assertThat(matches.matches()).singleElement()
                .satisfies(m -> assertThat(m.provenance()).isEqualTo(Provenance.NOT_COMPARABLE));
        assertThat(matches.unknownCodes()).containsExactly("PX");
    }

    @Test
    void aProvinceCodeListedTwiceInTheCatalogueIsRefused() {
        assertThatThrownBy(() -> Alignment.checkCatalogue(List.of(indicator("P1", "经济发展", true, IndicatorKind.LEVEL, "1"),
                indicator("P1", "民生建设", true, IndicatorKind.LEVEL, "2"))))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("indicators[1].code");
    }
}
