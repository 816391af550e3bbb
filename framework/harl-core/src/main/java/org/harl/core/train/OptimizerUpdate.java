package org.harl.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.util.Map;
import org.harl.core.train.optim.StatefulOptimizer;

/**
 * One optimizer step: every online parameter updated from its accumulated gradient (which the optimizer zeroes),
 * then the EMA target moved towards the online network. The trainer and {@link TrainStepBenchmark} share it, so the
 * benchmark times what training runs.
 */
final class OptimizerUpdate {

    private final SslNetworks nets;
    private final StatefulOptimizer optimizer;
    private final Map<String, Parameter> params;

    OptimizerUpdate(SslNetworks nets, StatefulOptimizer optimizer) {
        this.nets = nets;
        this.optimizer = optimizer;
        this.params = nets.trainable();
    }

    void apply(double lr, double tau) {
        optimizer.setLearningRate((float) lr);
        for (Map.Entry<String, Parameter> e : params.entrySet()) {
            NDArray w = e.getValue().getArray();
            try (NDArray grad = w.getGradient()) {
                optimizer.update(e.getKey(), w, grad);
            }
        }
        optimizer.endStep();
        nets.updateTarget(tau);
    }
}
