package org.gridpatrol.web;

import org.gridpatrol.web.config.GridpatrolProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Entry point behind {@code ./gridpatrol}: {@code demo}, {@code serve}, {@code import-osm}, {@code import},
 * {@code backup}, {@code restore} and
 * {@code help} (see {@link LauncherCommand}). Only wiring lives in this module.
 */
@SpringBootApplication
@EnableConfigurationProperties(GridpatrolProperties.class)
public class GridpatrolApplication {

    public static void main(String[] args) {
        LauncherCommand command;
        try {
            command = LauncherCommand.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("gridpatrol: " + e.getMessage());
            if (!(e instanceof UnusableFileException)) {
                System.err.println(LauncherCommand.USAGE);
            }
            System.exit(2);
            return;
        }
        switch (command.name()) {
            case "help" -> System.out.println(LauncherCommand.USAGE);
            case "import-osm" -> System.exit(OsmImportCommand.run(command));
            case "import" -> System.exit(ImportCommand.run(command));
            case "backup", "restore" -> System.exit(BackupCommand.run(command));
            default -> SpringApplication.run(GridpatrolApplication.class, command.springArguments());
        }
    }
}
