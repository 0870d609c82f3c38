package org.gridpatrol.web.imports;

import org.gridpatrol.web.config.GridpatrolProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Uploaded files on their way to the importer: each is moved into a new temporary file in
 * {@code <data-dir>/imports/} (keeping its extension, which tells the format) and deleted by whoever
 * took it once the preview or import ends. The folder is emptied at start-up: a file left there
 * belongs to a request of an earlier run, which can never finish.
 */
@Component
public class UploadedFiles {

    private final Path folder;

    @Autowired
    public UploadedFiles(GridpatrolProperties properties) {
        this(properties.dataDirPath().resolve("imports"));
    }

    UploadedFiles(Path folder) {
        this.folder = folder;
        try {
            Files.createDirectories(folder);
            try (var old = Files.list(folder)) {
                old.filter(path -> path.getFileName().toString().startsWith("upload-")).forEach(UploadedFiles::delete);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use " + folder + " for uploads", e);
        }
    }

    /** The upload in a new temporary file of its own. */
    public Path store(MultipartFile file) {
        String name = originalName(file);
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot).replaceAll("[^A-Za-z0-9.]", "");
        try {
            Path target = Files.createTempFile(folder, "upload-", extension);
            file.transferTo(target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("the upload could not be stored under " + folder, e);
        }
    }

    /** The client's name of the file, without any folder it sent along. */
    public static String originalName(MultipartFile file) {
        String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
        return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    }

    /** Where uploads are stored. */
    Path folder() {
        return folder;
    }

    /** Deletes a stored upload; a file already gone is fine. */
    public static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            path.toFile().deleteOnExit();
        }
    }
}
