package org.gridpatrol.data.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Refuses files that must not be read at all, before any reader touches them: over the size limit,
 * and archives whose entries would unpack to more than the limit or at a suspicious ratio (a zip
 * bomb). The uncompressed sizes come from the central directory; the readers that unpack (POI,
 * GDAL) are then bounded by the same numbers because a lying directory makes the entry unreadable.
 */
final class FileGuard {

    private final ImportLimits limits;

    FileGuard(ImportLimits limits) {
        this.limits = limits;
    }

    void check(Path file, String fileName, FileFormat format) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new ImportFileException(ImportFileException.Reason.UNREADABLE, "cannot read " + fileName + ": " + e.getMessage(), e);
        }
        if (size > limits.maxBytes()) {
            throw new ImportFileException(ImportFileException.Reason.TOO_LARGE, String.format(java.util.Locale.ROOT,
                    "%s is %,d MB; the import takes files up to %,d MB: split it into several files",
                    fileName, size >> 20, limits.maxBytes() >> 20));
        }
        if (size == 0) {
            throw new ImportFileException(ImportFileException.Reason.UNREADABLE, fileName + " is empty");
        }
        if (format == FileFormat.XLSX || format == FileFormat.SHP) {
            checkArchive(file, fileName, size);
        }
    }

    private void checkArchive(Path file, String fileName, long compressed) {
        long total = 0;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                long unpacked = entry.getSize();
                if (unpacked < 0) {
                    throw new ImportFileException(ImportFileException.Reason.UNREADABLE,
                            fileName + ": entry " + entry.getName() + " does not declare its size; re-create the archive with a common zip tool");
                }
                total += unpacked;
                long packed = Math.max(1, entry.getCompressedSize());
                if (unpacked > 1 << 20 && (double) unpacked / packed > limits.maxCompressionRatio()) {
                    throw new ImportFileException(ImportFileException.Reason.TOO_LARGE, fileName + ": entry " + entry.getName()
                            + " unpacks " + (unpacked / packed) + " times its packed size: refused as a possible zip bomb");
                }
                if (total > limits.maxUncompressedBytes()) {
                    throw new ImportFileException(ImportFileException.Reason.TOO_LARGE, String.format(java.util.Locale.ROOT,
                            "%s unpacks to more than %,d MB: refused as too large (or a zip bomb)", fileName,
                            limits.maxUncompressedBytes() >> 20));
                }
            }
        } catch (IOException e) {
            throw new ImportFileException(ImportFileException.Reason.UNREADABLE, fileName + " is not a readable ZIP archive: " + e.getMessage(), e);
        }
        if (total > 1 << 20 && total / (double) compressed > limits.maxCompressionRatio()) {
            throw new ImportFileException(ImportFileException.Reason.TOO_LARGE, fileName + " unpacks "
                    + (long) (total / (double) compressed) + " times its size: refused as a possible zip bomb");
        }
    }
}
