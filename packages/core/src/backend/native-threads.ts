/**
 * Thread limits for tfjs-node. libtensorflow sizes its intra-op pool from the process
 * environment when the first context is created, and a worker thread's process.env is a private
 * copy that native code never sees, so the limit must be set in the main thread before any
 * worker loads tfjs-node. With N workers each running one op at a time, one intra-op thread per
 * worker keeps the machine at N busy cores instead of N x cores.
 */
import { isMainThread } from "node:worker_threads";

export function limitNativeThreads(intraOpThreads = 1, env: NodeJS.ProcessEnv = process.env): boolean {
  if (!isMainThread) return false;
  env.TF_NUM_INTRAOP_THREADS ??= String(intraOpThreads);
  env.TF_NUM_INTEROP_THREADS ??= "1";
  return true;
}
