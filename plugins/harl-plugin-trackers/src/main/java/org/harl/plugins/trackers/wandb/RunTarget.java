package org.harl.plugins.trackers.wandb;

/** Where a run lives on the server: {@code entity/project/runId}. */
public record RunTarget(String entity, String project, String runId) {

    /** {@code files/{entity}/{project}/{runId}/file_stream}, relative to the base URL. */
    String fileStreamPath() {
        return "files/" + entity + "/" + project + "/" + runId + "/file_stream";
    }

    /** The run's page in the web app. */
    public String pageUrl(String baseUrl) {
        return WandbSettings.appUrl(baseUrl) + "/" + entity + "/" + project + "/runs/" + runId;
    }
}
