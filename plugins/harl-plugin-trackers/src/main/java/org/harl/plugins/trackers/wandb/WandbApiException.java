package org.harl.plugins.trackers.wandb;

import java.io.IOException;

/**
 * A W&B request that failed for good: a status that is not retried, a GraphQL error, or retries exhausted.
 * Messages are redacted before they get here.
 */
public class WandbApiException extends IOException {
    private final int status;

    public WandbApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status, 0 when the connection failed, -1 for a GraphQL error in a 200 response. */
    public int status() {
        return status;
    }

    /** True when the credentials were refused: retrying or syncing with the same key will not help. */
    public boolean authFailure() {
        return status == 401 || status == 403;
    }
}
