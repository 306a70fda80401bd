/**
 * Builds a tfjs optimizer from the training configuration and applies one update with coupled L2
 * weight decay (gradient += weightDecay * weight, as PyTorch's SGD and Adam do) at a given
 * learning rate, so schedules can change it every step.
 */
import { tf } from "../backend/tf.js";
import { disposeOptimizer } from "./dispose-optimizer.js";
import type { OptimizerConfig } from "./train-config.js";

export interface HemlockOptimizer {
  config: OptimizerConfig;
  apply(grads: tf.NamedTensorMap, variables: tf.Variable[], lr: number): void;
  dispose(): void;
}

export function buildOptimizer(config: OptimizerConfig): HemlockOptimizer {
  const optimizer =
    config.name === "sgd"
      ? config.momentum > 0
        ? tf.train.momentum(config.lr, config.momentum)
        : tf.train.sgd(config.lr)
      : tf.train.adam(config.lr, config.beta1, config.beta2, config.epsilon);
  return {
    config,
    apply(grads, variables, lr) {
      // SGD and momentum take a new rate through setLearningRate; Adam reads its learningRate
      // field on every update, and tfjs offers no setter for it.
      if (config.name === "sgd") (optimizer as tf.SGDOptimizer).setLearningRate(lr);
      else (optimizer as unknown as { learningRate: number }).learningRate = lr;
      tf.tidy(() => {
        const decayed: { name: string; tensor: tf.Tensor }[] = [];
        for (const v of variables) {
          const g = grads[v.name];
          if (g !== undefined)
            decayed.push({
              name: v.name,
              tensor: config.weightDecay > 0 ? tf.add(g, tf.mul(v, config.weightDecay)) : g,
            });
        }
        optimizer.applyGradients(decayed);
      });
    },
    dispose: () => disposeOptimizer(optimizer),
  };
}
