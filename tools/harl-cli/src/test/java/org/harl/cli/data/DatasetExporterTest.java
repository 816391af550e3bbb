package org.harl.cli.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.harl.plugins.datasets.folder.ImageFolder;
import org.harl.plugins.datasets.folder.ImageFolderConfig;
import org.harl.plugins.datasets.folder.MissingMaskPolicy;
import org.harl.plugins.datasets.folder.UnreadablePolicy;
import org.harl.plugins.datasets.synthetic.SyntheticObjects;
import org.harl.plugins.datasets.synthetic.SyntheticObjectsConfig;
import org.harl.spi.data.ImageFiles;
import org.harl.spi.data.Sample;
import org.harl.spi.data.Split;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetExporterTest {

    @TempDir
    Path tmp;

    static SyntheticObjects synthetic(int train, int test) {
        SyntheticObjectsConfig d = SyntheticObjectsConfig.defaults();
        return new SyntheticObjects(new SyntheticObjectsConfig(d.classes(), 32, train, test, 0, d.minScale(),
                d.maxScale(), d.paletteJitter(), d.maxDistractors(), d.distractorSize(), d.clutter()));
    }

    @Test
    void exportsImagesAndMasksThatImageFolderReadsBack() throws Exception {
        SyntheticObjects ds = synthetic(5, 12);
        StringWriter log = new StringWriter();
        long n = new DatasetExporter(new PrintWriter(log, true)).export(ds, Split.TEST, 10, tmp, "png", 2);
        assertEquals(10, n);
        String cls = ds.classNames().get(3);
        Path image = tmp.resolve("images").resolve(cls).resolve("test_000003.png");
        Path mask = tmp.resolve("masks").resolve(cls).resolve("test_000003.png");
        assertTrue(Files.isRegularFile(image) && Files.isRegularFile(mask));
        Sample original = ds.get(Split.TEST, 3);
        float[] read = ImageFiles.readImage(image).data();
        for (int i = 0; i < read.length; i++) {
            assertEquals(original.image().data()[i], read[i], 0.5 / 255 + 1e-6);
        }
        assertTrue(log.toString().contains("exported 10/10 images"), log.toString());

        ImageFolder back = new ImageFolder(new ImageFolderConfig(tmp.resolve("images").toString(), "", 0, 0,
                tmp.resolve("masks").toString(), "", MissingMaskPolicy.ERROR, UnreadablePolicy.ERROR, ""), Path::of,
                tmp.resolve("cache"));
        assertEquals(10, back.size(Split.TRAIN));
        Sample s = back.get(Split.TRAIN, back.classNames().indexOf(cls)); // one image per class, sorted by class
        assertTrue(s.id().endsWith("/" + cls + "/test_000003.png"), s.id());
        assertArrayEquals(quantised(original.groundTruth().orElseThrow().data()),
                s.groundTruth().orElseThrow().data(), 1e-6f);
    }

    @Test
    void anEmptySplitIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                new DatasetExporter(new PrintWriter(new StringWriter())).export(synthetic(4, 0), Split.TEST,
                        0, tmp, "png", 1));
        assertTrue(e.getMessage().contains("no test samples"));
    }

    private static float[] quantised(float[] mask) {
        float[] q = new float[mask.length];
        for (int i = 0; i < q.length; i++) {
            q[i] = Math.round(mask[i] * 255f) / 255f;
        }
        return q;
    }
}
