package cn.mubiao.kit.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An unordered bulk write where a duplicate key means "there already": which of its writes were refused for that
 * reason. Any other failure, or a write concern error, is not ours to read and is thrown again.
 */
public final class DuplicateKeys {

    private DuplicateKeys() {
    }

    /** @return the indexes (in the bulk's order) of the writes refused for a duplicate key */
    public static List<Integer> refused(MongoBulkWriteException e) {
        Map<Integer, Boolean> refusals = refusals(e);
        if (refusals.containsValue(false)) {
            throw e;
        }
        return new ArrayList<>(refusals.keySet());
    }

    /**
     * The writes of an unordered bulk write that were refused, by index (in the bulk's order): {@code true} for a
     * duplicate key, {@code false} for any other reason; the writes not named were stored. A write concern error is
     * thrown again: none of them is known to be durable.
     */
    public static Map<Integer, Boolean> refusals(MongoBulkWriteException e) {
        if (e.getWriteConcernError() != null) {
            throw e;
        }
        Map<Integer, Boolean> refusals = new LinkedHashMap<>();
        for (BulkWriteError error : e.getWriteErrors()) {
            refusals.put(error.getIndex(), ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
        }
        return refusals;
    }
}
