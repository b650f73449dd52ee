package cn.mubiao.target.unit.domain;

import cn.mubiao.kit.security.Level;

/** What kind of region (行政区域) a region unit is; each kind sits at one level of the tree. */
public enum RegionKind {
    PROVINCE("省", Level.PROVINCE),
    CITY("市", Level.CITY),
    COUNTY("县", Level.COUNTY),
    COUNTY_CITY("县级市", Level.COUNTY),
    DISTRICT("区", Level.COUNTY),
    /** national development zones sit at county level (seed 000: 两个国家级开发区) */
    DEVELOPMENT_ZONE("开发区", Level.COUNTY),
    TOWN("镇", Level.TOWNSHIP),
    TOWNSHIP("乡", Level.TOWNSHIP),
    STREET("街道", Level.TOWNSHIP);

    private final String label;
    private final Level level;

    RegionKind(String label, Level level) {
        this.label = label;
        this.level = level;
    }

    public String label() {
        return label;
    }

    public Level level() {
        return level;
    }

    /** By name ({@code DISTRICT}) or Chinese label ({@code 区}); null when neither. */
    public static RegionKind parse(String text) {
        return Labels.parse(RegionKind.class, text, RegionKind::label);
    }
}
