package org.gridpatrol.data.imports;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * CSV read with commons-csv, streaming: the encoding from {@link TextEncoding}, the delimiter
 * ({@code ,} {@code ;} or tab) sniffed from the header line, the header being the first record.
 * The header's column count is checked before commons-csv parses anything, so a 10,000-column
 * file is refused at once. A byte sequence invalid in the encoding later in the file stops the
 * import with the record where it happened.
 */
final class CsvRowSource implements RowSource {

    private final Reader reader;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> columns;
    private final String encodingName;
    private final String fileName;
    private long lastLine = 1;

    CsvRowSource(Path file, String fileName, String encoding, ImportLimits limits) {
        this(file, fileName, TextEncoding.of(file, fileName, encoding), limits);
    }

    CsvRowSource(Path file, String fileName, TextEncoding encoding, ImportLimits limits) {
        this.fileName = fileName;
        this.encodingName = encoding.name();
        char delimiter = sniffDelimiter(file, encoding, limits, fileName);
        try {
            InputStream in = Files.newInputStream(file);
            in.skipNBytes(encoding.skip());
            reader = new BufferedReader(new InputStreamReader(in, encoding.charset().newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
            CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
                    .setIgnoreSurroundingSpaces(true).get();
            parser = CSVParser.builder().setReader(reader).setFormat(format).get();
            records = parser.iterator();
            if (!records.hasNext()) {
                throw new ImportFileException(ImportFileException.Reason.UNREADABLE, fileName + " has no header line");
            }
            List<String> header = new ArrayList<>();
            for (String name : records.next()) {
                header.add(name == null ? "" : name.strip());
            }
            columns = List.copyOf(header);
        } catch (IOException | UncheckedIOException e) {
            throw unreadable(e);
        }
    }

    /** Counts the candidate delimiters outside quotes in the first line; the most frequent wins (comma on a tie). */
    private static char sniffDelimiter(Path file, TextEncoding encoding, ImportLimits limits, String fileName) {
        String first;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), encoding.charset()))) {
            in.skip(0);
            first = in.readLine();
        } catch (IOException e) {
            throw new ImportFileException(ImportFileException.Reason.UNREADABLE, "cannot read " + fileName + ": " + e.getMessage(), e);
        }
        if (first == null) {
            throw new ImportFileException(ImportFileException.Reason.UNREADABLE, fileName + " is empty");
        }
        int comma = 0, semicolon = 0, tab = 0;
        boolean quoted = false;
        for (int i = 0; i < first.length(); i++) {
            char c = first.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (c == ',') comma++;
                else if (c == ';') semicolon++;
                else if (c == '\t') tab++;
            }
        }
        int most = Math.max(comma, Math.max(semicolon, tab));
        if (most + 1 > limits.maxColumns()) {
            throw new ImportFileException(ImportFileException.Reason.TOO_LARGE, String.format(java.util.Locale.ROOT,
                    "%s has %,d columns; the import reads at most %,d: remove the columns you do not import",
                    fileName, most + 1, limits.maxColumns()));
        }
        return most == comma ? ',' : most == semicolon ? ';' : '\t';
    }

    @Override
    public String format() {
        return "csv";
    }

    @Override
    public String encoding() {
        return encodingName;
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public String declaredCoordinateSystem() {
        return null;
    }

    @Override
    public SourceRow next() {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            lastLine = record.getRecordNumber();
            String[] values = new String[Math.max(record.size(), columns.size())];
            for (int i = 0; i < record.size(); i++) {
                values[i] = record.get(i);
            }
            return new SourceRow(record.getRecordNumber(), values, null);
        } catch (UncheckedIOException | IllegalStateException e) {
            throw unreadable(e);
        }
    }

    private ImportFileException unreadable(Exception e) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e.getCause() != null ? e.getCause() : e;
        if (cause instanceof CharacterCodingException) {
            return new ImportFileException(ImportFileException.Reason.UNREADABLE, fileName + " after record " + lastLine
                    + " holds bytes that are not " + encodingName + ": save the whole file in one encoding (CSV UTF-8) or name its encoding", e);
        }
        return new ImportFileException(ImportFileException.Reason.UNREADABLE, fileName + " cannot be read as CSV after record "
                + lastLine + ": " + cause.getMessage(), e);
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            // nothing left to read from it
        }
    }
}
