/**
 * TensorFlow.js, loaded on first use. Core's modules take `tf` from here rather than importing
 * @tensorflow/tfjs, so a command that lists plugins, checks or plans a grid, or reads results
 * never loads it (it costs about half a second and 50 MB): the first property read loads the
 * package synchronously through require. In Node an ESM import of @tensorflow/tfjs resolves to
 * its CommonJS build too (the package has no "exports"), so this is the one instance that
 * tfjs-backend-wasm and tfjs-node register their backends with.
 * The namespace below gives the types core names as `tf.Tensor`, `tf.layers.Layer` and so on.
 */
import { createRequire } from "node:module";
import type * as TF from "@tensorflow/tfjs";

let loaded: typeof TF | undefined;

function load(): typeof TF {
  loaded ??= createRequire(import.meta.url)("@tensorflow/tfjs") as typeof TF;
  return loaded;
}

/** Whether anything in this thread has used TensorFlow.js yet (for tests of what commands load). */
export function tfLoaded(): boolean {
  return loaded !== undefined;
}

export const tf: typeof TF = new Proxy({} as typeof TF, {
  get: (_target, key) => Reflect.get(load(), key),
  has: (_target, key) => key in load(),
});

export declare namespace tf {
  type Rank = TF.Rank;
  type Tensor<R extends TF.Rank = TF.Rank> = TF.Tensor<R>;
  type Scalar = TF.Scalar;
  type Tensor1D = TF.Tensor1D;
  type Tensor2D = TF.Tensor2D;
  type Tensor3D = TF.Tensor3D;
  type Tensor4D = TF.Tensor4D;
  type Variable<R extends TF.Rank = TF.Rank> = TF.Variable<R>;
  type SymbolicTensor = TF.SymbolicTensor;
  type LayersModel = TF.LayersModel;
  type Sequential = TF.Sequential;
  type NamedTensorMap = TF.NamedTensorMap;
  type NamedAttrMap = TF.NamedAttrMap;
  type GradSaveFunc = TF.GradSaveFunc;
  type Optimizer = TF.Optimizer;
  type SGDOptimizer = TF.SGDOptimizer;
  type DataType = TF.DataType;
  type TensorInfo = TF.TensorInfo;
  type KernelConfig = TF.KernelConfig;
  type KernelFunc = TF.KernelFunc;
  type KernelBackend = TF.KernelBackend;
  namespace layers {
    type Layer = TF.layers.Layer;
  }
  namespace io {
    type WeightsManifestEntry = TF.io.WeightsManifestEntry;
    type ModelJSON = TF.io.ModelJSON;
    type ModelArtifacts = TF.io.ModelArtifacts;
  }
}
