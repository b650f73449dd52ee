package cn.mubiao.scoring.assessment.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One immutable version of a unit's published result: everything it was computed from (the platform's facts as
 * they stood, the entries, any corrections decided on appeal) and what came out (total, grade, place). The result
 * is recomputed from {@link #sheet()} under the year's frozen rule set, so every line can still be explained.
 *
 * @param appeal the appeal whose decision made this version; null for version 1
 * @param quarterlyBases the unit's regular quarterly assessments, in quarter order (empty: none entered)
 */
public record ResultVersion(int number, UnitYear facts, String unitName, Category category, List<Claim> claims,
                            List<Veto> vetoes, List<Rating> ratings, BigDecimal comprehensive,
                            List<ItemCorrection> corrections, int ruleSetVersion, BigDecimal total, Grade grade,
                            Integer place, int placesInCategory, Instant at, String by, Integer appeal, String note,
                            List<BigDecimal> quarterlyBases) {

    public ResultVersion {
        quarterlyBases = quarterlyBases == null ? List.of() : List.copyOf(quarterlyBases);
        claims = List.copyOf(claims);
        vetoes = List.copyOf(vetoes);
        ratings = List.copyOf(ratings);
        corrections = List.copyOf(corrections);
    }

    /** The sheet this version was scored on. */
    public UnitSheet sheet() {
        UnitSheet sheet = facts.sheet(category, unitName).withClaims(claims).withVetoes(vetoes).withRatings(ratings)
                .withComprehensive(comprehensive).withQuarterlyBases(quarterlyBases);
        for (ItemCorrection c : corrections) {
            sheet = c.applyTo(sheet);
        }
        return sheet;
    }
}
