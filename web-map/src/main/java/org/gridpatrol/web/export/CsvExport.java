package org.gridpatrol.web.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.gridpatrol.data.export.ExportSchema;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV by commons-csv, written to the download as the rows arrive. UTF-8 files start with a
 * byte order mark: Excel on a Chinese Windows reads a CSV without one as GBK and garbles it, and GDAL
 * and commons-csv skip it. GBK and GB18030 files have none. A character GBK cannot encode (rare in
 * names, e.g. some characters of minority names) becomes {@code ?}, the encoder's replacement; GB18030
 * encodes every character.
 */
final class CsvExport implements FeatureFileWriter {

    @Override
    public void write(ExportSchema schema, ExportRequest request, RowSource rows, Download download) throws IOException {
        OutputStream out = download.open();
        boolean utf8 = request.encoding().equals(StandardCharsets.UTF_8);
        if (utf8) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        ExportCells cells = new ExportCells();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(ExportCells.header(schema).toArray(String[]::new)).get();
        try (CSVPrinter printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(out, request.encoding()), 1 << 16), format)) {
            rows.stream(row -> {
                List<Object> record = new ArrayList<>(row.values());
                double[] position = ExportCells.position(row.geometry());
                record.add(BigDecimal.valueOf(position[0]).toPlainString()); // never 1.0E-4
                record.add(BigDecimal.valueOf(position[1]).toPlainString());
                record.add(cells.wkt(row.geometry()));
                printer.printRecord(record);
            });
        }
    }
}
