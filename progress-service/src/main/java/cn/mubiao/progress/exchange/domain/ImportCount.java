package cn.mubiao.progress.exchange.domain;

/** DHIS2's import count. Nothing is ever deleted by an import here, so {@code deleted} is always 0. */
public record ImportCount(int imported, int updated, int ignored, int deleted) {

    public static final ImportCount NONE = new ImportCount(0, 0, 0, 0);

    public ImportCount plus(RowOutcome outcome) {
        return switch (outcome) {
            case IMPORTED -> new ImportCount(imported + 1, updated, ignored, deleted);
            case UPDATED -> new ImportCount(imported, updated + 1, ignored, deleted);
            case IGNORED -> new ImportCount(imported, updated, ignored + 1, deleted);
        };
    }

    /** What happened to one row of an import. */
    public enum RowOutcome { IMPORTED, UPDATED, IGNORED }
}
