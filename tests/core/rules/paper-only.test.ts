import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  clauses,
  CONCRETE_ACTION,
  DOCUMENT_ACTION,
  NUMBER,
  isDocumentsOnly,
  isVague,
  measuresFingerprint,
  normalizeMeasures,
} from "../../../src/core/rules/paper-only/measures-text.js";
import { ledger } from "../../helpers/grid.js";
import { findings, report } from "./run.js";

const DONE = { status: "已完成", evidence: "验收材料" };

describe("paper-only/no-evidence", () => {
  it("flags done tasks with an empty evidence cell, at that cell", () => {
    const g = ledger([
      { ...DONE, evidence: "" },
      { ...DONE },
      { status: "正在推进", evidence: "" },
      { status: "已完成（6月已通过验收）", evidence: " " },
    ]);
    expect(findings(g, {}, "paper-only")).toEqual(["H2 paper-only/no-evidence", "H5 paper-only/no-evidence"]);
  });
  it("flags evidence that says it is not there yet (the reading sweep of 2026-12-02: none of these was flagged)", () => {
    const g = ledger(
      ["未上传", "尚未提供", "待收集", "缺失", "正在收集整理", "×", "#REF!", "√", "整改报告"].map((evidence) => ({
        ...DONE,
        evidence,
      })),
    );
    // #REF!: a link to the material that broke (the sweep before this one found it passing).
    expect(findings(g, {}, "paper-only")).toEqual([2, 3, 4, 5, 6, 7, 8].map((row) => `H${row} paper-only/no-evidence`));
  });
  it("can be switched off", () => {
    expect(
      findings(ledger([{ ...DONE, evidence: "" }]), { paperOnly: { "no-evidence": false } }, "paper-only"),
    ).toEqual([]);
  });
});

describe("paper-only/documents-only", () => {
  it.each([
    ["召开党组会议专题研究，印发《关于加强理论学习中心组学习的通知》", true],
    ["组织学习传达会议精神；修订完善相关制度", true],
    ["召开专题会议研究部署，开展专项检查", false],
    ["制定方案，招聘6名专职人员", false],
    ["印发《2025年督查检查计划》", true],
    ["对全市义务教育招生入学实行“阳光招生”平台全程公示", false],
    ["", false],
  ])("%j → %s", (text, expected) => expect(isDocumentsOnly(text)).toBe(expected));

  // Found by the reading sweep of 2026-12-02: how often a meeting was held is no action on the
  // ground; seminars, warning education, circulars and signed pledges are meetings and paper.
  it.each([
    ["召开整改推进会3次", true],
    ["召开2次党委会专题研究", true],
    ["组织集中学习4次，印发整改通报2期", true],
    ["传达学习会议精神10次", true],
    ["组织开展专题学习研讨2次，印发学习通知", true],
    ["开展专题研讨", true],
    ["开展警示教育", true],
    ["签订责任书", true],
    ["召开全体教职工大会，通报整改情况", true],
    // A count of what was done on the ground still clears it; so does a sanction.
    ["召开会议，清退违规资金3笔", false],
    ["印发方案，投入资金50万元", false],
    ["通报批评3人", false],
    ["召开会议部署，完成12所学校改造", false],
    // Work on the ground the reading sweep of 2026-12-03 found called paper (a study, meeting or
    // notice word inside a noun: 研究生, 学习用品, 会议室, 通知公告栏; or a plan named as the basis).
    ["为研究生宿舍更换空调", false],
    ["为学生配发学习用品和校服", false],
    ["将会议室改作学生自习室", false],
    ["张贴办事指南，设立通知公告栏", false],
    ["依据整改方案更换老化线路、修缮教学楼屋顶", false],
    ["按计划完成操场塑胶跑道翻新", false],
    // Study that leaves only paper or was only watched (the sweep of 2026-12-03 found these unflagged).
    ["组织全体党员撰写心得体会", true],
    ["召开专题会议，组织党员撰写心得体会", true],
    ["组织干部观看警示教育片，撰写心得体会", true],
    ["开展主题党日活动，交流学习体会", true],
    ["组织观看警示教育片，对2名违规人员给予处分", false],
  ])("%j → %s", (text, expected) => expect(isDocumentsOnly(text)).toBe(expected));

  it("flags only tasks marked done, at the measures cell", () => {
    const g = ledger([
      { ...DONE, measures: "召开党组会议专题研究，印发《关于加强学习的通知》" },
      { status: "正在推进", measures: "召开专题会议传达学习精神，修订学习制度" },
    ]);
    expect(findings(g, {}, "paper-only")).toEqual(["C2 paper-only/documents-only"]);
  });
});

