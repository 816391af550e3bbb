package org.harl.core.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code training.device} setting as written: {@code auto} (every visible GPU, else the CPU), {@code cpu},
 * {@code gpu} (every visible GPU), {@code gpu:N}, or a list of {@code gpu:N}. Which devices exist is known only
 * when a run starts (see {@code org.harl.core.train.Devices}); here the value is only checked for form.
 *
 * @param kind what was asked for
 * @param gpus the GPU ids for {@link Kind#GPUS} (distinct, in the order written), empty otherwise
 */
public record DeviceSpec(Kind kind, List<Integer> gpus) {

    /** The forms of the setting. */
    public enum Kind {
        AUTO, CPU, ALL_GPUS, GPUS
    }

    private static final Pattern GPU_ID = Pattern.compile("gpu:(\\d{1,4})");
    private static final String FORMS = "expected auto, cpu, gpu, gpu:N or a list of gpu:N";

    public DeviceSpec {
        Objects.requireNonNull(kind, "kind");
        gpus = List.copyOf(gpus);
        if ((kind == Kind.GPUS) == gpus.isEmpty()) {
            throw new IllegalArgumentException(kind == Kind.GPUS ? "no GPU ids given" : kind + " takes no GPU ids");
        }
        if (new LinkedHashSet<>(gpus).size() != gpus.size()) {
            throw new IllegalArgumentException("a GPU is listed twice: " + gpus);
        }
    }

    public static DeviceSpec auto() {
        return new DeviceSpec(Kind.AUTO, List.of());
    }

    /** Parses a YAML value: a string or a list of strings. */
    public static DeviceSpec fromScalar(Object value) {
        if (value instanceof String s) {
            return parse(s.trim().toLowerCase(Locale.ROOT));
        }
        if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                throw new IllegalArgumentException(FORMS + ", got an empty list");
            }
            List<Integer> ids = new ArrayList<>();
            for (Object item : list) {
                String text = item == null ? "null" : item.toString().trim().toLowerCase(Locale.ROOT);
                Matcher m = GPU_ID.matcher(text);
                if (!m.matches()) {
                    throw new IllegalArgumentException("list items must be gpu:N, got '" + text + "'");
                }
                int id = Integer.parseInt(m.group(1));
                if (ids.contains(id)) {
                    throw new IllegalArgumentException("gpu:" + id + " is listed twice");
                }
                ids.add(id);
            }
            return new DeviceSpec(Kind.GPUS, ids);
        }
        throw new IllegalArgumentException(FORMS + ", got " + value);
    }

    private static DeviceSpec parse(String text) {
        switch (text) {
            case "auto":
                return auto();
            case "cpu":
                return new DeviceSpec(Kind.CPU, List.of());
            case "gpu":
                return new DeviceSpec(Kind.ALL_GPUS, List.of());
            default:
                Matcher m = GPU_ID.matcher(text);
                if (!m.matches()) {
                    throw new IllegalArgumentException(FORMS + ", got '" + text + "'");
                }
                return new DeviceSpec(Kind.GPUS, List.of(Integer.parseInt(m.group(1))));
        }
    }

    /** The value as YAML writes it (the resolved {@code config.yaml} must read back to the same setting). */
    public Object toScalar() {
        return switch (kind) {
            case AUTO -> "auto";
            case CPU -> "cpu";
            case ALL_GPUS -> "gpu";
            case GPUS -> gpus.size() == 1 ? "gpu:" + gpus.get(0) : gpus.stream().map(i -> "gpu:" + i).toList();
        };
    }

    @Override
    public String toString() {
        return toScalar().toString();
    }
}
