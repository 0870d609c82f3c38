package org.gridpatrol.web.imports;

import org.gridpatrol.data.user.ApiTokens;
import org.gridpatrol.web.security.AccountUserDetailsService;
import org.gridpatrol.data.imports.ImportFileException;
import org.gridpatrol.data.imports.ImportKind;
import org.gridpatrol.data.imports.ImportPreview;
import org.gridpatrol.data.imports.ImportProgress;
import org.gridpatrol.data.imports.ImportReport;
import org.gridpatrol.data.imports.ImportRequest;
import org.gridpatrol.data.imports.Imports;
import org.gridpatrol.data.imports.RowProblem;
import org.gridpatrol.data.jurisdiction.Jurisdictions;
import org.gridpatrol.web.security.AccessPolicy;
import org.gridpatrol.web.security.GridpatrolUser;
import org.gridpatrol.web.security.SecurityConfiguration;
import org.gridpatrol.web.security.TestPrincipals;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * The import API's HTTP mapping without a database: the controller, the real {@link ImportJobs},
 * {@link AccessPolicy} and security chain over a mocked {@link Imports} and {@link Jurisdictions}
 * (township 42 inside county 1; township 43 beside it). What the importer answers is stubbed, so this
 * checks form checks, rights, status codes and the job's life, not the import (ImportApiIT does).
 */
@WebMvcTest(ImportController.class)
@Import({SecurityConfiguration.class, AccessPolicy.class, ImportJobs.class, ImportProblems.class,
        ImportControllerSliceTest.Uploads.class})
class ImportControllerSliceTest {

    static final long TOWNSHIP = 42;
    static final long OTHER_TOWNSHIP = 43;
    @TestConfiguration
    static class Uploads {
        @Bean
        UploadedFiles uploadedFiles() throws java.io.IOException {
            Path folder = Files.createTempDirectory("import-slice-");
            folder.toFile().deleteOnExit();
            return new UploadedFiles(folder);
        }
    }

    @Autowired
    UploadedFiles uploadedFiles;
    Path uploads;

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    /** The security chain's Bearer filter needs these; requests here carry no token. */
    @MockitoBean
    ApiTokens apiTokens;
    @MockitoBean
    AccountUserDetailsService accountUserDetailsService;

    @MockitoBean
    Imports imports;
    @MockitoBean
    Jurisdictions jurisdictions;

    static final MockMultipartFile CSV = new MockMultipartFile("file", "households.csv", "text/csv",
            "户主姓名,经度,纬度\n张三,1.52,42.51\n".getBytes(Charset.forName("GBK")));

    @BeforeEach
    void townships() {
        uploads = uploadedFiles.folder();
        when(jurisdictions.levelOf(TOWNSHIP)).thenReturn(java.util.Optional.of("township"));
        when(jurisdictions.levelOf(OTHER_TOWNSHIP)).thenReturn(java.util.Optional.of("township"));
        when(jurisdictions.isWithin(TOWNSHIP, TOWNSHIP)).thenReturn(true);
        when(jurisdictions.isWithin(OTHER_TOWNSHIP, TOWNSHIP)).thenReturn(false);
    }

    MvcResult send(org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> request, GridpatrolUser who) throws Exception {
        return mvc.perform(request.with(user(who)).with(csrf())).andReturn();
    }

    MockMultipartHttpServletRequestBuilder upload(String path, String... fields) {
        MockMultipartHttpServletRequestBuilder request = multipart(path).file(CSV);
        for (int i = 0; i < fields.length; i += 2) {
            request.param(fields[i], fields[i + 1]);
        }
        return request;
    }

    JsonNode body(MvcResult result, int status) throws Exception {
        String body = result.getResponse().getContentAsString();
        assertThat(result.getResponse().getStatus()).as(body).isEqualTo(status);
        return body.isEmpty() ? null : json.readTree(body);
    }

    JsonNode problem(MvcResult result, int status) throws Exception {
        JsonNode problem = body(result, status);
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        return problem;
    }

    static ImportReport report(boolean dryRun) {
        return new ImportReport(ImportKind.HOUSEHOLDS, dryRun, !dryRun, 1, 1, 0, 0, 0, 0,
                List.of(new RowProblem(3, "lon", "not a number")), List.of());
    }

