package cn.mubiao.kit.security;

/** The administrative level a caller acts at (DOMAIN.md §1–2). */
public enum Level {
    PROVINCE, CITY, COUNTY, TOWNSHIP, DEPARTMENT
}