describe("paper-only/long-term-closed", () => {
  it("flags ongoing tasks marked done, at the status cell", () => {
    const g = ledger([
      { ...DONE, deadline: "长期坚持" },
      { status: "持续推进", deadline: "长期坚持" },
      { ...DONE, deadline: "常态化" },
    ]);
    expect(findings(g, {}, "paper-only")).toEqual(["G2 paper-only/long-term-closed", "G4 paper-only/long-term-closed"]);
  });
});

describe("paper-only/duplicate-text", () => {
  const same = "将责任清单细化到全部42个内设科室和直属单位，年底前完成考核";
  it("flags the same measures under different problems, each naming the other", () => {
    const g = ledger([
      { problem: "清单未细化", measures: same },
      { problem: "干部储备不足", measures: `${same}。` },
      { problem: "其他", measures: "开展检查3次" },
    ]);
    expect(findings(g, {}, "paper-only")).toEqual(["C2 paper-only/duplicate-text", "C3 paper-only/duplicate-text"]);
    expect(report(g).findings[0]!.message).toContain("C3");
  });
  it("names only the copies under other problems, never one under its own", () => {
    // The reading sweep of 2026-12-03: C2 named C3, its own problem's row, as "a different problem".
    const g = ledger([
      { problem: "清单未细化", measures: same },
      { problem: "清单未细化", measures: same },
      { problem: "干部储备不足", measures: same },
    ]);
    const msg = (cell: string) => report(g).findings.find((f) => f.cell === cell)!.message;
    expect(msg("C2")).toContain("整改措施与C4完全相同");
    expect(msg("C3")).toContain("整改措施与C4完全相同");
    expect(msg("C4")).toContain("整改措施与C2、C3完全相同");
  });

  it("ignores short texts and repeats under the same problem", () => {
    const g = ledger([
      { problem: "甲", measures: "按要求落实" },
      { problem: "乙", measures: "按要求落实" },
      { problem: "丙", measures: same },
      { problem: "丙", measures: same },
    ]);
    expect(findings(g, {}, "paper-only")).toEqual([]);
  });
  it("normalises spaces, punctuation and numbering", () => {
    expect(normalizeMeasures("1. 开展 专项检查，建立台账。")).toBe(normalizeMeasures("开展专项检查,建立台账"));
  });
});

