package cn.mubiao.scoring.lag.web;

import cn.mubiao.kit.persistence.ScopeFilters;
import cn.mubiao.contracts.Period;
import cn.mubiao.kit.security.Caller;
import cn.mubiao.kit.security.CurrentCaller;
import cn.mubiao.kit.web.ProblemException;
import cn.mubiao.scoring.lag.domain.GapList;
import cn.mubiao.scoring.lag.domain.GapList.Grouping;
import cn.mubiao.scoring.lag.persistence.LagStore;
import com.mongodb.client.model.Filters;
import org.bson.conversions.Bson;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * 缺口清单: what is behind the calendar in a period, per responsible unit, per target category or per responsible
 * leader, within the caller's scope (filtered in the query, then each assignment's relations checked). As JSON and as
 * an Excel sheet.
 */
@RestController
@RequestMapping("/api/scoring")
class GapController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final LagStore store;

    GapController(LagStore store) {
        this.store = store;
    }

    /**
     * @param period   the reporting period ({@code 200706}, {@code 2007Q2}, {@code 2007S1}, {@code 2007})
     * @param groupBy  {@code unit} (default), {@code category} or {@code leader}
     * @param unitCode only this unit's subtree (a department: only itself); the caller must cover it
     * @param category only targets of this category
     * @param leader   only targets this leader answers for
     */
    @GetMapping("/gaps")
    GapListResponse gaps(@CurrentCaller Caller caller, @RequestParam String period,
                         @RequestParam(required = false) String groupBy, @RequestParam(required = false) String unitCode,
                         @RequestParam(required = false) String category, @RequestParam(required = false) String leader) {
        return GapListResponse.of(list(caller, period, groupBy, unitCode, category, leader));
    }

    @GetMapping("/gaps.xlsx")
    ResponseEntity<byte[]> gapSheet(@CurrentCaller Caller caller, @RequestParam String period,
                                    @RequestParam(required = false) String groupBy,
                                    @RequestParam(required = false) String unitCode,
                                    @RequestParam(required = false) String category,
                                    @RequestParam(required = false) String leader) throws IOException {
        GapListResponse list = GapListResponse.of(list(caller, period, groupBy, unitCode, category, leader));
        var out = new ByteArrayOutputStream();
        GapWorkbook.write(list, out);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(list.period() + "-缺口清单.xlsx", StandardCharsets.UTF_8).build().toString())
                .body(out.toByteArray());
    }

    private GapList list(Caller caller, String period, String groupBy, String unitCode, String category, String leader) {
        Period p = Period.parse(period).orElseThrow(() -> ProblemException.invalid("period",
                "报送期间格式应为2007、2007S1、2007Q2或200706 / a period is coded 2007, 2007S1, 2007Q2 or 200706: " + period));
        Grouping grouping = grouping(groupBy);
        if (unitCode != null && !caller.covers(unitCode)) {
            throw ProblemException.notFound("unit", unitCode);
        }
        Bson filter = scope(caller);
        if (unitCode != null) {
            filter = Filters.and(filter, ScopeFilters.inSubtree("unitCode", unitCode));
        }
        if (category != null) {
            filter = Filters.and(filter, Filters.eq("category", category));
        }
        if (leader != null) {
            filter = Filters.and(filter, Filters.eq("leaders", leader));
        }
        return GapList.of(p.code(), grouping, store.behind(p.code(), filter, caller::sees));
    }

    private static Grouping grouping(String groupBy) {
        if (groupBy == null || groupBy.isBlank()) {
            return Grouping.UNIT;
        }
        return Arrays.stream(Grouping.values()).filter(g -> g.name().equals(groupBy.toUpperCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> ProblemException.invalid("groupBy",
                        "分组方式应为unit、category或leader / groupBy is unit, category or leader: " + groupBy));
    }

    /** What the caller's unit may cover, as a query: its subtree, or for a department what it leads, co-handles or monitors. */
    private static Bson scope(Caller caller) {
        if (caller.unit() == null) {
            return Filters.eq("_id", null); // no unit: nothing
        }
        return ScopeFilters.relatedTo(caller.unit());
    }
}
