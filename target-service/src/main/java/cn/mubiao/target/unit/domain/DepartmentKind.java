package cn.mubiao.target.unit.domain;

/** What kind of organ a department (部门) is (seed 003, 第五条). */
public enum DepartmentKind {
    PARTY("党委部门"),
    MASS_ORGANISATION("群团组织"),
    GOVERNMENT("政府部门"),
    NPC_CPPCC("人大政协机构"),
    COURT("法院"),
    PROCURATORATE("检察院"),
    POLICE("公安");

    private final String label;

    DepartmentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** By name ({@code GOVERNMENT}) or Chinese label ({@code 政府部门}); null when neither. */
    public static DepartmentKind parse(String text) {
        return Labels.parse(DepartmentKind.class, text, DepartmentKind::label);
    }
}
