import { describe, expect, it } from "vitest";
import { commentIndex, describeAudit, describeAuditEntity, describeAuditFilter } from "./audit-sentence";

/** Audit rows in words, from details as the code writes them (the catalogue's own test reads real rows). */
describe("audit rows in words", () => {
  it("says a return's states, reason and note, and the version it made", () => {
    expect(
      describeAudit({
        action: "disclosure.return",
        detail: { from: "in_review", to: "returned", reasonLabel: "数据不一致", note: "见意见", version: 5 },
      }),
    ).toBe("将 审核中 改为 已退回，原因：数据不一致，说明：“见意见”（第 5 版）。");
  });

  it("says which sections and rows a save changed", () => {
    const save = describeAudit({
      action: "disclosure.save",
      detail: { sections: ["otherMatters"], indicators: { added: [], updated: ["a", "b"], removed: [] }, version: 7 },
    });
    expect(save).toBe("保存了 九、其他需要说明的事项；绩效指标 修改 2 行（第 7 版）。");
    expect(describeAudit({ action: "disclosure.save", detail: { version: 3 } })).toBe("保存（内容未变）。");
  });

  it("names the comment a resolve or a reply is about, from the trail", () => {
    const entries = [
      { action: "comment.add", detail: { commentId: "c1", anchorPath: "budget.income.total", body: "请核对" } },
    ];
    expect(describeAudit({ action: "comment.resolve", detail: { commentId: "c1" } }, commentIndex(entries))).toBe(
      "将意见（二、部门预算安排的总体情况 › 收入预算 › 收入合计：“请核对”）标为已解决。",
    );
    expect(
      describeAudit({ action: "comment.reply", detail: { parentId: "c9", body: "已改" } }, commentIndex(entries)),
    ).toBe("回复一条意见：“已改”。");
  });

  it("says an import's waiver, a publication and a correction", () => {
    expect(
      describeAudit({
        action: "disclosure.approve",
        detail: {
          from: "in_review",
          to: "approved",
          version: 4,
          waived: { guards: ["noErrorFindings"], because: "imported" },
        },
      }),
    ).toBe("将 审核中 改为 审核通过（导入既往公开：未做提交检查）（第 4 版）。");
    expect(
      describeAudit({
        action: "disclosure.publish",
        detail: { from: "approved", to: "published", revision: 1, version: 6, files: [{}, {}, {}] },
      }),
    ).toBe("将 审核通过 改为 已公开，公开第 1 版次，生成 3 个文件（第 6 版）。");
    expect(
      describeAudit({
        action: "disclosure.openRevision",
        detail: { from: "published", to: "published", revision: 2, note: "更正上年数" },
      }),
    ).toBe("为更正已公开的内容新建第 2 版次，说明：“更正上年数”。");
  });

  it("reads a row under a former spelling as its current code", () => {
    expect(
      describeAudit({ action: "warning.explain", detail: { ruleId: "no.such-rule", explanation: "一次性搬迁" } }),
    ).toBe("说明提示“no.such-rule”：“一次性搬迁”。");
    expect(describeAudit({ action: "desk.approvers", detail: { before: ["a"], after: ["a", "b"] } })).toBe(
      "将该科室的审核员由 1 人改为 2 人。",
    );
  });

  it("says sign-in failures and locks with the name typed", () => {
    expect(
      describeAudit({
        action: "user.login-failed",
        entityId: "clerk",
        detail: { typedUsername: "clerk", knownUser: true, lockedUntil: "2021-03-01T02:30:00.000Z", scope: "account" },
      }),
    ).toBe("以用户名“clerk”登录失败（密码不正确），连续失败次数过多，该账号的登录锁定至 2021年3月1日 10:30。");
  });

  it("names the entity in words, and a filter in words", () => {
    expect(
      describeAuditEntity({ entityType: "disclosure", entityId: "x", entityFacts: ["三河市财政局", "2021", "2"] }),
    ).toBe("信息公开 三河市财政局 2021年 第2版");
    expect(describeAuditEntity({ entityType: "sign-in", entityId: "=1+1" })).toBe("登录名“=1+1”");
    expect(describeAuditEntity({ entityType: "operation", entityId: "disclosure.start-review" })).toBe(
      "操作“开始审核”",
    );
    expect(describeAuditFilter({ action: "user.login-failed", ip: "10.0.0.1" })).toBe(
      "操作 登录失败，来源地址 10.0.0.1",
    );
  });
});
