package cn.mubiao.notification.channel;

/** Told of every delivery receipt the SMSC sends on the SMS channel's session. */
public interface SmsReceiptListener {

    /**
     * @throws RuntimeException when the receipt could not be recorded: the SMSC is answered with an error and sends
     *                          it again
     */
    void received(SmsReceipt receipt);
}
