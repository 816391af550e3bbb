package org.harl.spark;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/** Puts a Spark task thread into the state DJL gives the thread that loaded the engine. */
final class TaskThreads {

    private TaskThreads() {
    }

    /**
     * Loads the natives (a fresh executor JVM has not yet) and turns PyTorch's grad mode off on this thread: it is
     * per thread, and DJL turns it off only on the thread that loaded the engine (with it on, parameter
     * initialisation fails on leaf tensors and inference records graphs).
     */
    static void prepare() {
        Engine.getInstance();
        JniUtils.setGradMode(false);
    }
}
