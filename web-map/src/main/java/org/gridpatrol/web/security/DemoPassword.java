package org.gridpatrol.web.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The password of the generated logins: {@code GRIDPATROL_DEMO_PASSWORD} when set, else the one kept in
 * the data folder ({@value #FILE_NAME}), else a new random one written there, readable and writable
 * by the owner only (0600). So the demo's password stays the same from one start to the next, until
 * the file (or the whole data folder) is deleted. On a file system without POSIX permissions the file
 * is written with the folder's defaults.
 *
 * @param value     the password
 * @param generated whether it came from this server (new or kept), not from the configuration
 * @param file      where it is kept, or null when configured
 */
public record DemoPassword(String value, boolean generated, Path file) {

    /** The file in the data folder holding the generated password. */
    public static final String FILE_NAME = "demo-password";

    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int LENGTH = 14;

    public DemoPassword {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the demo password is empty");
        }
    }

    @Override
    public String toString() {
        return "DemoPassword[generated=" + generated + ", file=" + file + "]"; // never the password
    }

    /** The configured password, or the kept one in {@code dataDir}, or a new one kept there from now on. */
    public static DemoPassword decide(String configured, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            return new DemoPassword(configured, false, null);
        }
        Path file = dataDir.resolve(FILE_NAME);
        try {
            String kept = read(file);
            if (kept != null) {
                return new DemoPassword(kept, true, file);
            }
            Files.createDirectories(dataDir);
            String fresh = generate();
            write(file, fresh);
            return new DemoPassword(fresh, true, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the demo password in " + file, e);
        }
    }

    private static String read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
        return kept.isEmpty() ? null : kept;
    }

    /** Created with 0600 from the start, never readable by others even for a moment; replaced when empty. */
    private static void write(Path file, String password) throws IOException {
        Files.deleteIfExists(file); // an empty leftover file
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("another start is writing " + file + " at the same moment", e);
        }
        Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
