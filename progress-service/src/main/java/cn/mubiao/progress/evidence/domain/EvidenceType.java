package cn.mubiao.progress.evidence.domain;

import cn.mubiao.kit.domain.InvalidInput;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The kinds of evidence file a report takes (佐证材料): scans and photos, documents and spreadsheets. A file is
 * recognised by its first bytes and must carry a matching name, so a renamed executable or script never passes.
 */
public enum EvidenceType {
    PDF("application/pdf", List.of("pdf"), new byte[]{'%', 'P', 'D', 'F', '-'}),
    PNG("image/png", List.of("png"), new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a}),
    JPEG("image/jpeg", List.of("jpg", "jpeg"), new byte[]{(byte) 0xff, (byte) 0xd8, (byte) 0xff}),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", List.of("docx"), Signatures.ZIP),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", List.of("xlsx"), Signatures.ZIP),
    DOC("application/msword", List.of("doc"), Signatures.OLE),
    XLS("application/vnd.ms-excel", List.of("xls"), Signatures.OLE);

    private static final class Signatures {
        static final byte[] ZIP = {'P', 'K', 0x03, 0x04};
        static final byte[] OLE = {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a, (byte) 0xe1};
    }

    /** The bytes {@link #of} needs to see. */
    public static final int SIGNATURE_BYTES = 8;

    private final String contentType;
    private final List<String> extensions;
    private final byte[] signature;

    EvidenceType(String contentType, List<String> extensions, byte[] signature) {
        this.contentType = contentType;
        this.extensions = extensions;
        this.signature = signature;
    }

    public String contentType() {
        return contentType;
    }

    /**
     * The type of a file from its name and first bytes.
     *
     * @throws InvalidInput naming {@code file} when the name or the content is not an accepted type, or they disagree
     */
    public static EvidenceType of(String fileName, byte[] head) {
        String name = fileName == null ? "" : fileName.strip();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        List<EvidenceType> byName = Arrays.stream(values()).filter(t -> t.extensions.contains(extension)).toList();
        if (byName.isEmpty()) {
            throw new InvalidInput("file", "只接受PDF、PNG、JPEG、Word、Excel文件 / only PDF, PNG, JPEG, Word and Excel files: "
                    + (name.isEmpty() ? "（无文件名 / no name）" : name));
        }
        EvidenceType type = byName.getFirst();
        if (head == null || head.length < type.signature.length
                || !Arrays.equals(Arrays.copyOf(head, type.signature.length), type.signature)) {
            throw new InvalidInput("file", "文件内容与类型" + extension + "不符 / the content is not a ." + extension + " file");
        }
        return type;
    }
}
