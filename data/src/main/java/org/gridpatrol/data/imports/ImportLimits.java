package org.gridpatrol.data.imports;

/**
 * What a file may be: its size on disk, for zipped formats (XLSX, zipped Shapefile) the total
 * uncompressed size and the ratio of uncompressed to compressed bytes (a zip bomb has ratios in
 * the thousands; real spreadsheets stay under ~100), and its number of columns.
 */
record ImportLimits(long maxBytes, long maxUncompressedBytes, double maxCompressionRatio, int maxColumns) {

    /** 1 GB, 2 GB unpacked, ratio 200, 1,000 columns; overridable with system properties {@code gridpatrol.import.*}. */
    static ImportLimits defaults() {
        return new ImportLimits(Long.getLong("gridpatrol.import.max-bytes", 1L << 30),
                Long.getLong("gridpatrol.import.max-uncompressed-bytes", 2L << 30),
                Double.parseDouble(System.getProperty("gridpatrol.import.max-compression-ratio", "200")),
                Integer.getInteger("gridpatrol.import.max-columns", 1_000));
    }

    ImportLimits {
        if (maxBytes <= 0 || maxUncompressedBytes <= 0 || maxCompressionRatio <= 1 || maxColumns <= 0) {
            throw new IllegalArgumentException("import limits must be positive");
        }
    }
}
