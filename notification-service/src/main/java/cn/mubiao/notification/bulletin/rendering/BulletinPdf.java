package cn.mubiao.notification.bulletin.rendering;

import cn.mubiao.contracts.LagStatus;
import cn.mubiao.notification.bulletin.domain.Bulletin;
import cn.mubiao.notification.bulletin.domain.Bulletin.UnitSection;
import cn.mubiao.notification.bulletin.domain.BulletinTexts;
import cn.mubiao.notification.bulletin.domain.Counts;
import cn.mubiao.notification.bulletin.domain.StatusLine;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.ZoneId;

/**
 * A bulletin as an A4 PDF with OpenPDF. The Chinese text is set in STSong-Light, one of the standard CJK fonts every
 * PDF reader supplies (Adobe-GB1 character collection, UniGB-UCS2-H CMap, both shipped in the OpenPDF jar): it is not
 * embedded, so no CJK font file is needed on the server and the file stays small; the reader draws it with its own
 * Song (宋体) face. See ADR 0007.
 */
public final class BulletinPdf {

    private static final BaseFont SONG = song();
    private static final Color HEAD = new Color(0xEE, 0xEE, 0xEE);

    private BulletinPdf() {
    }

    private static BaseFont song() {
        try {
            return BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("the STSong-Light font of OpenPDF is missing", e);
        }
    }

    public static byte[] render(Bulletin b, ZoneId zone) {
        Font title = new Font(SONG, 16, Font.BOLD);
        Font text = new Font(SONG, 10);
        Font small = new Font(SONG, 8, Font.NORMAL, Color.DARK_GRAY);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 36, 36, 42, 42);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle(b.title());
            doc.addCreator("目标管理平台 Mubiao");
            doc.open();
            Paragraph heading = new Paragraph(b.title(), title);
            heading.setAlignment(Element.ALIGN_CENTER);
            heading.setSpacingAfter(8);
            doc.add(heading);
            String issuer = b.issuerName().equals(b.issuerUnitCode()) ? b.issuerUnitCode()
                    : b.issuerName() + "（" + b.issuerUnitCode() + "）";
            doc.add(new Paragraph("通报单位：" + issuer + "    通报期：" + b.period().label() + "（" + b.period().code()
                    + "）    统计截至：" + BulletinTexts.asOf(b, zone), text));
            doc.add(new Paragraph(" ", text));
            doc.add(summary(b, text));
            if (b.isEmpty()) {
                doc.add(new Paragraph("本期没有可通报的目标进度。", text));
            } else {
                Paragraph h = new Paragraph("各单位目标明细", new Font(SONG, 12, Font.BOLD));
                h.setSpacingBefore(12);
                h.setSpacingAfter(6);
                doc.add(h);
                doc.add(details(b, text));
            }
            Paragraph note = new Paragraph("红色：差距达到阈值、里程碑逾期或逾期未报；黄色：落后于序时进度；绿色：达到或超过序时进度。", small);
            note.setSpacingBefore(8);
            doc.add(note);
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot lay out the bulletin " + b.id(), e);
        } finally {
            if (doc.isOpen()) {
                doc.close();
            }
        }
        return out.toByteArray();
    }

    private static PdfPTable summary(Bulletin b, Font text) {
        PdfPTable t = table(new float[]{4, 1.2f, 1.2f, 1.2f, 1.2f}, text, "责任单位", "红色 严重滞后", "黄色 滞后", "绿色 正常", "合计");
        for (UnitSection u : b.units()) {
            counts(t, u.unitName(), u.counts(), text, null);
        }
        counts(t, "合计", b.totals(), text, HEAD);
        return t;
    }

    /** A full-width table with one header row, repeated on each page. */
    private static PdfPTable table(float[] widths, Font text, String... headers) {
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        t.setHeaderRows(1);
        for (String c : headers) {
            t.addCell(head(c, text));
        }
        return t;
    }

    private static void counts(PdfPTable t, String name, Counts c, Font text, Color background) {
        PdfPCell n = new PdfPCell(new Phrase(name, text));
        n.setBackgroundColor(background);
        t.addCell(n);
        for (LagStatus s : Bulletin.ORDER) {
            PdfPCell cell = right(String.valueOf(c.of(s)), text);
            cell.setBackgroundColor(c.of(s) > 0 ? colour(s) : background);
            t.addCell(cell);
        }
        PdfPCell total = right(String.valueOf(c.total()), text);
        total.setBackgroundColor(background);
        t.addCell(total);
    }

    private static PdfPTable details(Bulletin b, Font text) {
        PdfPTable t = table(new float[]{1.6f, 5, 1.3f, 1.3f, 1.3f}, text, "状态", "目标", "完成率", "序时进度", "差距（百分点）");
        for (UnitSection u : b.units()) {
            Counts c = u.counts();
            PdfPCell unit = new PdfPCell(new Phrase(u.unitName() + "（红%d 黄%d 绿%d）"
                    .formatted(c.seriouslyLagging(), c.lagging(), c.onTrack()), text));
            unit.setColspan(5);
            unit.setBackgroundColor(HEAD);
            t.addCell(unit);
            for (LagStatus s : Bulletin.ORDER) {
                for (StatusLine l : u.targets(s)) {
                    PdfPCell status = new PdfPCell(new Phrase(BulletinTexts.statusLabel(s), text));
                    status.setBackgroundColor(colour(s));
                    t.addCell(status);
                    t.addCell(new PdfPCell(new Phrase(l.targetLabel()
                            + (l.targetCode() == null ? "" : "（" + l.targetCode() + "）"), text)));
                    t.addCell(right(BulletinTexts.completion(l), text));
                    t.addCell(right(BulletinTexts.pct(l.expectedShare()), text));
                    t.addCell(right(BulletinTexts.gap(l.gapPoints()), text));
                }
            }
        }
        return t;
    }

    private static PdfPCell head(String s, Font text) {
        PdfPCell c = new PdfPCell(new Phrase(s, text));
        c.setBackgroundColor(HEAD);
        return c;
    }

    private static PdfPCell right(String s, Font text) {
        PdfPCell c = new PdfPCell(new Phrase(s, text));
        c.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return c;
    }

    private static Color colour(LagStatus s) {
        return switch (s) {
            case SERIOUSLY_LAGGING -> new Color(0xF8, 0xD0, 0xD0);
            case LAGGING -> new Color(0xFB, 0xEF, 0xB5);
            case ON_TRACK -> new Color(0xD5, 0xEF, 0xD5);
        };
    }
}