    @Test
    void previewAnswersWhatTheImporterReadAndDeletesTheUpload() throws Exception {
        ArgumentCaptor<Path> file = ArgumentCaptor.forClass(Path.class);
        when(imports.preview(eq(ImportKind.HOUSEHOLDS), file.capture(), eq("households.csv"), eq("GBK")))
                .thenAnswer(call -> {
                    assertThat(Files.readString(call.getArgument(1), Charset.forName("GBK"))).startsWith("户主姓名");
                    return new ImportPreview("csv", "GBK", List.of("户主姓名", "经度", "纬度"), List.of(List.of("张三", "1.52", "42.51")),
                            List.of("name", "lon", "lat"), List.of("name"), Map.of("name", "户主姓名"), "EPSG:4326");
                });
        JsonNode preview = body(send(upload("/api/imports/preview", "kind", "households", "encoding", "gbk"),
                TestPrincipals.planner(TOWNSHIP)), 200);
        assertThat(preview.get("columns").get(0).asString()).isEqualTo("户主姓名");
        assertThat(preview.get("mapping").get("name").asString()).isEqualTo("户主姓名");
        assertThat(preview.get("coordinateSystem").asString()).isEqualTo("EPSG:4326");
        assertThat(file.getValue().getParent()).isEqualTo(uploads);
        assertThat(file.getValue()).doesNotExist();
    }

    @Test
    void anImportIsAJobWhoseReportTheOwnerReads() throws Exception {
        ArgumentCaptor<ImportRequest> request = ArgumentCaptor.forClass(ImportRequest.class);
        when(imports.run(request.capture(), any(ImportProgress.class))).thenAnswer(call -> {
            call.<ImportProgress>getArgument(1).update("checking", 1, 1);
            return report(false);
        });
        MvcResult started = send(upload("/api/imports", "kind", "households", "mapping", "{\"name\":\"户主姓名\",\"phone\":\"\"}",
                "dryRun", "false"), TestPrincipals.planner(TOWNSHIP));
        JsonNode job = body(started, 202);
        String id = job.get("id").asString();
        assertThat(started.getResponse().getHeader("Location")).isEqualTo("/api/imports/" + id);
        assertThat(job.get("kind").asString()).isEqualTo("households");
        verify(imports, timeout(5000)).run(any(), any());
        JsonNode done = awaitEnd(id, TestPrincipals.planner(TOWNSHIP));
        assertThat(done.get("state").asString()).isEqualTo("done");
        assertThat(done.get("report").get("inserted").asLong()).isEqualTo(1);
        assertThat(done.get("report").get("problems").get(0).get("field").asString()).isEqualTo("lon");
        ImportRequest sent = request.getValue();
        assertThat(sent.scope()).as("a planner's own township when none is named").isEqualTo(TOWNSHIP);
        assertThat(sent.dryRun()).isFalse();
        assertThat(sent.columns()).isEqualTo(Map.of("name", "户主姓名"));
        assertThat(sent.username()).isEqualTo("planner");
        assertThat(sent.file()).as("deleted when the job ended").doesNotExist();
        // an administrator of every jurisdiction sees it too; the report stays the owner's otherwise
        assertThat(body(send(get("/api/imports/" + id), TestPrincipals.admin()), 200).get("state").asString()).isEqualTo("done");
    }

    @Test
    void aDryRunIsTheDefault() throws Exception {
        ArgumentCaptor<ImportRequest> request = ArgumentCaptor.forClass(ImportRequest.class);
        when(imports.run(request.capture(), any(ImportProgress.class))).thenReturn(report(true));
        body(send(upload("/api/imports", "kind", "households", "jurisdictionId", "42"), TestPrincipals.admin()), 202);
        verify(imports, timeout(5000)).run(any(), any());
        assertThat(request.getValue().dryRun()).isTrue();
        assertThat(request.getValue().scope()).isEqualTo(TOWNSHIP);
    }

    @Test
    void aPlannerImportsIntoTheOwnTownshipOnly() throws Exception {
        JsonNode refused = problem(send(upload("/api/imports", "kind", "households", "jurisdictionId", "43"),
                TestPrincipals.planner(TOWNSHIP)), 403);
        assertThat(refused.get("detail").asString()).contains("43");
        verify(imports, never()).run(any(), any());
        try (var left = Files.list(uploads)) {
            assertThat(left).as("nothing stored for a refused request").isEmpty();
        }
    }

