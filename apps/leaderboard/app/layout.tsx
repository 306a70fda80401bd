/** The frame of every page: the site's navigation, a title per page, and the stylesheet (light and dark). */
import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { paths } from "../lib/site-paths";
import "./styles.css";

export const metadata: Metadata = {
  title: { default: "Hemlock leaderboard", template: "%s · Hemlock" },
  description: "Data-poisoning attacks against defenses, from the Hemlock results store",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="site">
          <a className="brand" href={paths.leaderboard()}>
            Hemlock
          </a>
          <nav>
            <a href={paths.leaderboard()}>leaderboard</a>
            <a href={paths.experiments()}>experiments</a>
            <a href={paths.compare()}>compare</a>
            <a href={paths.reproductions()}>reproductions</a>
          </nav>
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}
