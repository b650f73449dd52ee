package cn.mubiao.scoring.feed.application;

import cn.mubiao.contracts.Period;
import cn.mubiao.contracts.dhis2.DataValue;
import cn.mubiao.contracts.dhis2.ExportQuery;
import cn.mubiao.contracts.dhis2.ExportRequest;
import cn.mubiao.kit.security.Caller;
import cn.mubiao.kit.security.UnitCodes;
import cn.mubiao.scoring.assessment.persistence.AssessmentStore;
import cn.mubiao.scoring.feed.FeedProperties;
import cn.mubiao.scoring.feed.domain.AlignedValue;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The province feed (省级指标数据推送): the city's values of the targets aligned with province indicators, as DHIS2
 * data values — data element the province indicator code, org unit the unit code, value the value that counts —
 * one per aligned assignment and period with a value, each carrying its target value with its provenance (就高不就低),
 * completion and where the target came from in {@code comment} as JSON (docs/province-feed.md). Read from the assessment's read model: the
 * years (one small document each), then by {@code _id} each year's units and each unit's year.
 */
@Component
public class ReadProvinceFeed {

    private final AssessmentStore store;
    private final FeedProperties settings;
    private final JsonMapper json;

    ReadProvinceFeed(AssessmentStore store, FeedProperties settings, JsonMapper json) {
        this.store = store;
        this.settings = settings;
        this.json = json;
    }

    /**
     * What the {@code comment} of a feed value says, as JSON (decimals as strings, exact; absent fields left out).
     *
     * @param targetValueProvenance where the target value came from (就高不就低): PROVINCE, CITY, BOTH or
     *                              NOT_COMPARABLE, beside the province's and the city's value of the whole target;
     *                              absent when the target was not aligned or its assignment came before this was told
     * @param targetSource          PROVINCE, CITY or OWN: where the target came from
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Comment(String targetValue, String targetValueProvenance, String provinceTargetValue,
                   String cityTargetValue, String completion, String targetSource, String basis, String valueSource,
                   String assignmentId) {
    }

    /** The caller's scope bounds the answer (the province client: its province's subtree). */
    public List<DataValue> read(Caller caller, ExportRequest request) {
        ExportQuery query = ExportQuery.parse(request, settings.zone());
        List<AlignedValue> values = new ArrayList<>();
        for (int year : years(query)) {
            for (String unit : store.unitsOf(year)) {
                if (caller.covers(unit) && query.coversOrgUnit(unit, UnitCodes::isInSubtree)) {
                    store.unitYear(year, unit).ifPresent(u -> AlignedValue.of(u).stream()
                            .filter(v -> query.coversDataElement(v.provinceCode()))
                            .filter(v -> Period.parse(v.period()).map(query::coversPeriod).orElse(false))
                            .filter(v -> query.changedSince(v.lastUpdated()))
                            .forEach(values::add));
                }
            }
        }
        return values.stream()
                .sorted(Comparator.comparing(AlignedValue::provinceCode).thenComparing(AlignedValue::unitCode)
                        .thenComparing(AlignedValue::period).thenComparing(AlignedValue::assignmentId))
                .map(this::dataValue)
                .toList();
    }

    /** The years the query can reach: those of its periods, else those between its dates, else all. */
    private Set<Integer> years(ExportQuery query) {
        if (!query.periods().isEmpty()) {
            return query.periods().stream().map(Period::parse).flatMap(Optional::stream).map(Period::year)
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        return store.years().stream()
                .filter(y -> query.startDate() == null || y >= query.startDate().getYear())
                .filter(y -> query.endDate() == null || y <= query.endDate().getYear())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private DataValue dataValue(AlignedValue v) {
        AlignedValue.Provenance p = v.provenance();
        String comment = json.writeValueAsString(new Comment(plain(v.targetValue()), p == null ? null : p.of(),
                p == null ? null : plain(p.provinceValue()), p == null ? null : plain(p.cityValue()),
                plain(v.completion()), v.targetSource(), v.basis(), v.valueSource(), v.assignmentId()));
        return new DataValue(v.provinceCode(), v.period(), v.unitCode(), DataValue.DEFAULT_COMBO, DataValue.DEFAULT_COMBO,
                v.value().toPlainString(), null, null, v.lastUpdated() == null ? null : v.lastUpdated().toString(),
                comment, false);
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
