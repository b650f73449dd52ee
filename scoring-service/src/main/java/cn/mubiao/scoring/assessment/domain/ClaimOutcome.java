package cn.mubiao.scoring.assessment.domain;

/**
 * What became of one claim: counted, or not counted because the same award, enterprise or brand already counts at
 * a higher level ({@code supersededBy} names that claim).
 */
public record ClaimOutcome(Claim claim, CatalogueEntry entry, boolean counted, String supersededBy, String line) {
}
