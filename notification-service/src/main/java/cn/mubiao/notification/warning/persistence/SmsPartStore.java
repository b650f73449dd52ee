package cn.mubiao.notification.warning.persistence;

import cn.mubiao.notification.channel.SmsReceipt;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.Date;
import java.util.Optional;

/**
 * One document per submitted SMS part under the SMSC's message id: which delivery it belongs to and its receipt.
 * The two arrive in either order (a receipt can beat the write that records the send), so each writer upserts its
 * half and learns whether the other half is there already.
 */
@Component
public class SmsPartStore {

    static final String COLLECTION = "sms-parts";

    private final MongoCollection<Document> collection;

    SmsPartStore(MongoDatabase db) {
        this.collection = db.getCollection(COLLECTION);
    }

    /** Records which delivery a part belongs to; the part's receipt when it came first. */
    public Optional<SmsReceipt> belongsTo(String messageId, String deliveryId) {
        Document d = collection.findOneAndUpdate(Filters.eq("_id", messageId), Updates.set("deliveryId", deliveryId),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        Document r = d == null ? null : d.get("receipt", Document.class);
        return r == null ? Optional.empty() : Optional.of(new SmsReceipt(messageId, r.getString("state"), r.getString("error"),
                r.getDate("at").toInstant()));
    }

    /** Records a part's receipt (a later final one replaces an earlier one); the delivery it belongs to when known. */
    public Optional<String> received(SmsReceipt receipt) {
        Document d = collection.findOneAndUpdate(Filters.eq("_id", receipt.messageId()),
                Updates.set("receipt", new Document("state", receipt.state()).append("error", receipt.error())
                        .append("at", Date.from(receipt.at()))),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(d == null ? null : d.getString("deliveryId"));
    }
}
