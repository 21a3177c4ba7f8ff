import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { HydrationMark } from "@/components/hydration-mark";
import { zhCN } from "@/lib/i18n/zh-CN";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: zhCN.app.name, template: `%s · ${zhCN.app.shortName}` },
  description: zhCN.app.description,
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-CN">
      <body className="antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow"
        >
          {zhCN.app.skipToContent}
        </a>
        {children}
        <HydrationMark />
      </body>
    </html>
  );
}