describe("paper-only/vague-measures", () => {
  it.each([
    ["进一步加强青年干部理论学习，切实增强学习实效", true],
    ["高度重视，不断提高认识", true],
    ["进一步加强管理，年底前开展检查2次", false],
    ["切实加强学习，落实《中心组学习规则》", false],
    ["开展专项检查，建立问题台账", false],
    // Slogans the reading sweep of 2026-12-02 found unflagged, and measures beside them that act.
    ["压实整改责任，强化日常监督，确保问题不再发生", true],
    ["严格落实主体责任，坚决杜绝类似问题发生", true],
    ["强化责任担当，从严从实抓好整改落实", true],
    ["提高政治站位，增强整改自觉，推动整改见底见效", true],
    ["强化门禁管理，安装监控摄像头", false],
    ["压实责任，对12名责任人约谈", false],
    ["严格落实财务审批制度，对超标费用全部清退", false],
    // Physical work (the reading sweep of 2026-12-03 called it slogans).
    ["在校门口安装道闸", false],
    ["备足沙袋、救生衣等防汛物资", false],
    ["在校内施划停车位", false],
    ["为老旧教学楼加装电梯", false],
    // A long-term mechanism with nothing said of what it is (the sweep of 2026-12-03 left it unflagged).
    ["建立健全长效机制", true],
    ["建立长效机制，巩固整改成果", true],
    ["建立长效机制，每季度开展一次检查", false],
    ["建立长效机制，印发《招生工作监督办法》", false],
    ["加大工作力度，持续深化整改，确保取得实效", true],
    ["加强领导，落实责任，确保整改到位", true],
    ["加大查处力度，对5起违规问题立案调查", false],
    ["加强组织领导，成立专项工作组，每月开展检查", false],
  ])("%j → %s", (text, expected) => expect(isVague(text)).toBe(expected));

  it("flags the measures cell whatever the status", () => {
    const g = ledger([
      { measures: "进一步加强学习，切实提高认识" },
      { ...DONE, measures: "进一步加强学习，切实提高认识。" },
    ]);
    expect(findings(g, {}, "paper-only")).toContain("C2 paper-only/vague-measures");
    expect(findings(g, {}, "paper-only")).toContain("C3 paper-only/vague-measures");
  });
});

describe("summary", () => {
  it("counts tasks, not findings", () => {
    const g = ledger([{ ...DONE, evidence: "", deadline: "长期坚持" }, { lead: "", department: "" }, {}]);
    expect(report(g).summary).toMatchObject({
      tasks: 3,
      done: 1,
      inProgress: 2,
      paperOnly: 1,
      incomplete: 1,
      completionRate: 0.3333,
    });
  });
});

describe("paper-only/duplicate-text with many copies", () => {
  it("names three other copies and counts the rest", () => {
    const same = "将责任清单细化到全部42个内设科室和直属单位，年底前完成考核";
    const g = ledger(Array.from({ length: 6 }, (_, i) => ({ problem: `问题${i}`, measures: same })));
    const messages = report(g)
      .findings.filter((f) => f.reason === "duplicate-text")
      .map((f) => f.message);
    expect(messages).toHaveLength(6);
    expect(messages[0]).toContain("与C3、C4、C5等5处完全相同");
    expect(report(g, { lang: "en" }).findings.find((f) => f.reason === "duplicate-text")!.message).toContain(
      "C3, C4, C5 and 2 more",
    );
  });
});

