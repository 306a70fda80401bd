/** The frame of every page: the title and the navigation between leaderboards and reproductions. */
import type { ReactNode } from "react";
import "./styles.css";

export const metadata = {
  title: "Hemlock leaderboard",
  description: "Data-poisoning attacks against defenses, from the Hemlock results store",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header>
          <strong>Hemlock</strong> <a href="/">experiments</a> <a href="/reproductions">reproductions</a>
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}
