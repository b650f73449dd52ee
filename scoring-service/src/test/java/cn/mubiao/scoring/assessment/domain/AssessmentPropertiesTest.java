package cn.mubiao.scoring.assessment.domain;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Invariants of the assessment over generated units. */
class AssessmentPropertiesTest {

    private static final ScoringRules RULES = ScoringRules.seed003();

    @Provide
    Arbitrary<Outcome> outcomes() {
        return Arbitraries.oneOf(
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("2")).ofScale(4)
                        .map(c -> (Outcome) new Outcome.Quantitative(c)),
                Arbitraries.of(Quality.class).map(q -> (Outcome) new Outcome.Qualitative(q)),
                Arbitraries.just(new Outcome.PolicyMiss("不可抗力")));
    }

    /** Items whose standard scores add up to 100, none of them missing. */
    @Provide
    Arbitrary<List<Item>> items() {
        return Arbitraries.integers().between(2, 8).flatMap(n ->
                Combinators.combine(outcomes().list().ofSize(n), Arbitraries.integers().between(1, 20).list().ofSize(n),
                        Arbitraries.of(true, false, false, false, false).list().ofSize(n)).as((outs, weights, frauds) -> {
                    int sum = weights.stream().mapToInt(Integer::intValue).sum();
                    List<Item> items = new ArrayList<>();
                    BigDecimal left = new BigDecimal("100");
                    for (int i = 0; i < n; i++) {
                        BigDecimal s = i == n - 1 ? left
                                : new BigDecimal(weights.get(i) * 100 / sum).max(BigDecimal.ONE);
                        left = left.subtract(s);
                        items.add(new Item("T" + i, "", s, outs.get(i), frauds.get(i), null));
                    }
                    return items;
                })).filter(items -> items.getLast().standardScore().signum() > 0);
    }

    @Provide
    Arbitrary<UnitSheet> sheets() {
        List<String> bonusRules = List.of(Seed003Catalogue.AWARD_CENTRAL, Seed003Catalogue.AWARD_MINISTRY_OR_PROVINCE,
                Seed003Catalogue.BRAND_NATIONAL, Seed003Catalogue.HIGH_TECH_PROVINCIAL, Seed003Catalogue.MEETING_ABSENT,
                Seed003Catalogue.CRITICISM_CITY, Seed003Catalogue.MEETING_LATE_OR_EARLY);
        Arbitrary<List<Claim>> claims = Combinators.combine(Arbitraries.of(bonusRules), Arbitraries.of("甲", "乙", "丙"))
                .as((rule, subject) -> new String[]{rule, subject}).list().ofMaxSize(6).map(pairs -> {
                    List<Claim> list = new ArrayList<>();
                    List<String> seen = new ArrayList<>();
                    for (int i = 0; i < pairs.size(); i++) {
                        String key = pairs.get(i)[0] + pairs.get(i)[1];
                        if (seen.contains(key)) {
                            continue;
                        }
                        seen.add(key);
                        String points = Decimals.plain(RULES.entry(pairs.get(i)[0]).orElseThrow().points());
                        list.add(Claim.of("C" + i, pairs.get(i)[0], points, pairs.get(i)[1], "证明" + i, "审核人"));
                    }
                    return list;
                });
        Arbitrary<List<Rating>> ratings = Arbitraries.integers().between(0, 50).list().ofMaxSize(9).map(scores -> {
            List<Rating> list = new ArrayList<>();
            for (int i = 0; i < scores.size(); i++) {
                list.add(new Rating("R" + i, i % 2 == 0 ? Category.TOWN : Category.STREET, "D",
                        BigDecimal.valueOf(scores.get(i), 1)));
            }
            return list;
        });
        Arbitrary<List<Veto>> vetoes = Arbitraries.of(VetoKind.class).list().uniqueElements().ofMaxSize(2)
                .map(kinds -> kinds.stream().map(k -> Veto.of(k, "证明", "审核人")).toList());
        Arbitrary<BigDecimal> comprehensive = Arbitraries.integers().between(0, 50).map(i -> BigDecimal.valueOf(i, 1));
        return Combinators.combine(items(), claims, ratings, vetoes, comprehensive).as((items, cs, rs, vs, c) ->
                new UnitSheet("D", "部门", Category.DEPARTMENT, items, cs, vs, rs, c, List.of()));
    }

    @Property
    void markingAnItemMissingNeverChangesTheOtherItemsScores(@ForAll("items") List<Item> items,
                                                             @ForAll @IntRange(min = 0, max = 7) int which) {
        int k = which % items.size();
        UnitSheet before = UnitSheet.of("U", "U", Category.TOWN, items);
        UnitSheet after = before.withItem(new Item(items.get(k).code(), "", items.get(k).standardScore(),
                new Outcome.Missing("缺项"), false, null));
        if (after.items().stream().allMatch(i -> i.outcome() instanceof Outcome.Missing)) {
            return;
        }
        UnitResult r0 = AssessmentCalculator.compute(RULES, before);
        UnitResult r1 = AssessmentCalculator.compute(RULES, after);
        for (Item item : items) {
            if (!item.code().equals(items.get(k).code())) {
                assertThat(r1.item(item.code())).isEqualTo(r0.item(item.code()));
            }
        }
        BigDecimal sumOthers = r1.items().stream().filter(s -> !s.leftOut()).map(ItemScore::score)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal standardOthers = new BigDecimal("100").subtract(items.get(k).standardScore());
        assertThat(r1.base()).isEqualByComparingTo(sumOthers.multiply(Decimals.HUNDRED).divide(standardOthers, Decimals.MC));
    }

    @Property
    void theBaseStaysBetweenMinus50And100(@ForAll("sheets") UnitSheet sheet) {
        UnitResult r = AssessmentCalculator.compute(RULES, sheet);
        assertThat(r.base()).isBetween(new BigDecimal("-50"), new BigDecimal("100"));
        assertThat(r.total()).isEqualByComparingTo(r.base().add(r.bonus()).subtract(r.deductions()).add(r.rating())
                .add(r.comprehensive()));
    }

    @Property
    void aUnitsResultDoesNotDependOnTheOrderItsInputsArrivedIn(@ForAll("sheets") UnitSheet sheet, @ForAll long seed) {
        Random random = new Random(seed);
        UnitSheet shuffled = new UnitSheet(sheet.unitCode(), sheet.unitName(), sheet.category(),
                shuffle(sheet.items(), random), shuffle(sheet.claims(), random), shuffle(sheet.vetoes(), random),
                shuffle(sheet.ratings(), random), sheet.comprehensive(), sheet.quarterlyBases());
        assertThat(AssessmentCalculator.compute(RULES, shuffled)).isEqualTo(AssessmentCalculator.compute(RULES, sheet));
    }

    @Property
    void aVetoNeverImprovesAGrade(@ForAll("sheets") UnitSheet target, @ForAll("items") List<Item> otherItems,
                                  @ForAll @IntRange(min = 0, max = 12) int others, @ForAll VetoKind kind) {
        List<UnitResult> results = new ArrayList<>();
        UnitSheet clean = target.withVetoes(List.of());
        for (int i = 0; i < others; i++) {
            results.add(AssessmentCalculator.compute(RULES, UnitSheet.of("O" + i, "O" + i, Category.DEPARTMENT,
                    otherItems).withComprehensive(BigDecimal.valueOf(i % 6))));
        }
        List<UnitResult> without = new ArrayList<>(results);
        without.add(AssessmentCalculator.compute(RULES, clean));
        List<UnitResult> with = new ArrayList<>(results);
        with.add(AssessmentCalculator.compute(RULES, clean.withVeto(Veto.of(kind, "证明", "审核人"))));

        Grade before = Grading.rank(RULES, without).gradeOf("D");
        Grade after = Grading.rank(RULES, with).gradeOf("D");
        assertThat(after == before || after.isWorseThan(before)).as("%s → %s", before, after).isTrue();
        assertThat(after).isNotIn(Grade.FIRST, Grade.SECOND, Grade.THIRD);
    }

    @Property
    void theGradingDoesNotDependOnTheOrderOfTheResults(@ForAll("items") List<Item> items,
                                                       @ForAll @IntRange(min = 1, max = 12) int n, @ForAll long seed) {
        List<UnitResult> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            results.add(AssessmentCalculator.compute(RULES, UnitSheet.of("U" + i, "U" + i, i % 2 == 0 ? Category.TOWN
                    : Category.STREET, items).withComprehensive(BigDecimal.valueOf(i % 3))));
        }
        Ranking ranking = Grading.rank(RULES, results);
        assertThat(Grading.rank(RULES, shuffle(results, new Random(seed)))).isEqualTo(ranking);
    }

    private static <T> List<T> shuffle(List<T> list, Random random) {
        List<T> copy = new ArrayList<>(list);
        Collections.shuffle(copy, random);
        return copy;
    }
}
