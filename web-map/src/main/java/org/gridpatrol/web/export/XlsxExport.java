package org.gridpatrol.web.export;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.gridpatrol.data.export.ExportSchema;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;

/**
 * One sheet by Apache POI's SXSSF: only the last {@value #WINDOW} rows are in memory, older rows go
 * to a temporary file, which POI deletes when the workbook is closed (not gzipped: that cost 30-40 %
 * more time for 20,000 rows here, and disk is the cheaper resource). Numbers and booleans
 * are typed cells, dates ISO text (Excel would show a date cell as a serial number without a style
 * per cell). A WKT longer than a cell may hold ({@value #CELL_LIMIT} characters, a large polygon) is
 * left empty; the point columns are always filled.
 */
final class XlsxExport implements FeatureFileWriter {

    static final int WINDOW = 200;
    static final int CELL_LIMIT = 32_767;
    /** Excel's rows per sheet, header included. */
    static final int MAX_ROWS = 1_048_576;

    @Override
    public void write(ExportSchema schema, ExportRequest request, RowSource rows, Download download) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        try {
            Sheet sheet = workbook.createSheet(schema.name());
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            List<String> header = ExportCells.header(schema);
            Row first = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                Cell cell = first.createCell(i);
                cell.setCellValue(header.get(i));
                cell.setCellStyle(bold);
            }
            sheet.createFreezePane(0, 1);
            ExportCells cells = new ExportCells();
            int[] next = {1};
            rows.stream(row -> {
                if (next[0] >= MAX_ROWS) {
                    throw new IllegalArgumentException("more than " + (MAX_ROWS - 1) + " rows do not fit one XLSX sheet: export csv or gpkg");
                }
                Row r = sheet.createRow(next[0]++);
                int c = 0;
                for (Object value : row.values()) {
                    set(r.createCell(c++), value);
                }
                double[] position = ExportCells.position(row.geometry());
                r.createCell(c++).setCellValue(position[0]);
                r.createCell(c++).setCellValue(position[1]);
                String wkt = cells.wkt(row.geometry());
                if (wkt.length() <= CELL_LIMIT) {
                    r.createCell(c).setCellValue(wkt);
                }
            });
            try (OutputStream out = download.open()) {
                workbook.write(out);
            }
        } finally {
            workbook.close(); // also deletes SXSSF's temporary files
        }
    }

    private static void set(Cell cell, Object value) {
        if (value instanceof Long n) {
            cell.setCellValue(n);
        } else if (value instanceof Boolean b) {
            cell.setCellValue(b);
        } else if (value instanceof LocalDate d) {
            cell.setCellValue(d.toString());
        } else if (value != null) {
            cell.setCellValue(value.toString());
        }
    }
}
