package cn.mubiao.scoring.assessment.web;

import cn.mubiao.kit.web.ProblemException;
import cn.mubiao.scoring.assessment.application.Categories;
import cn.mubiao.scoring.assessment.domain.CatalogueEntry;
import cn.mubiao.scoring.assessment.domain.Category;
import cn.mubiao.scoring.assessment.domain.ClaimKind;
import cn.mubiao.scoring.assessment.domain.GradeScheme;
import cn.mubiao.scoring.assessment.domain.Quality;
import cn.mubiao.scoring.assessment.domain.ScoringRules;
import cn.mubiao.scoring.assessment.domain.VetoKind;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A rule set as written (PUT) or tried (what-if): the shape {@code GET /rule-sets/{year}} answers, without year,
 * version, frozen and source. A field left out keeps its value in the rule set in force; a list given replaces
 * the whole list (the catalogue, the vetoes; grades and quality factors replace per category / quality).
 */
record RuleSetRequest(List<QualityFactor> qualityFactors, BigDecimal policyMissFactor, BigDecimal fraudFactor,
                      Boolean coUnitTakesLeadFactor, BigDecimal bonusCap, BigDecimal deductionCap,
                      Boolean trimRatings, BigDecimal comprehensiveMax, BigDecimal quarterlyShare,
                      BigDecimal provinceWeight, List<VetoKindRequest> vetoes, List<Grades> grades, List<Entry> catalogue) {

    record QualityFactor(String quality, BigDecimal factor) {
    }

    record VetoKindRequest(String kind) {
    }

    record Grades(String category, Integer firstPlaces, Integer secondPlaces, Integer thirdPlaces,
                  BigDecimal thirdMinTotal, BigDecimal passMark, Boolean passMarkIsFailing) {
    }

    record Entry(String code, String kind, BigDecimal points, String zh, String en, String onceAtHighestGroup) {
    }

    /** These rules over {@code current}: every field given replaces the current one. Bad values are a 400. */
    ScoringRules over(ScoringRules current) {
        Map<Quality, BigDecimal> quality = new EnumMap<>(current.qualityFactors());
        if (qualityFactors != null) {
            for (int i = 0; i < qualityFactors.size(); i++) {
                QualityFactor q = qualityFactors.get(i);
                quality.put(parse(Quality.class, q == null ? null : q.quality(), "qualityFactors[" + i + "].quality"),
                        q.factor());
            }
        }
        Set<VetoKind> vetoKinds = current.vetoes().isEmpty() ? EnumSet.noneOf(VetoKind.class) : EnumSet.copyOf(current.vetoes());
        if (vetoes != null) {
            vetoKinds = EnumSet.noneOf(VetoKind.class);
            for (int i = 0; i < vetoes.size(); i++) {
                vetoKinds.add(parse(VetoKind.class, vetoes.get(i) == null ? null : vetoes.get(i).kind(), "vetoes[" + i + "].kind"));
            }
        }
        Map<Category, GradeScheme> schemes = new EnumMap<>(current.grades());
        if (grades != null) {
            for (int i = 0; i < grades.size(); i++) {
                Grades g = grades.get(i);
                String field = "grades[" + i + "]";
                Category c = Categories.of(g == null ? null : g.category()).orElseThrow(() -> ProblemException.invalid(
                        field + ".category", "应为 DEPARTMENTS、TOWNS 或 STREETS / one of DEPARTMENTS, TOWNS, STREETS"));
                GradeScheme was = schemes.get(c);
                schemes.put(c, new GradeScheme(or(g.firstPlaces(), was.firstPlaces()), or(g.secondPlaces(), was.secondPlaces()),
                        g.thirdPlaces() != null ? g.thirdPlaces() : was.thirdPlaces(),
                        g.thirdMinTotal() != null ? g.thirdMinTotal() : was.thirdMinTotal(),
                        or(g.passMark(), was.passMark()), or(g.passMarkIsFailing(), was.passMarkIsFailing())));
            }
        }
        List<CatalogueEntry> entries = current.catalogue();
        if (catalogue != null) {
            entries = new java.util.ArrayList<>();
            for (int i = 0; i < catalogue.size(); i++) {
                Entry e = catalogue.get(i);
                String field = "catalogue[" + i + "]";
                if (e == null) {
                    throw ProblemException.invalid(field, "必填 / required");
                }
                entries.add(new CatalogueEntry(e.code(), parse(ClaimKind.class, e.kind(), field + ".kind"), e.points(),
                        e.zh(), e.en(), e.onceAtHighestGroup()));
            }
        }
        return new ScoringRules(quality, or(policyMissFactor, current.policyMissFactor()),
                or(fraudFactor, current.fraudFactor()), or(coUnitTakesLeadFactor, current.coUnitTakesLeadFactor()),
                entries, bonusCap != null ? bonusCap : current.bonusCap(),
                deductionCap != null ? deductionCap : current.deductionCap(), or(trimRatings, current.trimRatings()),
                or(comprehensiveMax, current.comprehensiveMax()), vetoKinds, schemes,
                or(quarterlyShare, current.quarterlyShare()), or(provinceWeight, current.provinceWeight()));
    }

    private static <T> T or(T value, T otherwise) {
        return value != null ? value : otherwise;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, String field) {
        Function<String, E> of = n -> Enum.valueOf(type, n);
        try {
            return of.apply(name);
        } catch (RuntimeException e) {
            throw ProblemException.invalid(field, "无效取值 " + name + " / not a " + type.getSimpleName() + ": " + name);
        }
    }
}
