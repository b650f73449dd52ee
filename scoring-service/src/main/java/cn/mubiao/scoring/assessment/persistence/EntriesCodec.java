package cn.mubiao.scoring.assessment.persistence;

import cn.mubiao.scoring.assessment.domain.Category;
import cn.mubiao.scoring.assessment.domain.Claim;
import cn.mubiao.scoring.assessment.domain.CoUnit;
import cn.mubiao.scoring.assessment.domain.CoUnitMark;
import cn.mubiao.scoring.assessment.domain.Outcome;
import cn.mubiao.scoring.assessment.domain.ItemCorrection;
import cn.mubiao.scoring.assessment.domain.Quality;
import cn.mubiao.scoring.assessment.domain.Rating;
import cn.mubiao.scoring.assessment.domain.UnitEntries;
import cn.mubiao.scoring.assessment.domain.UnitEntries.EnteredClaim;
import cn.mubiao.scoring.assessment.domain.Veto;
import cn.mubiao.scoring.assessment.domain.VetoKind;
import org.bson.Document;
import org.bson.types.Decimal128;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Date;
import java.util.List;

/** Claims, vetoes and ratings as BSON, exact decimals kept as Decimal128. */
final class EntriesCodec {

    private EntriesCodec() {
    }

    static Document write(UnitEntries e) {
        return new Document("year", e.year()).append("unitCode", e.unitCode())
                .append("claims", e.claims().stream().map(EntriesCodec::claim).toList())
                .append("vetoes", e.vetoes().stream().map(EntriesCodec::veto).toList())
                .append("comprehensive", dec(e.comprehensive()))
                .append("ratings", e.ratings().stream().map(EntriesCodec::rating).toList())
                .append("judgements", e.judgements().stream().map(EntriesCodec::correction).toList())
                .append("coUnitMarks", e.coUnitMarks().stream().map(m -> new Document("itemId", m.itemId())
                        .append("leadAssignmentId", m.leadAssignmentId()).append("reason", m.reason())).toList())
                .append("quarterlyBases", e.quarterlyBases().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                        .map(q -> new Document("quarter", q.getKey()).append("base", dec(q.getValue()))).toList());
    }

    static UnitEntries read(Document d, long revision) {
        return UnitEntries.restore(d.getInteger("year"), d.getString("unitCode"), revision,
                d.getList("claims", Document.class, List.of()).stream().map(EntriesCodec::enteredClaim).toList(),
                d.getList("vetoes", Document.class, List.of()).stream().map(EntriesCodec::veto).toList(),
                dec(d, "comprehensive"),
                d.getList("ratings", Document.class, List.of()).stream().map(EntriesCodec::rating).toList(),
                d.getList("judgements", Document.class, List.of()).stream().map(EntriesCodec::correction).toList(),
                d.getList("coUnitMarks", Document.class, List.of()).stream().map(m -> new CoUnitMark(
                        m.getString("itemId"), m.getString("leadAssignmentId"), m.getString("reason"))).toList(),
                d.getList("quarterlyBases", Document.class, List.of()).stream().collect(java.util.stream.Collectors.toMap(
                        q -> q.getInteger("quarter"), q -> dec(q, "base"))));
    }

    /** An item's judgement or appeal correction. */
    static Document correction(ItemCorrection c) {
        return new Document("assignmentId", c.assignmentId()).append("completion", dec(c.completion()))
                .append("quality", c.quality() == null ? null : c.quality().name())
                .append("missingReason", c.missingReason()).append("policyMissReason", c.policyMissReason())
                .append("coUnit", c.coUnit() == null ? null : new Document("leadUnitCode", c.coUnit().leadUnitCode())
                        .append("leadOutcome", outcome(c.coUnit().leadOutcome()))
                        .append("notPullingWeight", c.coUnit().notPullingWeight()));
    }

    private static Document outcome(Outcome o) {
        return switch (o) {
            case Outcome.Quantitative q -> new Document("kind", "QUANTITATIVE").append("completion", dec(q.completion()));
            case Outcome.Qualitative q -> new Document("kind", "QUALITATIVE").append("quality", q.quality().name());
            case Outcome.PolicyMiss p -> new Document("kind", "POLICY_MISS").append("reason", p.reason());
            case Outcome.Missing m -> new Document("kind", "MISSING").append("reason", m.reason());
        };
    }

    private static Outcome outcome(Document d) {
        return switch (d.getString("kind")) {
            case "QUANTITATIVE" -> new Outcome.Quantitative(dec(d, "completion"));
            case "QUALITATIVE" -> new Outcome.Qualitative(Quality.valueOf(d.getString("quality")));
            case "POLICY_MISS" -> new Outcome.PolicyMiss(d.getString("reason"));
            default -> new Outcome.Missing(d.getString("reason"));
        };
    }

    static ItemCorrection correction(Document c) {
        return new ItemCorrection(c.getString("assignmentId"), dec(c, "completion"),
                c.getString("quality") == null ? null : Quality.valueOf(c.getString("quality")),
                c.getString("missingReason"), c.getString("policyMissReason"), coUnit(c.get("coUnit", Document.class)));
    }

    private static CoUnit coUnit(Document d) {
        return d == null ? null : new CoUnit(d.getString("leadUnitCode"), outcome(d.get("leadOutcome", Document.class)),
                d.getBoolean("notPullingWeight", true));
    }

    static Document claim(EnteredClaim c) {
        return claimDoc(c.claim()).append("enteredBy", c.enteredBy())
                .append("enteredAt", c.enteredAt() == null ? null : Date.from(c.enteredAt()))
                .append("withdrawn", c.withdrawn()).append("withdrawnBy", c.withdrawnBy());
    }

    static Document claimDoc(Claim c) {
        return new Document("id", c.id()).append("ruleCode", c.ruleCode()).append("points", dec(c.points()))
                .append("subject", c.subject()).append("evidence", c.evidence()).append("reviewer", c.reviewer());
    }

    static Claim claim(Document d) {
        return new Claim(d.getString("id"), d.getString("ruleCode"), dec(d, "points"), d.getString("subject"),
                d.getList("evidence", String.class), d.getString("reviewer"));
    }

    static EnteredClaim enteredClaim(Document d) {
        Date at = d.getDate("enteredAt");
        return new EnteredClaim(claim(d), d.getString("enteredBy"), at == null ? null : at.toInstant(),
                d.getBoolean("withdrawn", false), d.getString("withdrawnBy"));
    }

    static Document veto(Veto v) {
        return new Document("kind", v.kind().name()).append("evidence", v.evidence()).append("reviewer", v.reviewer());
    }

    static Veto veto(Document d) {
        return new Veto(VetoKind.valueOf(d.getString("kind")), d.getList("evidence", String.class),
                d.getString("reviewer"));
    }

    static Document rating(Rating r) {
        return new Document("rater", r.raterUnitCode()).append("raterCategory", r.raterCategory().name())
                .append("rated", r.ratedUnitCode()).append("score", dec(r.score()));
    }

    static Rating rating(Document d) {
        return new Rating(d.getString("rater"), Category.valueOf(d.getString("raterCategory")), d.getString("rated"),
                dec(d, "score"));
    }

    static Decimal128 dec(BigDecimal value) {
        return value == null ? null : new Decimal128(value.round(MathContext.DECIMAL128)); // computed totals run past 34 digits
    }

    static BigDecimal dec(Document d, String field) {
        return d.get(field) instanceof Decimal128 x ? x.bigDecimalValue() : null;
    }
}
