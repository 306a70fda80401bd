/** drizzle-kit: generates the store's SQL migrations from src/database/schema.ts into drizzle/. */
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  schema: "./src/database/schema.ts",
  out: "./drizzle",
});
