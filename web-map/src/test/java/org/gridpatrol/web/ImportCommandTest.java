package org.gridpatrol.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import command's answers to a user's mistakes, found before any database is opened (the
 * data folder given does not exist and must stay so): exit code 2 and one sentence naming the
 * problem and what to do, never a stack trace. Imports themselves are in ImportApiIT.
 */
class ImportCommandTest {

    @TempDir
    Path folder;

    record Outcome(int code, String out, String err) {
    }

    Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] withDataDir = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--data-dir", folder.resolve("never-created").toString())).toArray(String[]::new);
        int code = ImportCommand.run(LauncherCommand.parse(withDataDir), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), name -> null);
        assertThat(folder.resolve("never-created")).as("no database was opened").doesNotExist();
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static void isOneSentence(Outcome outcome, String... naming) {
        assertThat(outcome.code()).isEqualTo(ImportCommand.USER_MISTAKE);
        assertThat(outcome.out()).isEmpty();
        assertThat(outcome.err().lines().toList()).hasSize(1);
        assertThat(outcome.err()).startsWith("gridpatrol: ").doesNotContain("Exception").doesNotContain("\tat ").contains(naming);
    }

    @Test
    void aMissingFileIsNamed() {
        isOneSentence(run("import", folder.resolve("户籍.csv").toString(), "--kind", "households"), "户籍.csv", "does not exist");
        isOneSentence(run("import", folder.toString(), "--kind", "households"), "is a folder");
    }

    @Test
    void anUnknownKindListsTheKinds() throws Exception {
        Path csv = Files.writeString(folder.resolve("a.csv"), "name\nx\n");
        isOneSentence(run("import", csv.toString(), "--kind", "people"), "people", "households", "keyplaces");
    }

    @Test
    void aBadMappingShowsTheForm() throws Exception {
        Path csv = Files.writeString(folder.resolve("a.csv"), "name\nx\n");
        isOneSentence(run("import", csv.toString(), "--kind", "households", "--map", "name"), "field=COLUMN", "'name'");
        isOneSentence(run("import", csv.toString(), "--kind", "households", "--map", "name="), "field=COLUMN");
    }

    @Test
    void anUnknownEncodingIsNamed() throws Exception {
        Path csv = Files.writeString(folder.resolve("a.csv"), "name\nx\n");
        isOneSentence(run("import", csv.toString(), "--kind", "households", "--encoding", "klingon-8"), "klingon-8", "GBK");
    }
}
