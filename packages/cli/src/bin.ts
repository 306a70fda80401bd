#!/usr/bin/env node
/** Entry point of the `hemlock` command. */
import { main } from "./cli.js";

process.exitCode = await main(process.argv);
