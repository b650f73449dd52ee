package cn.mubiao.notification.channel;

import java.time.Instant;

/**
 * An SMSC's delivery receipt for one submitted part (SMPP deliver_sm with the receipt flag).
 *
 * @param messageId the SMSC's id of the part, as submit_sm_resp gave it
 * @param state     the receipt's final state as the SMSC spells it: DELIVRD, UNDELIV, EXPIRED, REJECTD, DELETED,
 *                  UNKNOWN, ACCEPTD, ENROUTE
 * @param error     the network error code, "000" for none
 */
public record SmsReceipt(String messageId, String state, String error, Instant at) {

    /** Whether the handset got the part. */
    public boolean delivered() {
        return "DELIVRD".equals(state);
    }

    /** Whether the state is the part's last word (not ENROUTE or ACCEPTD, which a later receipt may follow). */
    public boolean isFinal() {
        return !"ENROUTE".equals(state) && !"ACCEPTD".equals(state);
    }
}
