package cn.mubiao.kit.persistence;

import cn.mubiao.kit.security.UnitCodes;
import com.mongodb.client.model.Filters;
import org.bson.conversions.Bson;

import java.util.regex.Pattern;

/**
 * The scoping rule ({@code Caller.sees}, {@code Caller.covers}) as MongoDB filters, so a list is narrowed in the query
 * and not after it; each object returned still passes the caller's own check.
 */
public final class ScopeFilters {

    private ScopeFilters() {
    }

    /** {@code field} names {@code unitCode} or a unit below it: a region's subtree by code prefix, a department itself. */
    public static Bson inSubtree(String field, String unitCode) {
        return UnitCodes.isDepartment(unitCode) ? Filters.eq(field, unitCode)
                : Filters.regex(field, "^" + Pattern.quote(UnitCodes.subtreePrefix(unitCode)));
    }

    /**
     * Documents of an assignment ({@code unitCode}, {@code coUnitCodes}, {@code monitorUnitCode}) the unit may see: one
     * it holds, co-handles or monitors — for a region, held or co-handled anywhere in its subtree.
     */
    public static Bson relatedTo(String unitCode) {
        return Filters.or(inSubtree("unitCode", unitCode), inSubtree("coUnitCodes", unitCode),
                Filters.eq("monitorUnitCode", unitCode));
    }
}
