package cn.mubiao.progress.evidence.persistence;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.GridFSDownloadStream;
import com.mongodb.client.gridfs.GridFSUploadStream;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.MongoGridFSException;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** Evidence files in GridFS (bucket {@code evidence}), each with the report it belongs to in its metadata. */
@Component
public class EvidenceFiles {

    private final GridFSBucket bucket;

    EvidenceFiles(MongoDatabase db) {
        this.bucket = GridFSBuckets.create(db, "evidence");
    }

    /** A stored file: its id, length and SHA-256. */
    public record Stored(String fileId, long size, String sha256) {
    }

    /** Thrown when a file grows past the limit while it is being stored; nothing of it is kept. */
    public static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("too large");
        }
    }

    /**
     * Stores the bytes, counting and hashing them on the way, and keeps nothing if they pass {@code maxBytes}
     * or the stream fails.
     */
    public Stored store(InputStream in, String name, String contentType, Document metadata, long maxBytes) throws IOException {
        MessageDigest sha = sha256();
        GridFSUploadStream out = bucket.openUploadStream(name,
                new GridFSUploadOptions().chunkSizeBytes(255 * 1024).metadata(metadata.append("contentType", contentType)));
        long size = 0;
        try {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                size += n;
                if (size > maxBytes) {
                    throw new TooLarge();
                }
                sha.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
            out.close();
        } catch (IOException | RuntimeException e) {
            out.abort();
            throw e;
        }
        return new Stored(out.getObjectId().toHexString(), size, HexFormat.of().formatHex(sha.digest()));
    }

    public Optional<GridFSDownloadStream> open(String fileId) {
        if (!ObjectId.isValid(fileId)) {
            return Optional.empty();
        }
        try {
            return Optional.of(bucket.openDownloadStream(new ObjectId(fileId)));
        } catch (MongoGridFSException e) {
            return Optional.empty();
        }
    }

    /** Removes a file no report refers to (its report refused it after it was stored). */
    public void discard(String fileId) {
        try {
            bucket.delete(new ObjectId(fileId));
        } catch (MongoGridFSException e) {
            // gone already
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
