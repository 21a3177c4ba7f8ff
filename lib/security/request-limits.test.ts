import { describe, expect, it } from "vitest";
import { bodyLimit, MAX_JSON_BODY_BYTES, MAX_UPLOAD_BODY_BYTES, NEXT_BODY_LIMIT, oversizedBody } from "./request-limits";

describe("request body limits", () => {
  it("gives uploads and the autosave 11 MB, other JSON 2 MB and reads nothing else", () => {
    expect(bodyLimit("POST", "multipart/form-data; boundary=x")).toBe(MAX_UPLOAD_BODY_BYTES);
    expect(bodyLimit("POST", "text/plain;charset=UTF-8")).toBe(MAX_UPLOAD_BODY_BYTES);
    expect(bodyLimit("PUT", "application/json")).toBe(MAX_JSON_BODY_BYTES);
    expect(bodyLimit("GET", null)).toBeNull();
    // The autosave carries a disclosure and its base: as much as an upload.
    expect(bodyLimit("PUT", "application/json", "/api/disclosures/0b6a/content")).toBe(MAX_UPLOAD_BODY_BYTES);
    expect(bodyLimit("PUT", "application/json", "/api/disclosures/0b6a/content/x")).toBe(MAX_JSON_BODY_BYTES);
  });

  it("answers 413 in Chinese for a body announced larger than its limit", async () => {
    const big = oversizedBody("POST", new Headers({ "content-type": "application/json", "content-length": String(MAX_JSON_BODY_BYTES + 1) }));
    expect(big?.status).toBe(413);
    expect(await big?.json()).toEqual({ code: "invalid-input", error: "提交的内容超过了 2 MB 的上限，请减少内容后重试。", fieldErrors: {} });
    expect(oversizedBody("POST", new Headers({ "content-type": "application/json", "content-length": String(MAX_JSON_BODY_BYTES) }))).toBeNull();
    expect(oversizedBody("POST", new Headers({ "content-type": "multipart/form-data", "content-length": String(12 * 1024 * 1024) }))?.status).toBe(413);
  });

  it("is the limit Next itself applies to server actions and to the proxy's copy of a body", async () => {
    const nextConfig: unknown = (await import(/* @vite-ignore */ new URL("../../next.config.js", import.meta.url).href)).default;
    const experimental = (nextConfig as { experimental: { serverActions: { bodySizeLimit: string }; proxyClientMaxBodySize: string } }).experimental;
    expect(experimental.serverActions.bodySizeLimit).toBe(NEXT_BODY_LIMIT);
    expect(experimental.proxyClientMaxBodySize).toBe(NEXT_BODY_LIMIT);
    expect(MAX_UPLOAD_BODY_BYTES).toBe(11 * 1024 * 1024);
  });
});
