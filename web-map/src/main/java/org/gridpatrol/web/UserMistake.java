package org.gridpatrol.web;

import org.gridpatrol.data.imports.ImportFileException;
import org.gridpatrol.data.osm.OsmImportException;
import org.gridpatrol.data.postgis.LocalPostgisException;
import org.gridpatrol.data.sample.AreaSetupException;
import org.springframework.boot.web.server.PortInUseException;

import java.net.BindException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A start-up failure caused by the user's input or machine rather than by a bug: what is wrong and
 * what to do, one sentence each, for the launcher to print instead of a stack trace. Recognised
 * (anywhere in the cause chain): a missing or broken OSM extract or boundaries file, the data folder
 * not writable, the folder in use by another running gridpatrol, a foreign PostgreSQL lock in it,
 * PostgreSQL/PostGIS not installed, an unreachable database or wrong credentials, a port in use.
 * Anything else is not a user mistake and keeps its stack trace.
 *
 * @param problem what is wrong
 * @param action  what to do about it
 */
record UserMistake(String problem, String action) {

    private static final Pattern LOCK_PID = Pattern.compile("PID (\\d+)");
    private static final int LONGEST = 400;

    /** The user mistake behind {@code failure}, if it is one. */
    static Optional<UserMistake> of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Optional<UserMistake> mistake = explain(t);
            if (mistake.isPresent()) {
                return mistake;
            }
        }
        return Optional.empty();
    }

    /** The text the launcher prints: "gridpatrol: PROBLEM. ACTION." */
    String sentence() {
        return "gridpatrol: " + problem + ". " + action + ".";
    }

    private static Optional<UserMistake> explain(Throwable t) {
        if (t instanceof LocalPostgisException e) {
            return Optional.of(localPostgis(firstLine(e.getMessage()), e.getMessage()));
        }
        if (t instanceof OsmImportException e) {
            return Optional.of(new UserMistake(osmFailure(e.getMessage()),
                    "Check that --osm names a complete OSM extract (.osm.pbf, .osm, .osm.gz) and that osm2pgsql is installed"));
        }
        if (t instanceof AreaSetupException e) {
            return Optional.of(new UserMistake(e.getMessage(), "Nothing was started; correct the file and start again"));
        }
        if (t instanceof ImportFileException e) {
            return Optional.of(new UserMistake("the boundaries file cannot be imported: " + firstLine(e.getMessage()),
                    "Correct the file (or its columns with --map FIELD=COLUMN) and start again"));
        }
        if (t instanceof PortInUseException e) {
            return Optional.of(new UserMistake("port " + e.getPort() + " is already in use",
                    "Stop the program using it or start with another --port"));
        }
        if (t instanceof BindException e) {
            return Optional.of(new UserMistake("the port is already in use (" + firstLine(e.getMessage()) + ")",
                    "Stop the program using it or start with another --port"));
        }
        if (t instanceof SQLException e && e.getSQLState() != null) {
            if (e.getSQLState().startsWith("08")) {
                return Optional.of(new UserMistake("cannot reach the database: " + firstLine(e.getMessage()),
                        "Check that PostgreSQL runs and that --db jdbc:postgresql://HOST:PORT/DATABASE points at it"));
            }
            if (e.getSQLState().startsWith("28")) {
                return Optional.of(new UserMistake("the database refused the login: " + firstLine(e.getMessage()),
                        "Set GRIDPATROL_DB_USER and GRIDPATROL_DB_PASSWORD to an account of that database"));
            }
            if (e.getSQLState().equals("3D000")) {
                return Optional.of(new UserMistake("the database does not exist: " + firstLine(e.getMessage()),
                        "Create it (CREATE DATABASE …; CREATE EXTENSION postgis) or correct the name in --db"));
            }
        }
        return Optional.empty();
    }

    private static UserMistake localPostgis(String first, String whole) {
        if (first.contains("in use by another running gridpatrol")) {
            // a live application holds the folder (a crashed one's server is recovered, ADR 0033)
            return new UserMistake(first, "Stop that gridpatrol first, or give this one another --data-dir");
        }
        if (whole.contains("postmaster.pid") || whole.contains("lock file")) {
            Matcher pid = LOCK_PID.matcher(whole);
            return new UserMistake("the data folder's PostgreSQL is locked"
                    + (pid.find() ? " by process " + pid.group(1) : "") + " (postgres/pgdata/postmaster.pid)",
                    "Stop the other gridpatrol that uses this --data-dir; if none runs, delete that postmaster.pid and start again");
        }
        if (first.startsWith("cannot prepare the local PostGIS folder") || whole.contains("Permission denied")
                || whole.contains("Read-only file system")) {
            return new UserMistake("the data folder cannot be written (" + first + ")",
                    "Give --data-dir a folder this user may write to");
        }
        if (first.contains("apt-get install")) {
            return new UserMistake(first, "Install it and start again (./gridpatrol demo installs it when it may use sudo)");
        }
        return new UserMistake("the local PostGIS did not start: " + first,
                "See postgres/postgres.log in the data folder");
    }

    /** osm2pgsql's output starts with its version: its ERROR line says what is wrong with the file. */
    private static String osmFailure(String message) {
        String first = firstLine(message);
        String error = message == null ? null : message.lines().filter(l -> l.contains("ERROR:")).findFirst().orElse(null);
        if (error == null || first.contains("ERROR:")) {
            return first;
        }
        int colon = first.indexOf(": ");
        return (colon > 0 ? first.substring(0, colon) : first) + ": " + firstLine(error.substring(error.indexOf("ERROR:") + 6));
    }

    private static String firstLine(String message) {
        String line = message == null ? "" : message.strip().lines().findFirst().orElse("");
        return line.length() > LONGEST ? line.substring(0, LONGEST) + "…" : line;
    }
}
