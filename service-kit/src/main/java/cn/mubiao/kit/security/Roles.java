package cn.mubiao.kit.security;

/** Keycloak realm roles of DOMAIN.md §1. */
public final class Roles {
    public static final String CITY = "city";
    public static final String COUNTY = "county";
    public static final String DEPARTMENT = "department";
    public static final String TARGET_OFFICE = "target-office";
    public static final String MONITOR = "monitor";
    public static final String REPORTER = "reporter";
    public static final String LEADER = "leader";
    public static final String PROVINCE = "province";
    public static final String AUDITOR = "auditor";

    private Roles() {
    }
}
