package cn.mubiao.notification.bulletin.application;

import cn.mubiao.notification.NotificationProperties;
import cn.mubiao.notification.bulletin.domain.Bulletin;
import cn.mubiao.notification.bulletin.persistence.BulletinStore;
import cn.mubiao.notification.bulletin.rendering.BulletinHtml;
import cn.mubiao.notification.bulletin.rendering.BulletinPdf;
import cn.mubiao.notification.channel.Enclosure;
import cn.mubiao.notification.warning.application.Enclosures;
import org.springframework.stereotype.Component;

import java.time.ZoneId;

/**
 * A bulletin's email enclosure, rendered at send time from the bulletin as issued: the HTML table and the PDF. The
 * last one rendered is kept, since a bulletin goes to many people one after the other.
 */
@Component
class BulletinEnclosures implements Enclosures {

    static final String PDF = "application/pdf";

    private final BulletinStore store;
    private final ZoneId zone;
    private volatile Rendered last;

    BulletinEnclosures(BulletinStore store, NotificationProperties settings) {
        this.store = store;
        this.zone = ZoneId.of(settings.bulletin().zone());
    }

    private record Rendered(String reference, Enclosure enclosure) {
    }

    @Override
    public Enclosure render(String reference) {
        Rendered r = last;
        if (r != null && r.reference().equals(reference)) {
            return r.enclosure();
        }
        Bulletin b = store.get(reference)
                .orElseThrow(() -> new IllegalStateException("no bulletin " + reference + " to enclose"));
        Enclosure e = new Enclosure(BulletinHtml.render(b, zone), fileName(b), PDF, BulletinPdf.render(b, zone));
        last = new Rendered(reference, e);
        return e;
    }

    /** {@code bulletin-410100-200707.pdf}: ASCII, so every mail client shows it as it is. */
    static String fileName(Bulletin b) {
        return "bulletin-" + b.issuerUnitCode() + "-" + b.period().code() + ".pdf";
    }
}
