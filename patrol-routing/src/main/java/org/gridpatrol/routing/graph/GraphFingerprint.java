package org.gridpatrol.routing.graph;

import com.graphhopper.config.Profile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The configuration a stored graph was built with (encoded values and every profile's custom model),
 * as a SHA-256 kept in the graph folder. GraphHopper refuses to load a folder built with other
 * profiles ("profiles do not match"); {@link #prepare} deletes such a folder instead, so a changed
 * profile (e.g. the foot model) rebuilds the graph on the next start. A folder without the file but
 * with graph files (built before the fingerprint existed) counts as changed.
 */
final class GraphFingerprint {

    static final String FILE = "gridpatrol-profiles.sha256";

    private GraphFingerprint() {
    }

    static String of(String encodedValues, List<Profile> profiles) {
        StringBuilder text = new StringBuilder(encodedValues);
        for (Profile profile : profiles) {
            text.append('\n').append(profile.getName()).append(':').append(profile.getCustomModel());
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Empties {@code folder} when it holds a graph of another fingerprint; returns whether it did. */
    static boolean prepare(Path folder, String fingerprint) {
        try {
            if (!Files.isDirectory(folder)) {
                return false;
            }
            Path file = folder.resolve(FILE);
            boolean same = Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).trim().equals(fingerprint);
            boolean empty;
            try (Stream<Path> entries = Files.list(folder)) {
                empty = entries.findAny().isEmpty();
            }
            if (same || empty) {
                return false;
            }
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    if (!path.equals(folder)) {
                        Files.delete(path);
                    }
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check the graph folder " + folder, e);
        }
    }

    /** Records {@code fingerprint} after a successful build or load. */
    static void record(Path folder, String fingerprint) {
        try {
            Files.writeString(folder.resolve(FILE), fingerprint, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the graph fingerprint in " + folder, e);
        }
    }
}
