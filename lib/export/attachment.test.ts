import { describe, expect, it } from "vitest";
import { attachmentDisposition } from "./attachment";

describe("attachmentDisposition", () => {
  it("gives the ASCII name for old clients and the Chinese one, encoded, for browsers", () => {
    expect(attachmentDisposition("audit-2024-05-01.csv", "审计日志-2024-05-01.csv")).toBe(
      "attachment; filename=\"audit-2024-05-01.csv\"; filename*=UTF-8''%E5%AE%A1%E8%AE%A1%E6%97%A5%E5%BF%97-2024-05-01.csv",
    );
  });

  it("keeps the header well formed whatever the names hold", () => {
    const header = attachmentDisposition('a"b\\c\u00e9\r\n.pdf', "说明（第2版）*'.pdf");
    expect(header).toBe(
      "attachment; filename=\"a_b_c___.pdf\"; filename*=UTF-8''%E8%AF%B4%E6%98%8E%EF%BC%88%E7%AC%AC2%E7%89%88%EF%BC%89%2A%27.pdf",
    );
    expect(decodeURIComponent(header.split("UTF-8''")[1])).toBe("说明（第2版）*'.pdf");
  });
});
