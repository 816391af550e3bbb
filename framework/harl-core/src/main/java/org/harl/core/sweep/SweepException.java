package org.harl.core.sweep;

import java.util.List;

/** A sweep file that cannot be expanded or whose runs do not validate; carries every error found, not the first. */
public class SweepException extends RuntimeException {
    private final List<String> errors;

    public SweepException(String file, List<String> errors) {
        super(file + ": " + errors.size() + (errors.size() == 1 ? " error" : " errors") + "\n  - "
                + String.join("\n  - ", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
