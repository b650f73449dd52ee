package cn.mubiao.scoring.assessment.domain;

import cn.mubiao.kit.domain.BrokenRule;
import cn.mubiao.kit.domain.InvalidInput;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything the year-end assessment of one unit rests on: its items, the claims and vetoes found for it, the
 * bottom-up ratings it received, the leading group's comprehensive evaluation and (when the rule set counts them)
 * its quarterly bases. Immutable; the {@code with…} methods give a changed copy. Order of the lists never matters.
 *
 * @param comprehensive   综合评定分 0–5, null while not yet set (counts as 0)
 * @param quarterlyBases  the unit's base (0–100) in each regular quarterly assessment
 */
public record UnitSheet(String unitCode, String unitName, Category category, List<Item> items, List<Claim> claims,
                        List<Veto> vetoes, List<Rating> ratings, BigDecimal comprehensive,
                        List<BigDecimal> quarterlyBases) {

    public static final BigDecimal FULL_BASE = Decimals.HUNDRED;

    public UnitSheet {
        if (unitCode == null || unitCode.isBlank()) {
            throw new InvalidInput("unitCode", "必填 / required");
        }
        if (category == null) {
            throw new InvalidInput("category", "必填 / required");
        }
        unitName = unitName == null ? unitCode : unitName;
        items = List.copyOf(items);
        claims = List.copyOf(claims == null ? List.of() : claims);
        vetoes = List.copyOf(vetoes == null ? List.of() : vetoes);
        ratings = List.copyOf(ratings == null ? List.of() : ratings);
        quarterlyBases = List.copyOf(quarterlyBases == null ? List.of() : quarterlyBases);
        if (items.isEmpty()) {
            throw new BrokenRule("items", "单位没有考核项目 / the unit has no items");
        }
        Set<String> codes = new HashSet<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (Item item : items) {
            if (!codes.add(item.code())) {
                throw new BrokenRule("items", "项目" + item.code() + "重复 / duplicate item " + item.code());
            }
            sum = sum.add(item.standardScore());
        }
        if (sum.compareTo(FULL_BASE) != 0) {
            throw new BrokenRule("items", "标准分合计" + Decimals.plain(sum) + "，应为100 / standard scores add up to "
                    + Decimals.plain(sum) + ", not 100");
        }
        Set<String> claimIds = new HashSet<>();
        for (Claim claim : claims) {
            if (!claimIds.add(claim.id())) {
                throw new BrokenRule("claims", "加减分" + claim.id() + "重复 / duplicate claim " + claim.id());
            }
        }
        Set<String> raters = new HashSet<>();
        for (Rating rating : ratings) {
            if (!rating.ratedUnitCode().equals(unitCode)) {
                throw new BrokenRule("ratings", "评分对象是" + rating.ratedUnitCode() + "，不是" + unitCode
                        + " / the rating is of another unit");
            }
            if (!raters.add(rating.raterUnitCode())) {
                throw new BrokenRule("ratings", rating.raterUnitCode() + "已评过分 / " + rating.raterUnitCode()
                        + " already rated this unit");
            }
        }
        if (!ratings.isEmpty() && category != Category.DEPARTMENT) {
            throw new BrokenRule("ratings", "下评上只评区直部门 / only departments are rated bottom-up");
        }
        if (comprehensive != null && comprehensive.signum() < 0) {
            throw new InvalidInput("comprehensive", "综合评定分须在0到5分之间 / must be between 0 and 5");
        }
        for (BigDecimal q : quarterlyBases) {
            if (q == null || q.compareTo(new BigDecimal("-50")) < 0 || q.compareTo(FULL_BASE) > 0) {
                throw new InvalidInput("quarterlyBases", "季度基本分须在-50到100之间 / between -50 and 100");
            }
        }
    }

    public static UnitSheet of(String unitCode, String unitName, Category category, List<Item> items) {
        return new UnitSheet(unitCode, unitName, category, items, List.of(), List.of(), List.of(), null, List.of());
    }

    public UnitSheet withItems(List<Item> next) {
        return new UnitSheet(unitCode, unitName, category, next, claims, vetoes, ratings, comprehensive, quarterlyBases);
    }

    public UnitSheet withItem(Item replaced) {
        List<Item> next = new ArrayList<>(items.stream().filter(i -> !i.code().equals(replaced.code())).toList());
        next.add(replaced);
        return withItems(next);
    }

    public UnitSheet withClaim(Claim claim) {
        return new UnitSheet(unitCode, unitName, category, items, plus(claims, claim), vetoes, ratings, comprehensive,
                quarterlyBases);
    }

    public UnitSheet withClaims(List<Claim> next) {
        return new UnitSheet(unitCode, unitName, category, items, next, vetoes, ratings, comprehensive, quarterlyBases);
    }

    public UnitSheet withVeto(Veto veto) {
        return new UnitSheet(unitCode, unitName, category, items, claims, plus(vetoes, veto), ratings, comprehensive,
                quarterlyBases);
    }

    public UnitSheet withVetoes(List<Veto> next) {
        return new UnitSheet(unitCode, unitName, category, items, claims, next, ratings, comprehensive, quarterlyBases);
    }

    public UnitSheet withRating(Rating rating) {
        return new UnitSheet(unitCode, unitName, category, items, claims, vetoes, plus(ratings, rating), comprehensive,
                quarterlyBases);
    }

    public UnitSheet withRatings(List<Rating> next) {
        return new UnitSheet(unitCode, unitName, category, items, claims, vetoes, next, comprehensive, quarterlyBases);
    }

    public UnitSheet withComprehensive(BigDecimal value) {
        return new UnitSheet(unitCode, unitName, category, items, claims, vetoes, ratings, value, quarterlyBases);
    }

    public UnitSheet withQuarterlyBases(List<BigDecimal> next) {
        return new UnitSheet(unitCode, unitName, category, items, claims, vetoes, ratings, comprehensive, next);
    }

    private static <T> List<T> plus(List<T> list, T element) {
        List<T> next = new ArrayList<>(list);
        next.add(element);
        return next;
    }
}
