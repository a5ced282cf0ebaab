import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isDocumentsOnly, isVague } from "../../../src/core/rules/paper-only/measures-text.js";
import { grid, HEADER, ledger, measureRow } from "../../helpers/grid.js";
import { findings } from "./run.js";

const DONE = { status: "已完成", evidence: "验收材料" };

describe("documents-only: a meeting or a document named after an action is still a meeting or a document", () => {
  it.each([
    // DOMAIN.md's examples.
    "制定《XX镇人居环境整治考核办法》，召开全镇人居环境整治推进会",
    "召开专项整治推进会",
    "印发《整治工作方案》",
    // The same without 《》, and study or deliberation about an action.
    "印发整治工作方案，召开整治动员会",
    "传达学习专项整治工作要求，研究部署整治工作",
    "组织召开违规收费问题专项清理工作会议",
  ])("%j is documents-only", (text) => expect(isDocumentsOnly(text)).toBe(true));

  it.each([
    // A concrete action after a meeting stays clean (the trap the other way).
    "召开全镇人居环境整治推进会，对23个村开展环境整治",
    "召开推进会后，关停违规企业3家",
    "召开会议，拆除违章建筑",
    "制定考核办法并严格考核",
    "印发《整治工作方案》，开展专项整治",
  ])("%j is not", (text) => expect(isDocumentsOnly(text)).toBe(false));

  it("flags the done task at its measures cell, and leaves the one with an action after the meeting", () => {
    const g = ledger([
      { ...DONE, measures: "制定《XX镇人居环境整治考核办法》，召开全镇人居环境整治推进会" },
      { ...DONE, measures: "召开全镇人居环境整治推进会，对23个村开展环境整治" },
    ]);
    expect(findings(g, {}, "paper-only")).toEqual(["C2 paper-only/documents-only"]);
  });
});

describe("vague-measures: an abstract object does not make a slogan checkable", () => {
  it.each([
    // DOMAIN.md's example: 招聘 only qualifies 管理.
    "进一步加强招聘管理，切实提高规范化水平，不断强化监督",
    "进一步加强考核工作，切实提高认识",
    "不断加大查处力度，切实强化问责意识",
    "进一步完善制度建设，强化监督管理",
    "进一步加强台账管理工作",
    "切实加强食堂食品安全监管，不断提升服务水平",
    "进一步规范公务用车管理，严格执行审批程序",
    // Numbered slogans are not counts.
    "切实增强“四个意识”，坚决做到“两个维护”",
    // A meeting's name is no action either.
    "进一步加强学习，召开专项整治推进会",
  ])("%j is vague", (text) => expect(isVague(text)).toBe(true));

  it.each([
    // DOMAIN.md's concrete example, with and without a slogan before it.
    "对23名从业人员健康证逐一核查",
    "进一步加强管理，对23名从业人员健康证逐一核查",
    // A deliverable, a named system, a named person, a date in words, an action on a concrete object.
    "进一步加强管理，建立从业人员健康证台账",
    "切实加强招聘管理，招聘过程在“阳光招聘”平台全程公示",
    "进一步规范招聘，由张某负责审核每次招聘的资格条件",
    "进一步加强管理，年底前完成全部整改",
    "不断强化监督，开展专项检查",
    "切实加强管理，清退违规兼职人员",
    "进一步加强管理，形成专项审计报告",
    "进一步加强管理，开展“回头看”",
  ])("%j is not", (text) => expect(isVague(text)).toBe(false));

  it("flags the slogan row and not the concrete one", () => {
    const g = ledger([
      { measures: "进一步加强招聘管理，切实提高规范化水平，不断强化监督" },
      { measures: "对23名从业人员健康证逐一核查" },
    ]);
    expect(findings(g, {}, "paper-only")).toEqual(["C2 paper-only/vague-measures"]);
  });
});

describe("duplicate-text: the same boilerplate under one problem is that problem's", () => {
  const boiler = "严格落实整改责任，建立整改台账并逐项销号，确保按期完成";

  it("is not flagged under one problem merged over its measure rows", () => {
    const g = grid(
      [HEADER, measureRow(1, "问题甲", boiler), measureRow(null, null, boiler), measureRow(null, null, boiler)],
      ["A2:A4", "B2:B4"],
    );
    expect(findings(g, {}, "paper-only")).toEqual([]);
  });
  it("is not flagged under one problem whose measure rows were left unmerged with the problem blank", () => {
    const g = grid([
      HEADER,
      measureRow(1, "问题甲", boiler),
      measureRow(null, null, boiler),
      measureRow(2, "问题乙", "开展专项检查3次"),
    ]);
    expect(findings(g, {}, "paper-only")).toEqual([]);
  });
  it("is flagged when it also stands under another problem (the trap the other way)", () => {
    const g = grid(
      [HEADER, measureRow(1, "问题甲", boiler), measureRow(null, null, boiler), measureRow(2, "问题乙", boiler)],
      ["A2:A3", "B2:B3"],
    );
    expect(findings(g, {}, "paper-only")).toEqual([
      "C2 paper-only/duplicate-text",
      "C3 paper-only/duplicate-text",
      "C4 paper-only/duplicate-text",
    ]);
  });
});

describe("properties of the paper-only readings", () => {
  const action = fc.constantFrom("整治", "专项整治", "清理", "检查", "招聘", "考核", "拆除", "公示", "审计");
  const paper = fc.constantFrom(
    "召开党组会议专题研究",
    "印发《关于加强管理的通知》",
    "传达学习上级会议精神",
    "修订完善相关制度",
  );
  const concrete = fc.constantFrom(
    "对23个村开展环境整治",
    "关停违规企业3家",
    "清退违规兼职人员",
    "拆除违章建筑",
    "开展专项检查",
  );
  const slogan = fc.constantFrom("进一步加强", "切实提高", "不断强化", "高度重视");
  const abstract = fc.constantFrom("管理", "水平", "监督", "意识", "工作", "建设");

  it("a meeting or document named after any action, beside other paper, stays documents-only", () => {
    fc.assert(
      fc.property(fc.array(paper, { minLength: 1, maxLength: 3 }), action, fc.boolean(), (ps, a, meeting) => {
        const named = meeting ? `召开全镇${a}推进会` : `印发${a}工作方案`;
        expect(isDocumentsOnly([...ps, named].join("，"))).toBe(true);
      }),
    );
  });
  it("one concrete action after any meetings and documents clears documents-only", () => {
    fc.assert(
      fc.property(fc.array(paper, { minLength: 1, maxLength: 3 }), concrete, (ps, c) => {
        expect(isDocumentsOnly([...ps, c].join("，"))).toBe(false);
      }),
    );
  });
  it("slogans over abstract objects, whatever action qualifies them, are vague; a concrete clause clears them", () => {
    const clause = fc.tuple(slogan, fc.option(action, { nil: "" }), abstract).map(([s, a, o]) => `${s}${a}${o}`);
    fc.assert(
      fc.property(fc.array(clause, { minLength: 1, maxLength: 3 }), concrete, (cs, c) => {
        expect(isVague(cs.join("，"))).toBe(true);
        expect(isVague([...cs, c].join("，"))).toBe(false);
      }),
    );
  });
});
