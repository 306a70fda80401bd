/**
 * One leaderboard server in a child process, for `hemlock publish`: a Next server renders pages on
 * one thread, so publishing a large store renders on every core by crawling several servers at
 * once. The parent forks this module with the build and store in its argument (JSON), and it
 * answers with its URL over IPC; it stops when the parent says so or goes away.
 */
import type { AppBuild } from "./leaderboard-app.js";
import { freePort, startApp } from "./leaderboard-app.js";

const { build, db } = JSON.parse(process.argv[2] ?? "{}") as { build: AppBuild; db: string };
const app = await startApp(build, { db, host: "127.0.0.1", port: await freePort() });
const stop = async () => {
  await app.stop();
  process.exit(0);
};
process.on("message", (message) => {
  if (message === "stop") void stop();
});
process.on("disconnect", () => void stop());
process.send?.({ url: app.url });
