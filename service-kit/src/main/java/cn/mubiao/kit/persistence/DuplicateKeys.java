package cn.mubiao.kit.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;

import java.util.ArrayList;
import java.util.List;

/**
 * An unordered bulk write where a duplicate key means "there already": which of its writes were refused for that
 * reason. Any other failure, or a write concern error, is not ours to read and is thrown again.
 */
public final class DuplicateKeys {

    private DuplicateKeys() {
    }

    /** @return the indexes (in the bulk's order) of the writes refused for a duplicate key */
    public static List<Integer> refused(MongoBulkWriteException e) {
        if (e.getWriteConcernError() != null) {
            throw e;
        }
        List<Integer> indexes = new ArrayList<>();
        for (BulkWriteError error : e.getWriteErrors()) {
            if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            indexes.add(error.getIndex());
        }
        return indexes;
    }
}
