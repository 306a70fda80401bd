/** drizzle-kit: generates the store's SQL migrations from src/schema.ts into drizzle/. */
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  schema: "./src/schema.ts",
  out: "./drizzle",
});
