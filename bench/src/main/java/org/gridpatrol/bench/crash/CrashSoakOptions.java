package org.gridpatrol.bench.crash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The options of {@code bench crash}: {@code --kills N} (50), {@code --seed S} (1), {@code --data-dir DIR}
 * (a new temporary folder; the soak writes into it, so never a folder whose data matter),
 * {@code --jar FILE} (web-map/target/gridpatrol.jar), {@code --import-rows N} (3000 households per
 * import), and the area options of {@code demo} passed on as they are ({@code --osm FILE},
 * {@code --boundaries FILE}, {@code --synthetic-households N}); without them the bundled sample.
 * {@code home} is the folder the application runs in, where its relative paths resolve (the bundled
 * sample {@code data/sample/andorra.osm.pbf}): the repository root, where the launcher runs it.
 */
record CrashSoakOptions(int kills, long seed, Path dataDir, Path jar, int importRows, List<String> areaArguments, Path home) {

    CrashSoakOptions {
        if (kills < 1 || importRows < 1) {
            throw new IllegalArgumentException("--kills and --import-rows must be positive");
        }
        areaArguments = List.copyOf(areaArguments);
        home = home.toAbsolutePath();
    }

    static CrashSoakOptions parse(List<String> arguments) throws IOException {
        int kills = 50;
        long seed = 1;
        Path dataDir = null;
        Path jar = Path.of("web-map", "target", "gridpatrol.jar");
        int importRows = 3_000;
        List<String> area = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            String option = arguments.get(i);
            if (i + 1 >= arguments.size()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = arguments.get(++i);
            switch (option) {
                case "--kills" -> kills = Integer.parseInt(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--data-dir" -> dataDir = Path.of(value);
                case "--jar" -> jar = Path.of(value);
                case "--import-rows" -> importRows = Integer.parseInt(value);
                case "--osm", "--boundaries", "--synthetic-households" -> area.addAll(List.of(option, value));
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("no application jar at " + jar.toAbsolutePath() + ": build it (./mvnw -B -pl web-map -am package -DskipTests) or name it with --jar");
        }
        return new CrashSoakOptions(kills, seed, dataDir != null ? dataDir : Files.createTempDirectory("gridpatrol-crash-soak"),
                jar, importRows, area, Path.of("").toAbsolutePath());
    }
}
