package cn.mubiao.contracts.dhis2;

import java.util.ArrayList;
import java.util.List;

/**
 * DHIS2's CSV data value format (RFC 4180 quoting). Columns by position: dataelement, period, orgunit,
 * catoptcombo, attroptcombo, value, storedby, lastupdated, comment, followup. On import the first row is a
 * header and is skipped (as DHIS2 does, unless {@code firstRowIsHeader=false}); storedby, lastupdated and
 * followup are read but the ledger decides who stored a value and when. Export writes the header and every column.
 */
public final class DataValueCsv {

    public static final String HEADER =
            "dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment,followup";

    private DataValueCsv() {
    }

    /** More data rows than one call may carry. */
    public static final class TooManyRows extends RuntimeException {
        private final int limit;

        public TooManyRows(int limit) {
            super("more than " + limit + " data values");
            this.limit = limit;
        }

        public int limit() {
            return limit;
        }
    }

    /**
     * The data values of a CSV text, at most {@code maxRows} of them.
     *
     * @throws InvalidDhis2Input a quote that is not closed or text after a closing quote (400, field {@code body})
     * @throws TooManyRows  more than {@code maxRows} data rows
     */
    public static List<DataValue> read(String text, boolean firstRowIsHeader, int maxRows) {
        List<DataValue> values = new ArrayList<>();
        Reader reader = new Reader(text.startsWith("\uFEFF") ? text.substring(1) : text);
        boolean header = firstRowIsHeader;
        List<String> record;
        while ((record = reader.next()) != null) {
            if (header) {
                header = false;
                continue;
            }
            if (record.size() == 1 && record.getFirst().isBlank()) {
                continue; // an empty line
            }
            if (values.size() == maxRows) {
                throw new TooManyRows(maxRows);
            }
            values.add(new DataValue(column(record, 0), column(record, 1), column(record, 2), column(record, 3),
                    column(record, 4), column(record, 5), column(record, 6), null, column(record, 7), column(record, 8),
                    followup(column(record, 9))));
        }
        return values;
    }

    /** The values as CSV with a header row; lines end in CRLF, text is to be sent as UTF-8. */
    public static String write(List<DataValue> values) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (DataValue v : values) {
            String[] fields = {v.dataElement(), v.period(), v.orgUnit(), v.categoryOptionCombo(),
                    v.attributeOptionCombo(), v.value(), v.storedBy(), v.lastUpdated(), v.comment(),
                    v.followup() == null ? null : v.followup().toString()};
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(quoted(fields[i]));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    private static String quoted(String field) {
        if (field == null) {
            return "";
        }
        boolean needs = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                || field.indexOf('\r') >= 0 || !field.equals(field.strip());
        return needs ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }

    private static String column(List<String> record, int index) {
        if (index >= record.size()) {
            return null;
        }
        String field = record.get(index);
        return field.isEmpty() ? null : field;
    }

    private static Boolean followup(String field) {
        return field == null ? null : Boolean.valueOf(field.strip());
    }

    /** Reads RFC 4180 records: fields separated by commas, optionally quoted, quotes doubled inside quotes. */
    private static final class Reader {
        private final String text;
        private int pos;
        private int line = 1;

        Reader(String text) {
            this.text = text;
        }

        List<String> next() {
            if (pos >= text.length()) {
                return null;
            }
            int recordLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            while (true) {
                if (pos < text.length() && text.charAt(pos) == '"' && field.isEmpty()) {
                    pos++;
                    readQuoted(field, recordLine);
                    if (pos < text.length() && ",\r\n".indexOf(text.charAt(pos)) < 0) {
                        throw malformed(line, "引号后不应有其他字符", "text after a closing quote");
                    }
                }
                while (pos < text.length() && ",\r\n".indexOf(text.charAt(pos)) < 0) {
                    char c = text.charAt(pos++);
                    if (c == '"') {
                        throw malformed(line, "未加引号的字段中有引号", "a quote inside an unquoted field");
                    }
                    field.append(c);
                }
                fields.add(field.toString());
                field.setLength(0);
                if (pos >= text.length()) {
                    return fields;
                }
                char c = text.charAt(pos++);
                if (c == ',') {
                    continue;
                }
                if (c == '\r' && pos < text.length() && text.charAt(pos) == '\n') {
                    pos++;
                }
                line++;
                return fields;
            }
        }

        private void readQuoted(StringBuilder field, int recordLine) {
            while (true) {
                if (pos >= text.length()) {
                    throw malformed(recordLine, "引号未闭合", "a quote is not closed");
                }
                char c = text.charAt(pos++);
                if (c == '"') {
                    if (pos < text.length() && text.charAt(pos) == '"') {
                        field.append('"');
                        pos++;
                        continue;
                    }
                    return;
                }
                if (c == '\n') {
                    line++;
                }
                field.append(c);
            }
        }

        private static InvalidDhis2Input malformed(int line, String chinese, String english) {
            return new InvalidDhis2Input("body", "CSV第" + line + "行：" + chinese + " / CSV line " + line + ": " + english);
        }
    }
}
