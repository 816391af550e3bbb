package org.harl.plugins.trackers.wandb;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.harl.plugins.trackers.ExtendedJson;

/** The W&B operations harl uses, as the official clients send them (GraphQL plus file_stream and uploads). */
public final class WandbApi {
    private static final MediaType JSON = MediaType.get("application/json");

    static final String VIEWER = "query Viewer { viewer { id entity username email flags teams { edges { node { name"
            + " } } } } }";
    static final String UPSERT_BUCKET = """
            mutation UpsertBucket($id: String, $name: String, $project: String, $entity: String, \
            $groupName: String, $description: String, $displayName: String, $notes: String, $commit: String, \
            $config: JSONString, $host: String, $debug: Boolean, $program: String, $repo: String, \
            $jobType: String, $state: String, $sweep: String, $tags: [String!], $summaryMetrics: JSONString) {
              upsertBucket(input: {id: $id, name: $name, groupName: $groupName, modelName: $project, \
            entityName: $entity, description: $description, displayName: $displayName, notes: $notes, \
            config: $config, commit: $commit, host: $host, debug: $debug, jobProgram: $program, jobRepo: $repo, \
            jobType: $jobType, state: $state, sweep: $sweep, tags: $tags, summaryMetrics: $summaryMetrics}) {
                bucket { id name displayName description config sweepName project { id name entity { id name } } \
            historyLineCount }
                inserted
              }
            }""";
    static final String CREATE_RUN_FILES = """
            mutation CreateRunFiles($entity: String!, $project: String!, $run: String!, $files: [String!]!) {
              createRunFiles(input: {entityName: $entity, projectName: $project, runName: $run, files: $files}) {
                runID uploadHeaders files { name uploadUrl }
              }
            }""";
    static final String UPSERT_VIEW = """
            mutation upsertView($id: ID, $entityName: String, $projectName: String, $type: String, $name: String, \
            $displayName: String, $description: String, $spec: String!) {
              upsertView(input: {id: $id, entityName: $entityName, projectName: $projectName, name: $name, \
            displayName: $displayName, description: $description, type: $type, createdUsing: WANDB_SDK, \
            spec: $spec}) {
                view { id type name displayName project { id name entityName } spec updatedAt }
                inserted
              }
            }""";

    /** A signed upload target: the run-file name and where to PUT it, with the storage headers. */
    public record UploadTarget(String name, String url, List<String> headers) {
    }

    private final WandbHttp http;

    public WandbApi(WandbHttp http) {
        this.http = http;
    }

    /** Runs a GraphQL operation and returns {@code data}; GraphQL errors in a 200 response are failures too. */
    public JsonNode graphql(String operationName, String query, Map<String, Object> variables) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        body.put("operationName", operationName);
        String text = http.execute(new Request.Builder().url(http.url("graphql"))
                .post(RequestBody.create(ExtendedJson.write(body), JSON)).build());
        JsonNode root = ExtendedJson.mapper().readTree(text);
        JsonNode errors = root.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            throw new WandbApiException(-1, operationName + " failed: "
                    + http.redact(errors.get(0).path("message").asText(errors.toString())));
        }
        if (root.hasNonNull("error")) {
            throw new WandbApiException(-1, operationName + " failed: " + http.redact(root.get("error").toString()));
        }
        return root.path("data");
    }

    /** The API key's default entity. */
    public String defaultEntity() throws IOException {
        JsonNode viewer = graphql("Viewer", VIEWER, Map.of()).path("viewer");
        String entity = viewer.path("entity").asText("");
        if (entity.isEmpty()) {
            throw new WandbApiException(-1, "the W&B viewer query returned no default entity; set wandb.entity");
        }
        return entity;
    }

    /**
     * Creates or updates a run. {@code variables} are UpsertBucket's ({@code name} = run id, {@code config} a JSON
     * string). Returns the resolved target.
     */
    public RunTarget upsertBucket(Map<String, Object> variables) throws IOException {
        JsonNode bucket = graphql("UpsertBucket", UPSERT_BUCKET, variables).path("upsertBucket").path("bucket");
        JsonNode project = bucket.path("project");
        String entity = project.path("entity").path("name").asText(String.valueOf(variables.get("entity")));
        return new RunTarget(entity, project.path("name").asText(String.valueOf(variables.get("project"))),
                bucket.path("name").asText(String.valueOf(variables.get("name"))));
    }

    /** Asks for signed upload URLs for run files. */
    public List<UploadTarget> createRunFiles(RunTarget run, List<String> names) throws IOException {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("entity", run.entity());
        vars.put("project", run.project());
        vars.put("run", run.runId());
        vars.put("files", names);
        JsonNode result = graphql("CreateRunFiles", CREATE_RUN_FILES, vars).path("createRunFiles");
        List<String> headers = new ArrayList<>();
        result.path("uploadHeaders").forEach(h -> headers.add(h.asText()));
        List<UploadTarget> targets = new ArrayList<>();
        result.path("files").forEach(f -> targets.add(new UploadTarget(f.path("name").asText(),
                f.path("uploadUrl").asText(), headers)));
        return targets;
    }

    /** PUTs a file to a signed URL: no W&B credentials, only the storage headers. */
    public void upload(UploadTarget target, Path file) throws IOException {
        Request.Builder request = new Request.Builder().url(target.url())
                .put(RequestBody.create(Files.readAllBytes(file), null));
        for (String header : target.headers()) {
            int colon = header.indexOf(':');
            if (colon > 0) {
                request.header(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
            }
        }
        http.execute(request.build(), false);
    }

    /** Posts one file_stream request; returns the server's JSON reply (e.g. {@code {"stopped":true}}). */
    public JsonNode fileStream(RunTarget run, Map<String, Object> body) throws IOException {
        String text = http.execute(new Request.Builder().url(http.url(run.fileStreamPath()))
                .post(RequestBody.create(ExtendedJson.write(body), JSON)).build());
        return text.isBlank() ? ExtendedJson.mapper().createObjectNode() : ExtendedJson.mapper().readTree(text);
    }

    /** Saves a report view; returns the view's JSON ({@code id}, {@code name}, ...). */
    public JsonNode upsertView(Map<String, Object> variables) throws IOException {
        return graphql("upsertView", UPSERT_VIEW, variables).path("upsertView").path("view");
    }
}
