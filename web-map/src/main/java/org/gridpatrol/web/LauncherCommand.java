package org.gridpatrol.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The launcher's command line, turned into Spring Boot properties. Anything starting with
 * {@code --} that is not one of our options passes through to Spring unchanged (for example
 * {@code --logging.level.root=debug}).
 */
public record LauncherCommand(String name, Map<String, String> options, List<String> arguments,
                              List<String> passThrough) {

    public static final String USAGE = """
            Usage: ./gridpatrol COMMAND [OPTIONS]

            Commands:
              demo [--port 8080] [--data-dir DIR]   set up everything and serve the web map on the bundled
                                                    sample (local PostGIS in DIR, default ./.gridpatrol)
              serve --db JDBC_URL [--port 8080] [--data-dir DIR]
                                                    serve against an existing PostGIS (user and password from
                                                    GRIDPATROL_DB_USER / GRIDPATROL_DB_PASSWORD)
              demo|serve --osm FILE [--boundaries FILE] [--map FIELD=COLUMN ...] [--synthetic-households N]
                                                    start on an area of your own: roads, buildings, key places
                                                    from the OSM extract; jurisdictions from the boundaries file
                                                    (fields level, code, name, parentCode; --map renames them),
                                                    else the extract's own; synthetic registers only when asked
              import-osm FILE [--db JDBC_URL] [--data-dir DIR]
                                                    load another OSM extract (.osm.pbf, .osm, .osm.gz); the next
                                                    start builds the routing graph from it
              import FILE --kind KIND [--map field=COLUMN ...] [--crs NAME] [--encoding NAME]
                     [--jurisdiction CODE] [--dry-run] [--db JDBC_URL] [--data-dir DIR]
                                                    import a county's file (CSV, XLSX, GeoJSON, GeoPackage, zipped
                                                    Shapefile, KML); KIND: jurisdictions, grids, households,
                                                    rentals, keyplaces, addresses; CRS: WGS84, CGCS2000, GCJ-02,
                                                    BD-09, EPSG:n; prints the report (exit 0: all rows fine)
              backup FILE [--force] [--db JDBC_URL] [--data-dir DIR]
                                                    write the whole database to FILE (pg_dump custom format);
                                                    --force overwrites an existing FILE
              restore FILE [--force] [--db JDBC_URL] [--data-dir DIR]
                                                    replace the database with a backup (then migrated to this
                                                    version); --force when the database holds data
              test                                  install what the tests need, then run ./mvnw -B verify
              bench NAME [ARGS]                     build and run a benchmark (bench/target/gridpatrol-bench.jar)
              help                                  this text

            Environment:
              GRIDPATROL_DEMO_PASSWORD   password of the demo users (admin, planner, leader); generated when unset
              JAVA_OPTS                  JVM options (default -Xmx1g)
            """;

    private static final Set<String> COMMANDS = Set.of("demo", "serve", "import-osm", "import", "backup", "restore", "help");
    private static final Set<String> OPTIONS = Set.of("--port", "--data-dir", "--db", "--osm", "--boundaries",
            "--synthetic-households", "--kind", "--crs", "--encoding", "--jurisdiction");
    /** Column mapping: import's own option, or demo/serve's for the boundaries file (passed to Spring). */
    private static final String MAP = "--map";
    /** Options that may be given more than once; their values are kept in order ({@link #values}). */
    private static final Set<String> REPEATED = Set.of(MAP);
    /** Options without a value. */
    private static final Set<String> FLAGS = Set.of("--dry-run", "--force");
    /** Joins a repeated option's values: no command-line argument can hold it. */
    private static final String SEPARATOR = "\u0000";

    public static LauncherCommand parse(String[] args) {
        if (args.length == 0 || Set.of("-h", "--help").contains(args[0])) {
            return new LauncherCommand("help", Map.of(), List.of(), List.of());
        }
        String name = args[0];
        if (!COMMANDS.contains(name)) {
            throw new IllegalArgumentException("unknown command '" + name + "'");
        }
        Map<String, String> options = new LinkedHashMap<>();
        List<String> arguments = new ArrayList<>();
        List<String> passThrough = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            String key = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (key.equals(MAP) && !name.equals("import")) {
                String value = arg.contains("=") && arg.indexOf('=') == MAP.length() ? arg.substring(MAP.length() + 1)
                        : (i + 1 < args.length ? args[++i] : null);
                if (value == null || !value.matches("[A-Za-z]+=.+")) {
                    throw new IllegalArgumentException("--map needs FIELD=COLUMN, e.g. --map name=NAME_COLUMN");
                }
                passThrough.add("--gridpatrol.area.columns[" + countMaps(passThrough) + "]=" + value);
            } else if (OPTIONS.contains(key) || key.equals(MAP)) {
                String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1)
                        : (i + 1 < args.length ? args[++i] : null);
                if (value == null || value.isBlank()) {
                    throw new IllegalArgumentException(key + " needs a value");
                }
                options.merge(key, value, (old, added) -> REPEATED.contains(key) ? old + SEPARATOR + added : added);
            } else if (FLAGS.contains(arg)) {
                options.put(arg, "true");
            } else if (arg.startsWith("--") && arg.contains("=")) {
                passThrough.add(arg);
            } else if (arg.startsWith("-")) {
                throw new IllegalArgumentException("unknown option '" + arg + "' for " + name);
            } else {
                arguments.add(arg);
            }
        }
        LauncherCommand command = new LauncherCommand(name, options, arguments, passThrough);
        command.validate();
        return command;
    }

    private void validate() {
        if (options.containsKey("--port")) {
            try {
                int port = Integer.parseInt(options.get("--port"));
                if (port < 1 || port > 65535) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--port must be a number from 1 to 65535, got " + options.get("--port"));
            }
        }
        if (name.equals("serve") && !options.containsKey("--db")) {
            throw new IllegalArgumentException("serve needs --db jdbc:postgresql://HOST:PORT/DATABASE");
        }
        if (name.equals("demo") && options.containsKey("--db")) {
            throw new IllegalArgumentException("demo runs its own PostGIS; use serve --db for an existing one");
        }
        new AreaOptions(name, options).validate();
        if (countMaps(passThrough) > 0 && !options.containsKey("--osm")) {
            throw new IllegalArgumentException("--map names the columns of --boundaries FILE; give --osm and --boundaries too");
        }
        if (name.equals("import-osm") && arguments.size() != 1) {
            throw new IllegalArgumentException("import-osm needs exactly one FILE");
        }
        if (name.equals("import") && (arguments.size() != 1 || !options.containsKey("--kind"))) {
            throw new IllegalArgumentException("import needs one FILE and --kind KIND, e.g. ./gridpatrol import households.csv --kind households");
        }
        boolean backupOrRestore = name.equals("backup") || name.equals("restore");
        if (backupOrRestore && arguments.size() != 1) {
            throw new IllegalArgumentException(name + " needs exactly one FILE, e.g. ./gridpatrol " + name + " gridpatrol.dump");
        }
        if (!backupOrRestore && options.containsKey("--force")) {
            throw new IllegalArgumentException("--force is an option of backup and restore, not of " + name);
        }
        if (!name.equals("import")) {
            // --map is not in this list: demo --boundaries maps columns with it too
            for (String option : List.of("--kind", "--crs", "--encoding", "--jurisdiction", "--dry-run")) {
                if (options.containsKey(option)) {
                    throw new IllegalArgumentException(option + " is an option of import, not of " + name);
                }
            }
        }
        if (!name.equals("import-osm") && !name.equals("import") && !backupOrRestore && !arguments.isEmpty()) {
            throw new IllegalArgumentException("unexpected argument '" + arguments.get(0) + "' for " + name);
        }
    }

    /** Every value of an option given (possibly) more than once, in order; empty when not given. */
    public List<String> values(String option) {
        String joined = options.get(option);
        return joined == null ? List.of() : List.of(joined.split(SEPARATOR, -1));
    }

    /** The Spring Boot properties for {@code demo} and {@code serve}. */
    public String[] springArguments() {
        List<String> result = new ArrayList<>();
        result.add("--gridpatrol.demo.enabled=" + name.equals("demo"));
        if (options.containsKey("--port")) {
            result.add("--server.port=" + options.get("--port"));
        }
        if (options.containsKey("--data-dir")) {
            result.add("--gridpatrol.data-dir=" + options.get("--data-dir"));
        }
        if (options.containsKey("--db")) {
            result.add("--spring.datasource.url=" + options.get("--db"));
        }
        result.addAll(new AreaOptions(name, options).springArguments());
        result.addAll(passThrough);
        return result.toArray(String[]::new);
    }

    private static int countMaps(List<String> passThrough) {
        return (int) passThrough.stream().filter(p -> p.startsWith("--gridpatrol.area.columns[")).count();
    }
}