describe("normalizeMeasures", () => {
  // The plain definition (\p{P}\p{S}) the fast explicit class must agree with on what ledgers hold:
  // ASCII, CJK ideographs, CJK punctuation and full-width forms.
  const reference = (text: string) =>
    text
      .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
      .replace(/[\s\p{P}\p{S}]/gu, "")
      .replace(/^(?:\d+|[一二三四五六七八九十]+)(?=\D)/, "")
      .toLowerCase();

  it("agrees with its Unicode-property definition on ledger text", () => {
    const code = fc.oneof(
      fc.integer({ min: 0x20, max: 0x7e }),
      fc.integer({ min: 0x4e00, max: 0x9fff }),
      fc.integer({ min: 0x3000, max: 0x3004 }),
      fc.integer({ min: 0x3008, max: 0x3020 }),
      fc.integer({ min: 0xff01, max: 0xff5e }),
      fc.constantFrom(0x201c, 0x201d, 0x2018, 0x2019, 0x2014, 0x2026, 0x00b7, 0x00a0),
    );
    fc.assert(
      fc.property(fc.array(code, { maxLength: 40 }), (codes) => {
        const text = String.fromCharCode(...codes);
        expect(normalizeMeasures(text)).toBe(reference(text));
      }),
      { numRuns: 2000 },
    );
  });

  it("agrees on any UTF-16 text with the explicit class it was first written as", () => {
    // The one-pass loop must ignore exactly what this regular expression did, everywhere.
    const IGNORED =
      /[\s!-/:-@[-`{-~\u00a0-\u00bf\u00d7\u00f7\u2000-\u206f\u2100-\u2bff\u3000-\u3004\u3008-\u3020\u3030\u303d-\u303f\ufe30-\ufe4f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\uffe0-\uffee]/g;
    const explicit = (text: string) =>
      text
        .replace(IGNORED, "")
        .replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
        .replace(/^(?:\d+|[一二三四五六七八九十]+)(?=\D)/, "")
        .toLowerCase();
    const code = fc.oneof(
      fc.integer({ min: 0, max: 0xffff }),
      fc.integer({ min: 0, max: 0x7f }),
      fc.integer({ min: 0x2000, max: 0x3040 }),
      fc.integer({ min: 0xfe00, max: 0xffff }),
    );
    fc.assert(
      fc.property(fc.array(code, { maxLength: 40 }), (codes) => {
        const text = String.fromCharCode(...codes);
        expect(normalizeMeasures(text)).toBe(explicit(text));
      }),
      { numRuns: 5000 },
    );
  });
});

describe("measuresFingerprint", () => {
  const reference = (s: string, minLength: number) => {
    const n = normalizeMeasures(s);
    if (n.length < minLength) return -1;
    let h = 0x811c9dc5;
    for (let i = 0; i < n.length; i++) h = Math.imul(h ^ n.charCodeAt(i), 0x01000193);
    return h & 0x3fffffff;
  };
  // Numbering, numerals, digits (both widths), letters of both cases, punctuation, CJK and
  // the odd cased letter: the leading-number and lower-case rules are where a shortcut errs.
  const piece = fc.oneof(
    fc.constantFrom(
      "1",
      "12",
      "１",
      "一",
      "二十",
      "三",
      "、",
      "．",
      ".",
      " ",
      "，",
      "A",
      "ｂ",
      "Z",
      "措施",
      "检查",
      "É",
      "Σ",
      "《",
      "》",
    ),
    fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  );

  it("is the hash of normalizeMeasures, or -1 when that is too short, for any text", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.integer({ min: 0, max: 8 }), (pieces, min) => {
        const text = pieces.join("");
        expect(measuresFingerprint(text, min)).toBe(reference(text, min));
      }),
      { numRuns: 10000 },
    );
  });

  it("strips leading numbering as the regular expression does", () => {
    for (const text of ["12", "12a", "一二", "一2", "二十3", "一", "1、措施", "十一、措施", "一二三"]) {
      for (const min of [0, 1, 2]) expect(measuresFingerprint(text, min), text).toBe(reference(text, min));
    }
  });
});

describe("isDocumentsOnly", () => {
  // The clause-by-clause definition, without the whole-text shortcuts.
  const reference = (m: string) => {
    const parts = clauses(m);
    return (
      parts.length > 0 && parts.every((p) => DOCUMENT_ACTION.test(p) && !CONCRETE_ACTION.test(p) && !NUMBER.test(p))
    );
  };

  it("agrees with its clause-by-clause definition", () => {
    const word = fc.constantFrom(
      "召开会议",
      "印发",
      "《关于检查的通知》",
      "《办法》",
      "学习",
      "检查",
      "考核",
      "3名",
      "1、",
      "（2）",
      "，",
      "。",
      "；",
      "issue a",
      "issue",
      "plan",
      "inspect",
      "close",
      "进一步",
      "部署",
      "二、",
      "落实",
      " ",
      "\n",
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 8 }), (words) => {
        const text = words.join("");
        expect(isDocumentsOnly(text)).toBe(reference(text));
      }),
      { numRuns: 5000 },
    );
  });
});
