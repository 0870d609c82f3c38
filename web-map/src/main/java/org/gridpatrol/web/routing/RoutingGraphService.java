package org.gridpatrol.web.routing;

import org.gridpatrol.routing.graph.RoutingGraph;
import org.gridpatrol.web.config.GridpatrolProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Holds the routing graph. It is loaded from {@code dataDir/graph} or built there from the OSM
 * extract on a background thread, so the page is served while a large graph is still building;
 * health reports DOWN until it is ready. The extract is the one last imported with
 * {@code import-osm} (recorded in {@code dataDir/osm-source}), else {@code gridpatrol.osm-file}.
 */
@Component
public class RoutingGraphService implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(RoutingGraphService.class);
    private static final String SOURCE_FILE = "osm-source";

    private final CompletableFuture<RoutingGraph> graph;
    private final Path source;

    public RoutingGraphService(GridpatrolProperties properties) {
        this.source = recordedSource(properties.dataDirPath()).orElse(properties.osmFilePath().toAbsolutePath());
        Path folder = properties.dataDirPath().resolve("graph").toAbsolutePath();
        this.graph = CompletableFuture.supplyAsync(() -> {
            long start = System.nanoTime();
            RoutingGraph built = RoutingGraph.loadOrBuild(source, folder);
            LOG.info("Routing graph ready from {} in {} ms ({} edges)", source.getFileName(),
                    (System.nanoTime() - start) / 1_000_000, built.edgeCount());
            return built;
        });
        graph.exceptionally(e -> {
            LOG.error("Building the routing graph from {} failed", source, e);
            return null;
        });
    }

    /** Remembers {@code osmFile} as the routing source of the data folder. */
    public static void recordSource(Path dataDir, Path osmFile) {
        try {
            Files.createDirectories(dataDir);
            Files.writeString(dataDir.resolve(SOURCE_FILE), osmFile.toAbsolutePath().toString(), StandardCharsets.UTF_8);
            deleteRecursively(dataDir.resolve("graph"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Path> recordedSource(Path dataDir) {
        Path file = dataDir.resolve(SOURCE_FILE);
        try {
            return Files.exists(file) ? Optional.of(Path.of(Files.readString(file, StandardCharsets.UTF_8).trim()))
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (var paths = Files.walk(folder)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** The graph when it is ready. */
    public Optional<RoutingGraph> graph() {
        return graph.isDone() && !graph.isCompletedExceptionally() ? Optional.ofNullable(graph.join()) : Optional.empty();
    }

    /** Why the graph is not ready: still building, or the build's error. */
    public String state() {
        if (!graph.isDone()) {
            return "building from " + source.getFileName();
        }
        return graph.isCompletedExceptionally() ? "failed: " + graph.handle((g, e) -> e.getMessage()).join() : "ready";
    }

    @Override
    public void destroy() {
        graph().ifPresent(RoutingGraph::close);
    }
}
