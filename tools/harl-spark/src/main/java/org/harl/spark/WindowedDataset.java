package org.harl.spark;

import java.util.List;
import org.harl.spi.data.DatasetSource;
import org.harl.spi.data.Sample;
import org.harl.spi.data.Split;

/** Samples {@code [first, first + count)} of one split of a dataset, as indices from 0: one task's share. */
record WindowedDataset(DatasetSource source, Split split, long first, long count) implements DatasetSource {

    @Override
    public long size(Split s) {
        return s == split ? count : 0;
    }

    @Override
    public Sample get(Split s, long index) {
        if (s != split || index < 0 || index >= count) {
            throw new IndexOutOfBoundsException(s + " sample " + index + " outside this window of " + count);
        }
        return source.get(s, first + index);
    }

    @Override
    public List<String> classNames() {
        return source.classNames();
    }

    @Override
    public boolean providesMasks() {
        return source.providesMasks();
    }
}
