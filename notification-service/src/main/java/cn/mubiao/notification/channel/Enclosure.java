package cn.mubiao.notification.channel;

/**
 * What an email carries besides its plain text: an HTML alternative and one attachment.
 *
 * @param html           the HTML part (the plain text stays as the alternative for readers without HTML)
 * @param attachmentName the attachment's file name
 * @param attachmentType its media type, e.g. {@code application/pdf}
 */
public record Enclosure(String html, String attachmentName, String attachmentType, byte[] attachment) {
}
