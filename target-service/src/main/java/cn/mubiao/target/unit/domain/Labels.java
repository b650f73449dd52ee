package cn.mubiao.target.unit.domain;

import java.util.function.Function;

/** Reads an enum constant from its name or its Chinese label. */
final class Labels {

    private Labels() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String text, Function<E, String> label) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(t) || label.apply(e).equals(t)) {
                return e;
            }
        }
        return null;
    }
}
