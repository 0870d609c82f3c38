package org.gridpatrol.data.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The encoding of a text file: UTF-8 when it has a byte-order mark or its first 8 MB decode as
 * UTF-8 without error; else GBK when they decode as GBK, else GB18030 (the superset Windows and
 * WPS save "ANSI" Chinese text in). A file with NUL bytes, UTF-16, or bytes valid in none of these
 * is refused: guessing further would import mojibake.
 *
 * @param charset  what to read with (GB18030 for GBK: a superset, same bytes)
 * @param name     what to report ({@code UTF-8}, {@code GBK}, {@code GB18030})
 * @param skip     bytes to skip at the start (a BOM)
 */
record TextEncoding(Charset charset, String name, int skip) {

    private static final int SAMPLE = 8 << 20;
    static final Charset GB18030 = Charset.forName("GB18030");

    static TextEncoding of(Path file, String fileName, String given) {
        byte[] sample;
        try (InputStream in = Files.newInputStream(file)) {
            sample = in.readNBytes(SAMPLE);
        } catch (IOException e) {
            throw new ImportFileException(ImportFileException.Reason.UNREADABLE, "cannot read " + fileName + ": " + e.getMessage(), e);
        }
        boolean bom = sample.length >= 3 && (sample[0] & 0xff) == 0xEF && (sample[1] & 0xff) == 0xBB && (sample[2] & 0xff) == 0xBF;
        if (given != null && !given.isBlank()) {
            Charset charset;
            try {
                charset = Charset.forName(given.strip());
            } catch (IllegalArgumentException e) {
                throw new ImportFileException(ImportFileException.Reason.MAPPING, "unknown encoding '" + given + "': use UTF-8, GBK or GB18030");
            }
            String name = charset.name().equalsIgnoreCase("GBK") ? "GBK" : charset.name();
            boolean utf8 = charset.equals(StandardCharsets.UTF_8);
            return new TextEncoding(charset.name().equalsIgnoreCase("GBK") ? GB18030 : charset, name, utf8 && bom ? 3 : 0);
        }
        if (bom) {
            return new TextEncoding(StandardCharsets.UTF_8, "UTF-8", 3);
        }
        if (sample.length >= 2 && ((sample[0] & 0xff) == 0xFF && (sample[1] & 0xff) == 0xFE
                || (sample[0] & 0xff) == 0xFE && (sample[1] & 0xff) == 0xFF)) {
            throw new ImportFileException(ImportFileException.Reason.UNREADABLE,
                    fileName + " is UTF-16 (Excel's \"Unicode text\"): save it as CSV UTF-8 and import that");
        }
        for (byte b : sample) {
            if (b == 0) {
                throw new ImportFileException(ImportFileException.Reason.UNREADABLE,
                        fileName + " holds binary data (NUL bytes), not text in UTF-8 or GBK");
            }
        }
        int length = completeLines(sample);
        if (decodes(StandardCharsets.UTF_8, sample, length)) {
            return new TextEncoding(StandardCharsets.UTF_8, "UTF-8", 0);
        }
        if (decodes(Charset.forName("GBK"), sample, length)) {
            return new TextEncoding(GB18030, "GBK", 0);
        }
        if (decodes(GB18030, sample, length)) {
            return new TextEncoding(GB18030, "GB18030", 0);
        }
        throw new ImportFileException(ImportFileException.Reason.UNREADABLE, fileName
                + " is neither UTF-8 nor GBK/GB18030 text: save it as CSV UTF-8 (or name the encoding) and import again");
    }

    /** Up to the last line end, so a character cut by the sample's end is not taken for an error. */
    private static int completeLines(byte[] sample) {
        if (sample.length < SAMPLE) {
            return sample.length;
        }
        for (int i = sample.length - 1; i > 0; i--) {
            if (sample[i] == '\n') {
                return i + 1;
            }
        }
        return sample.length;
    }

    private static boolean decodes(Charset charset, byte[] bytes, int length) {
        try {
            charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
