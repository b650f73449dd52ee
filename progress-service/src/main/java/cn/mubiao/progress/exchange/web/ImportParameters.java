package cn.mubiao.progress.exchange.web;

/** DHIS2's import query parameters we read; others DHIS2 knows (preheatCache, skipAudit, force, ...) are ignored. */
record ImportParameters(Boolean dryRun, String idScheme, String dataElementIdScheme, String orgUnitIdScheme,
                        String importStrategy, Boolean async, Boolean firstRowIsHeader) {
}
