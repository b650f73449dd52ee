package cn.mubiao.notification.warning.domain;

/**
 * What one trigger tells one recipient: an email (subject and body, Chinese first and English second) and an
 * SMS text that fits one or two UCS-2 parts.
 *
 * @param sms       null for a notice that goes by email only
 * @param enclosure what the email carries besides its plain text, rendered when it is sent (an HTML part and an
 *                  attachment; a bulletin's id), or null for a plain-text email
 */
public record Notice(String subject, String emailBody, String sms, String enclosure) {

    public Notice(String subject, String emailBody, String sms) {
        this(subject, emailBody, sms, null);
    }

    /** An email only, with an enclosure rendered at send time. */
    public static Notice emailOnly(String subject, String emailBody, String enclosure) {
        return new Notice(subject, emailBody, null, enclosure);
    }
}
