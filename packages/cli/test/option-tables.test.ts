/**
 * Option tables: a command's options are checked and typed before it runs, every bad value
 * reported together as `--option: expected ..., got "..."`.
 */
import { describe, expect, it } from "vitest";
import { OPTIONS as runOptions } from "../src/commands/run.js";
import { OPTIONS as serveOptions } from "../src/commands/serve.js";
import { parseOptions } from "../src/options/parse-options.js";

const globals = { backend: "auto" };

describe("option tables", () => {
  it("types the values commander hands over", () => {
    expect(parseOptions(serveOptions, { ...globals, db: "h.db", port: "8080", host: "127.0.0.1" })).toMatchObject({
      port: 8080,
      host: "127.0.0.1",
    });
    const run = parseOptions(runOptions, {
      ...globals,
      db: "h.db",
      executor: "local",
      redisUrl: "redis://127.0.0.1:6379",
      queuePrefix: "hemlock",
      retries: "2",
      workers: "3",
    });
    expect([run.retries, run.workers, run.failFast, run.json, run.force]).toEqual([2, 3, false, false, false]);
  });

  it("reports every bad value at once, naming each option as the user typed it", () => {
    expect(() =>
      parseOptions(runOptions, {
        ...globals,
        db: "h.db",
        executor: "local",
        redisUrl: "redis://127.0.0.1:6379",
        queuePrefix: "hemlock",
        retries: "two",
        workers: "0",
      }),
    ).toThrow('--workers: expected a whole number >= 1, got "0"\n--retries: expected a whole number >= 0, got "two"');
    expect(() => parseOptions(serveOptions, { ...globals, db: "h.db", port: "99999", host: "x" })).toThrow(
      '--port: expected a whole number from 1 to 65535, got "99999"',
    );
  });
});
