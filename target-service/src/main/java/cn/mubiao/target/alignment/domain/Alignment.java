package cn.mubiao.target.alignment.domain;

import cn.mubiao.kit.domain.InvalidInput;
import cn.mubiao.target.plan.domain.Provenance;
import cn.mubiao.target.plan.domain.ProvinceAlignment;
import cn.mubiao.target.plan.domain.TargetDefinition;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Provincial alignment (省市对接, seed 004): the province's indicators matched by code to the city's targets;
 * matched and new ones counted by area; for each match the effective value is the stricter one (就高不就低:
 * the higher for "at least", the lower for a ceiling), with the side it came from.
 */
public final class Alignment {

    /** A province indicator answered by a city target. */
    public record Match(ProvinceIndicator indicator, String targetCode, String targetTitle, BigDecimal cityValue,
                       BigDecimal effectiveValue, Provenance provenance) {
    }

    /** The counts of one area, as seed 004 reports them. */
    public record Area(String area, int total, int assessingCity, int matched, int fresh) {
    }

    private final List<Area> areas;
    private final List<Match> matches;
    private final List<ProvinceIndicator> fresh;
    private final List<String> unknownCodes;

    private Alignment(List<Area> areas, List<Match> matches, List<ProvinceIndicator> fresh, List<String> unknownCodes) {
        this.areas = areas;
        this.matches = matches;
        this.fresh = fresh;
        this.unknownCodes = unknownCodes;
    }

    /** Checks a catalogue: codes unique. */
    public static void checkCatalogue(List<ProvinceIndicator> indicators) {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < indicators.size(); i++) {
            if (!codes.add(indicators.get(i).code())) {
                throw new InvalidInput("indicators[" + i + "].code", "省指标代码" + indicators.get(i).code()
                        + "重复 / the province code is listed twice");
            }
        }
    }

    public static Alignment of(List<ProvinceIndicator> catalogue, List<TargetDefinition> cityTargets) {
        Map<String, TargetDefinition> byProvinceCode = new LinkedHashMap<>();
        for (TargetDefinition t : cityTargets) {
            if (t.provinceCode() != null) {
                byProvinceCode.put(t.provinceCode(), t);
            }
        }
        Map<String, int[]> counts = new LinkedHashMap<>();
        List<Match> matches = new ArrayList<>();
        List<ProvinceIndicator> fresh = new ArrayList<>();
        Set<String> known = new HashSet<>();
        for (ProvinceIndicator p : catalogue) {
            known.add(p.code());
            int[] c = counts.computeIfAbsent(p.area(), a -> new int[4]);
            c[0]++;
            if (!p.assessesCity()) {
                continue;
            }
            c[1]++;
            TargetDefinition t = byProvinceCode.get(p.code());
            if (t == null) {
                c[3]++;
                fresh.add(p);
            } else {
                c[2]++;
                matches.add(match(p, t));
            }
        }
        List<Area> areas = counts.entrySet().stream()
                .map(e -> new Area(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3])).toList();
        List<String> unknown = byProvinceCode.keySet().stream().filter(code -> !known.contains(code)).toList();
        return new Alignment(areas, matches, fresh, unknown);
    }

    /** 就高不就低: the higher for "at least", the lower for a ceiling ({@link ProvinceAlignment}). */
    static Match match(ProvinceIndicator p, TargetDefinition t) {
        ProvinceAlignment a = ProvinceAlignment.of(p.standard(), t);
        return new Match(p, t.code(), t.title(), a.cityValue(), a.effectiveValue(), a.provenance());
    }

    public List<Area> areas() {
        return areas;
    }

    public List<Match> matches() {
        return matches;
    }

    /** Indicators assessing the city that no city target answers yet (新增). */
    public List<ProvinceIndicator> fresh() {
        return fresh;
    }

    /** Province codes city targets name that the catalogue does not have. */
    public List<String> unknownCodes() {
        return unknownCodes;
    }

    public int total() {
        return areas.stream().mapToInt(Area::total).sum();
    }

    public int assessingCity() {
        return areas.stream().mapToInt(Area::assessingCity).sum();
    }

    public int matched() {
        return matches.size();
    }
}
