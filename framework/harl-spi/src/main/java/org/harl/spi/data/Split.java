package org.harl.spi.data;

/** Which part of a dataset. Pretraining reads TRAIN; evaluation fits on TRAIN and scores on TEST. */
public enum Split {
    TRAIN, TEST
}
