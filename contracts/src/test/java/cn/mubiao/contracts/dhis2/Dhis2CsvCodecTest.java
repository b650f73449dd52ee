package cn.mubiao.contracts.dhis2;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Dhis2CsvCodecTest {

    private static DataValue exported(String dataElement, String orgUnit, String value, String comment) {
        return new DataValue(dataElement, "200707", orgUnit, "default", "default", value, "u-410102", null,
                "2007-08-03T02:00:00Z", comment, false);
    }

    @Test
    void readsDhis2ColumnsByPositionAndSkipsTheHeaderRow() {
        String csv = """
                "dataelement","period","orgunit","catoptcombo","attroptcombo","value","strby","lstupd","cmt"
                "410100-2007-A03","200707","410102","default",,"5","zy","2007-08-01","完成投资"
                """;

        assertThat(DataValueCsv.read(csv, true, 10)).singleElement().satisfies(v -> {
            assertThat(v.dataElement()).isEqualTo("410100-2007-A03");
            assertThat(v.period()).isEqualTo("200707");
            assertThat(v.orgUnit()).isEqualTo("410102");
            assertThat(v.categoryOptionCombo()).isEqualTo("default");
            assertThat(v.attributeOptionCombo()).isNull();
            assertThat(v.value()).isEqualTo("5");
            assertThat(v.comment()).isEqualTo("完成投资");
        });
    }

    @Test
    void quotedFieldsKeepCommasDoubledQuotesAndLineBreaks() {
        String csv = "dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment\r\n"
                + "A03,200707,410102,,,95,,,\"资金到位慢，\"\"加快\"\"审批,\r\n下月完成\"\r\n";

        assertThat(DataValueCsv.read(csv, true, 10)).singleElement()
                .extracting(DataValue::comment).isEqualTo("资金到位慢，\"加快\"审批,\r\n下月完成");
    }

    @Test
    void writingAndReadingBackGivesTheSameValuesIncludingChineseComments() {
        List<DataValue> values = List.of(
                exported("410100-2007-A03", "410102", "95.5", "完成投资，\"重点项目\"开工"),
                exported("410100-2007-A03", "410105", "0", null),
                exported("410100-2007-B01", "410100-FGW", "12", " 前后有空格 \n第二行"));

        String csv = DataValueCsv.write(values);

        assertThat(csv).startsWith(DataValueCsv.HEADER + "\r\n");
        assertThat(DataValueCsv.read(csv, true, 10)).containsExactlyElementsOf(values);
    }

    @Test
    void withoutAHeaderRowTheFirstLineIsData() {
        assertThat(DataValueCsv.read("A03,200707,410102,,,5\nA03,200708,410102,,,6", false, 10))
                .extracting(DataValue::period).containsExactly("200707", "200708");
    }

    @Test
    void aByteOrderMarkAndBlankLinesAreSkipped() {
        assertThat(DataValueCsv.read("\uFEFFdataelement,period\n\nA03,200707,410102,,,5\n\n", true, 10)).hasSize(1);
    }

    @Test
    void anUnclosedQuoteIsRefusedNamingTheLine() {
        assertThatThrownBy(() -> DataValueCsv.read("h\nA03,200707,410102,,,5\nA03,200708,\"410102,,,6\n", true, 10))
                .isInstanceOf(InvalidDhis2Input.class)
                .hasMessageContaining("body").hasMessageContaining("第3行").hasMessageContaining("line 3");
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsRefused() {
        assertThatThrownBy(() -> DataValueCsv.read("h\nA03,2007\"07,410102,,,5\n", true, 10))
                .isInstanceOf(InvalidDhis2Input.class).hasMessageContaining("line 2");
    }

    @Test
    void moreDataRowsThanTheLimitAreRefused() {
        String csv = "h\n" + "A03,200707,410102,,,5\n".repeat(4);

        assertThat(DataValueCsv.read(csv, true, 4)).hasSize(4);
        assertThatThrownBy(() -> DataValueCsv.read(csv, false, 4)).isInstanceOf(DataValueCsv.TooManyRows.class);
    }
}
