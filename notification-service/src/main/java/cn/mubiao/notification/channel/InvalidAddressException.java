package cn.mubiao.notification.channel;

/** The provider refused the recipient's address: sending again would fail the same way. */
public class InvalidAddressException extends RuntimeException {

    public InvalidAddressException(String message, Throwable cause) {
        super(message, cause);
    }
}
