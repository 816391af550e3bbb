package org.harl.core.config;

/**
 * Where a config value came from: a position in a YAML file, a {@code --set} override, or a built-in default.
 *
 * @param source the file as the user named it, or a description such as {@code --set loss.tau=0.2}
 * @param line   1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 */
public record Origin(String source, int line, int column) {

    /** A whole file (no position), e.g. for "file not found". */
    public static Origin of(String source) {
        return new Origin(source, 0, 0);
    }

    /** A {@code --set key=value} override from the command line. */
    public static Origin override(String assignment) {
        return of("--set " + assignment);
    }

    @Override
    public String toString() {
        return line > 0 ? source + ":" + line + ":" + column : source;
    }
}
