#!/usr/bin/env node
/** Entry point of the `hemlock` command. */
import { main } from "./cli.js";

// A reader that stops early (`hemlock attacks | head`) is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

process.exitCode = await main(process.argv);