    @Test
    void badFormFieldsAreA400NamingTheField() throws Exception {
        GridpatrolUser planner = TestPrincipals.planner(TOWNSHIP);
        JsonNode kind = problem(send(upload("/api/imports", "kind", "people"), planner), 400);
        assertThat(kind.get("field").asString()).isEqualTo("kind");
        assertThat(kind.get("detail").asString()).contains("people").contains("households");
        JsonNode mapping = problem(send(upload("/api/imports", "kind", "households", "mapping", "{\"name\":"), planner), 400);
        assertThat(mapping.get("field").asString()).isEqualTo("mapping");
        JsonNode notObject = problem(send(upload("/api/imports", "kind", "households", "mapping", "[\"name\"]"), planner), 400);
        assertThat(notObject.get("field").asString()).isEqualTo("mapping");
        JsonNode encoding = problem(send(upload("/api/imports", "kind", "households", "encoding", "klingon-8"), planner), 400);
        assertThat(encoding.get("field").asString()).isEqualTo("encoding");
        JsonNode jurisdiction = problem(send(upload("/api/imports", "kind", "households", "jurisdictionId", "x"), planner), 400);
        assertThat(jurisdiction.get("field").asString()).isEqualTo("jurisdictionId");
        JsonNode noFile = problem(send(multipart("/api/imports").param("kind", "households"), planner), 400);
        assertThat(noFile.get("field").asString()).isEqualTo("file");
        verify(imports, never()).run(any(), any());
    }

    @Test
    void aFileTheImporterRefusesIsA4xxByReason() throws Exception {
        when(imports.preview(any(), any(), anyString(), any()))
                .thenThrow(new ImportFileException(ImportFileException.Reason.UNSUPPORTED_FORMAT, "a .doc file is not importable"));
        JsonNode format = problem(send(upload("/api/imports/preview", "kind", "households"), TestPrincipals.admin()), 415);
        assertThat(format.get("detail").asString()).isEqualTo("a .doc file is not importable");
        assertThat(format.get("instance").asString()).isEqualTo("/api/imports/preview");
        when(imports.run(any(), any())).thenThrow(new ImportFileException(ImportFileException.Reason.MAPPING, "name is not mapped"));
        String id = body(send(upload("/api/imports", "kind", "households"), TestPrincipals.admin()), 202).get("id").asString();
        JsonNode failed = awaitEnd(id, TestPrincipals.admin());
        assertThat(failed.get("state").asString()).isEqualTo("failed");
        assertThat(failed.get("error").get("status").asInt()).isEqualTo(422);
        assertThat(failed.get("error").get("field").asString()).isEqualTo("mapping");
    }

    @Test
    void otherRolesAndOtherUsersJobsAreRefused() throws Exception {
        GridpatrolUser leader = TestPrincipals.leader(TOWNSHIP);
        problem(send(upload("/api/imports/preview", "kind", "households"), leader), 403);
        problem(send(upload("/api/imports", "kind", "households"), leader), 403);
        when(imports.run(any(), any())).thenReturn(report(true));
        String id = body(send(upload("/api/imports", "kind", "households"), TestPrincipals.admin()), 202).get("id").asString();
        problem(send(get("/api/imports/" + id), TestPrincipals.planner(TOWNSHIP)), 404);
        problem(send(delete("/api/imports/" + id), TestPrincipals.planner(TOWNSHIP)), 404);
        problem(send(get("/api/imports/" + id), leader), 403);
        body(send(delete("/api/imports/" + id), TestPrincipals.admin()), 204);
    }

    @Test
    void cancellingStopsTheImporter() throws Exception {
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        when(imports.run(any(), any())).thenAnswer(call -> {
            ImportProgress progress = call.getArgument(1);
            started.countDown();
            for (int i = 0; i < 500 && !progress.cancelled(); i++) {
                Thread.sleep(10);
            }
            throw new ImportFileException(ImportFileException.Reason.CANCELLED, "cancelled");
        });
        String id = body(send(upload("/api/imports", "kind", "households"), TestPrincipals.admin()), 202).get("id").asString();
        assertThat(started.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        body(send(delete("/api/imports/" + id), TestPrincipals.admin()), 204);
        assertThat(awaitEnd(id, TestPrincipals.admin()).get("state").asString()).isEqualTo("cancelled");
    }

    JsonNode awaitEnd(String id, GridpatrolUser who) throws Exception {
        for (int i = 0; i < 200; i++) {
            JsonNode job = body(send(get("/api/imports/" + id), who), 200);
            if (!List.of("queued", "running").contains(job.get("state").asString())) {
                return job;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("job " + id + " did not end");
    }
}
