package cn.mubiao.target.workbook;

import cn.mubiao.contracts.Frequency;
import cn.mubiao.contracts.IndicatorKind;

import java.util.HashMap;
import java.util.Map;

/** How the spreadsheets name indicator kinds and reporting frequencies: the Chinese label or the code. */
public final class SheetLabels {

    private static final Map<String, IndicatorKind> KINDS = new HashMap<>();
    private static final Map<String, Frequency> FREQUENCIES = new HashMap<>();

    static {
        for (IndicatorKind k : IndicatorKind.values()) {
            KINDS.put(k.name(), k);
            KINDS.put(label(k), k);
        }
        for (Frequency f : Frequency.values()) {
            FREQUENCIES.put(f.name(), f);
            FREQUENCIES.put(label(f), f);
        }
    }

    private SheetLabels() {
    }

    /** 累计型 or CUMULATIVE …; null when neither. */
    public static IndicatorKind kind(String text) {
        return text == null ? null : KINDS.get(text);
    }

    /** 月报 or MONTHLY …; null when neither. */
    public static Frequency frequency(String text) {
        return text == null ? null : FREQUENCIES.get(text);
    }

    public static String label(IndicatorKind k) {
        return switch (k) {
            case CUMULATIVE -> "累计型";
            case LEVEL -> "水平型";
            case CEILING -> "上限型";
            case QUALITATIVE -> "定性";
        };
    }

    public static String label(Frequency f) {
        return switch (f) {
            case MONTHLY -> "月报";
            case QUARTERLY -> "季报";
            case HALF_YEARLY -> "半年报";
            case YEARLY -> "年报";
        };
    }
}
