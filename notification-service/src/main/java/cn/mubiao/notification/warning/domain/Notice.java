package cn.mubiao.notification.warning.domain;

/**
 * What one trigger tells one recipient: an email (subject and body, Chinese first and English second) and an
 * SMS text that fits one or two UCS-2 parts.
 */
public record Notice(String subject, String emailBody, String sms) {
}
