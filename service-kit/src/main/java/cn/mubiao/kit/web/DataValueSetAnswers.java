package cn.mubiao.kit.web;

import cn.mubiao.contracts.dhis2.DataValue;
import cn.mubiao.contracts.dhis2.DataValueCsv;
import cn.mubiao.contracts.dhis2.DataValueSet;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * How every DHIS2 base URL answers {@code GET …/api/dataValueSets}: JSON ({@code {"dataValues":[…]}}) by default and
 * for {@code .json}; CSV (DHIS2's columns, UTF-8, CRLF) for {@code .csv} or when {@code Accept} prefers
 * {@code application/csv} or {@code text/csv}, answered as that type. XML and ADX are not served (JSON is answered).
 */
public final class DataValueSetAnswers {

    public static final MediaType APPLICATION_CSV = MediaType.parseMediaType("application/csv");
    public static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");

    private DataValueSetAnswers() {
    }

    /** The values as JSON, or as CSV when the {@code Accept} header prefers it. */
    public static ResponseEntity<?> negotiated(List<DataValue> values, String accept) {
        MediaType csv = preferredCsv(accept);
        return csv == null ? json(values) : csv(values, csv);
    }

    public static ResponseEntity<DataValueSet> json(List<DataValue> values) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(DataValueSet.of(values));
    }

    public static ResponseEntity<byte[]> csv(List<DataValue> values) {
        return csv(values, APPLICATION_CSV);
    }

    private static ResponseEntity<byte[]> csv(List<DataValue> values, MediaType type) {
        return ResponseEntity.ok().contentType(new MediaType(type, StandardCharsets.UTF_8))
                .body(DataValueCsv.write(values).getBytes(StandardCharsets.UTF_8));
    }

    /** The CSV type the client prefers over JSON, or null for JSON (also for no or an unreadable header). */
    static MediaType preferredCsv(String accept) {
        if (accept == null || accept.isBlank()) {
            return null;
        }
        List<MediaType> types;
        try {
            types = new ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (InvalidMediaTypeException e) {
            return null;
        }
        types.sort((a, b) -> Double.compare(b.getQualityValue(), a.getQualityValue())); // stable: header order breaks ties
        for (MediaType t : types) {
            if (t.isWildcardType() || MediaType.APPLICATION_JSON.isCompatibleWith(t) && !t.isWildcardSubtype()) {
                return null;
            }
            if (APPLICATION_CSV.equalsTypeAndSubtype(t) || TEXT_CSV.equalsTypeAndSubtype(t)) {
                return new MediaType(t.getType(), t.getSubtype());
            }
        }
        return null;
    }
}
