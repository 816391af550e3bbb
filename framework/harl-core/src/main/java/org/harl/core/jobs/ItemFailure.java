package org.harl.core.jobs;

/** An input a job could not process, and why: listed in the job's result, never fatal to the job. */
public record ItemFailure(String item, String reason) {

    /** {@code item: reason}, as the tools list it. */
    @Override
    public String toString() {
        return item + ": " + reason;
    }
}
