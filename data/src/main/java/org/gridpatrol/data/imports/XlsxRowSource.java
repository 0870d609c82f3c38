package org.gridpatrol.data.imports;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The first sheet of an XLSX workbook read with POI's event (SAX) API: the sheet XML streams
 * through a parser thread into a bounded queue, so memory holds the shared-strings table and a
 * thousand rows, never the workbook. The first non-empty row is the header. Values are the cells as
 * Excel displays them, except dates, which come as ISO dates (2026-12-01).
 */
final class XlsxRowSource implements RowSource {

    private static final Object END = new Object();
    private static final int QUEUE = 1_000;

    private final BlockingQueue<Object> rows = new ArrayBlockingQueue<>(QUEUE);
    private final Thread parser;
    private final String fileName;
    private final ImportLimits limits;
    private volatile boolean stopped;
    private final List<String> columns;
    private boolean ended;

    private record Parsed(long line, String[] values) {
    }

    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    XlsxRowSource(Path file, String fileName, ImportLimits limits) {
        this.fileName = fileName;
        this.limits = limits;
        ZipSecureFile.setMinInflateRatio(1 / limits.maxCompressionRatio()); // our own guard already checked the archive
        parser = new Thread(() -> parse(file), "xlsx-reader");
        parser.setDaemon(true);
        parser.start();
        Object first = take();
        if (first == END) {
            throw new ImportFileException(ImportFileException.Reason.UNREADABLE, fileName + " has no rows on its first sheet");
        }
        List<String> header = new ArrayList<>();
        for (String v : ((Parsed) first).values()) {
            header.add(v == null ? "" : v.strip());
        }
        columns = List.copyOf(header);
    }

    private void parse(Path file) {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            StylesTable styles = reader.getStylesTable();
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                put(END);
                return;
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new Rows(), new IsoDates(), false));
                xml.parse(new InputSource(sheet));
            }
            put(END);
        } catch (Stop stop) {
            // closed early by the reader's consumer
        } catch (ImportFileException e) {
            put(e);
        } catch (Exception | LinkageError e) {
            put(new ImportFileException(ImportFileException.Reason.UNREADABLE,
                    fileName + " cannot be read as an Excel workbook (.xlsx): " + e.getMessage(), e));
        }
    }

    private void put(Object item) {
        try {
            while (!stopped && !rows.offer(item, 100, TimeUnit.MILLISECONDS)) {
                // the consumer is slower; wait
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (stopped) {
            throw new Stop();
        }
    }

    private Object take() {
        try {
            Object item = rows.take();
            if (item instanceof ImportFileException e) {
                throw e;
            }
            return item;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportFileException(ImportFileException.Reason.CANCELLED, "the import was interrupted");
        }
    }

    /** Collects one row's cells by column letter; empty rows are skipped. */
    private final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private String[] cells = new String[16];
        private int width;

        @Override
        public void startRow(int rowNum) {
            Arrays.fill(cells, 0, width, null);
            width = 0;
        }

        @Override
        public void endRow(int rowNum) {
            if (width > 0) {
                put(new Parsed(rowNum + 1L, Arrays.copyOf(cells, width)));
            }
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int column = reference == null ? width : new CellReference(reference).getCol();
            if (column >= limits.maxColumns()) {
                throw new ImportFileException(ImportFileException.Reason.TOO_LARGE, String.format(java.util.Locale.ROOT,
                        "%s has a value in column %,d; the import reads at most %,d columns: remove the columns you do not import",
                        fileName, column + 1, limits.maxColumns()));
            }
            if (column >= cells.length) {
                cells = Arrays.copyOf(cells, Math.max(column + 1, cells.length * 2));
            }
            cells[column] = formattedValue;
            width = Math.max(width, column + 1);
        }
    }

    /** Dates as ISO dates whatever the cell's display format, so "下次检查" reads the same from every locale. */
    private static final class IsoDates extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE);
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
        }
    }

    @Override
    public String format() {
        return "xlsx";
    }

    @Override
    public String encoding() {
        return null;
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
        if (ended) {
            return null;
        }
        Object item = take();
        if (item == END) {
            ended = true;
            return null;
        }
        Parsed row = (Parsed) item;
        return new SourceRow(row.line(), row.values(), null);
    }

    @Override
    public void close() {
        stopped = true;
        rows.clear();
        parser.interrupt();
    }
}
