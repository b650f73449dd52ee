package cn.mubiao.kit.audit;

import java.util.List;

/**
 * One page of the audit log, newest first.
 *
 * @param hasNext whether a next page has entries
 */
record AuditPageResponse(List<AuditEntryResponse> items, int page, int size, boolean hasNext) {
}
