package org.harl.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchDataCommandTest {

    @Test
    void printsImagesPerSecondForEveryCase() {
        StringWriter buf = new StringWriter();
        CommandLine cmd = new CommandLine(new BenchDataCommand());
        cmd.setOut(new PrintWriter(buf, true));
        int code = cmd.execute("--seconds", "0.05", "--jpegs", "4", "--batch-size", "2",
                "--workers", "2");
        assertEquals(0, code);
        String text = buf.toString();
        for (String row : new String[] {"synthetic_objects                 32", "synthetic_objects                224",
            "image_folder (JPEG)              224", "image_folder (JPEG) + masks      224"}) {
            assertTrue(text.contains(row), text);
        }
        assertTrue(text.matches("(?s).*synthetic_objects\\s+32\\s+2\\s+\\d+\\.\\d.*"), text);
    }
}
